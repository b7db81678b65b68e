import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { normaliseIdentifier } from '../members/identity.ts';
import { findMemberByUserId } from '../members/repository.ts';
import { encrypt } from '../security/data-keys.ts';
import { lineKinds, paymentMethods, spendingCategories } from '../statements/categories.ts';
import { pointsForLine } from '../statements/points.ts';
import { normaliseCardNumber, passesLuhn } from './card-number.ts';
import {
  cardNumberHash,
  findCardIdByNumberHash,
  upsertImportedCard,
  upsertImportedTransaction,
} from './repository.ts';
import { incomeBands } from './screening.ts';
import type { CardBrand, CardStatus } from './tables.ts';
import { notifyImportedUsage } from './usage-notifications.ts';

/**
 * Import from the issuer's core system (docs/CARDS.md has the formats). One driver for every kind of row:
 * read the file (CSV or JSON Lines), validate each row with the kind's zod row schema (an issue's message is
 * the reason reported, at most one per field), report a bad row with its line number and reasons and do not
 * import it, upsert the good rows (by the card number's hash, by the transaction's external_id) so running
 * the same file twice changes nothing. Reports never contain a card number.
 */

export interface ImportRow {
  line: number;
  fields: Record<string, unknown>;
}

export interface RefusedRow {
  line: number;
  reasons: string[];
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  refused: RefusedRow[];
  /** Usage-notification mails queued (transactions only): one per member told about new lines. */
  notified?: number;
}

/** Reads CSV (header row) or JSON Lines (.jsonl/.ndjson) into rows with their line numbers. */
export function readImportRows(fileName: string, text: string): { rows: ImportRow[]; refused: RefusedRow[] } {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    const rows: ImportRow[] = [];
    const refused: RefusedRow[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        const value: unknown = JSON.parse(raw);
        if (value && typeof value === 'object' && !Array.isArray(value))
          rows.push({ line: i + 1, fields: value as Record<string, unknown> });
        else refused.push({ line: i + 1, reasons: ['not a JSON object'] });
      } catch {
        refused.push({ line: i + 1, reasons: ['not valid JSON'] });
      }
    });
    return { rows, refused };
  }
  const records = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
    info: true,
    relax_column_count: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return { rows: records.map((r) => ({ line: r.info.lines, fields: r.record })), refused: [] };
}

/** A real calendar day 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A cell as text: CSV gives strings, JSON Lines any value (null and missing read as empty). */
const cell = z.unknown().transform((v) => (v === undefined || v === null ? '' : String(v).trim()));

/** A cell of an optional column: a file may leave the column out altogether. */
const optionalCell = z
  .unknown()
  .optional()
  .transform((v) => (v === undefined || v === null ? '' : String(v).trim()));

/** A check whose message is the reason a row is refused; later checks on the same field are skipped. */
const reason = (error: string) => ({ error, abort: true });

const cardNumber = cell.transform(normaliseCardNumber).pipe(
  z
    .string()
    .regex(/^\d{16}$/, reason('card number must have 16 digits'))
    .refine(passesLuhn, reason('card number fails the Luhn check')),
);

const isoDate = (field: string) => cell.refine(isIsoDate, reason(`${field} must be a date YYYY-MM-DD`));

const statuses = [
  'active',
  'suspended',
  'cancelled_at_renewal',
  'force_cancelled',
  'closed_by_member',
] as const satisfies readonly CardStatus[];
const brands = ['visa', 'mastercard', 'jcb', 'amex'] as const satisfies readonly CardBrand[];

/** Looks a value up once per import (the same member or card recurs on many rows). */
function cachedLookup<T>(find: (key: string) => Promise<T | undefined>) {
  const cache = new Map<string, T | undefined>();
  return async (key: string) => {
    if (!cache.has(key)) cache.set(key, await find(key));
    return cache.get(key);
  };
}

/** Fails the field with `message` when the lookup finds nothing; otherwise gives what it found. */
function known<T>(lookup: (key: string) => Promise<T | undefined>, message: string) {
  return async (key: string, ctx: z.RefinementCtx) => {
    const found = await lookup(key);
    if (found === undefined) ctx.addIssue({ code: 'custom', message });
    return found as T;
  };
}

interface ImportTarget {
  db: Db;
  config: Config;
  now: () => Date;
}

/** One kind of row: its schema (which may look rows up in the database) and the idempotent write. */
interface RowKind<Row> {
  schema: z.ZodType<Row> & { shape: Record<string, unknown> };
  write(row: Row): Promise<{ inserted: boolean }>;
}

/** The import driver: parse, validate every row, write the good ones, report the rest by line. */
async function importRows<Row>(
  kind: RowKind<Row>,
  fileName: string,
  content: string,
  onRow: (done: number, total: number) => void,
): Promise<ImportReport> {
  const { rows, refused } = readImportRows(fileName, content);
  const report: ImportReport = { total: rows.length + refused.length, created: 0, updated: 0, refused };
  for (const [i, row] of rows.entries()) {
    const parsed = await kind.schema.safeParseAsync(row.fields);
    if (!parsed.success) {
      // Reasons in the order of the fields (the database look-ups finish after the plain checks).
      const fields = Object.keys(kind.schema.shape);
      const order = (issue: z.core.$ZodIssue) => fields.indexOf(String(issue.path[0]));
      const issues = parsed.error.issues.toSorted((a, b) => order(a) - order(b));
      report.refused.push({ line: row.line, reasons: issues.map((issue) => issue.message) });
    } else if ((await kind.write(parsed.data)).inserted) report.created += 1;
    else report.updated += 1;
    onRow(i + 1, rows.length);
  }
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}

/** A card row: the fields in the order their reasons are reported. */
function cardRow({ db }: ImportTarget) {
  const memberIdOf = cachedLookup(async (userId) => (await findMemberByUserId(db, userId))?.id);
  return z.object({
    number: cardNumber,
    member_user_id: cell
      .transform(normaliseIdentifier)
      .pipe(z.string().min(1, reason('member_user_id is missing')))
      .transform(known(memberIdOf, 'member_user_id is not a known member ID')),
    holder_name: cell.pipe(
      z
        .string()
        .min(1, reason('holder_name must be 1–100 characters'))
        .max(100, reason('holder_name must be 1–100 characters')),
    ),
    birth_date: isoDate('birth_date'),
    phone: cell.pipe(z.string().regex(/^\+?[\d-]{8,20}$/, reason('phone must be 8–20 digits or hyphens'))),
    brand: cell
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(brands, reason(`brand must be one of ${brands.join(', ')}`))),
    credit_limit: cell
      .refine(
        (v) => v !== '' && Number.isInteger(Number(v)) && Number(v) >= 0,
        reason('credit_limit must be a whole number of yen ≥ 0'),
      )
      .transform(Number),
    expiry: cell.transform((v, ctx) => {
      const match = /^(\d{4})-(\d{2})$/.exec(v);
      const month = Number(match?.[2]);
      if (!match || month < 1 || month > 12) {
        ctx.addIssue({ code: 'custom', message: 'expiry must be YYYY-MM' });
        return z.NEVER;
      }
      return { year: Number(match[1]), month };
    }),
    status: cell.pipe(z.enum(statuses, reason(`status must be one of ${statuses.join(', ')}`))),
    start_pin_hash: cell.pipe(
      z
        .string()
        .regex(
          /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
          reason('start_pin_hash must be an argon2id hash'),
        ),
    ),
    income_band: cell.pipe(
      z.union(
        [z.literal(''), z.enum(incomeBands)],
        reason(`income_band must be empty or one of ${incomeBands.join(', ')}`),
      ),
    ),
  });
}

/** `cardnavi import cards`: creates or updates cards. `onRow` reports progress. */
export function importCards(
  target: ImportTarget,
  fileName: string,
  content: string,
  onRow: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const { db, config } = target;
  const kind: RowKind<z.output<ReturnType<typeof cardRow>>> = {
    schema: cardRow(target),
    async write(row) {
      return upsertImportedCard(
        db,
        {
          memberId: row.member_user_id,
          numberEnc: encrypt(config.dataKeys, row.number),
          numberHash: await cardNumberHash(db, config, row.number),
          last4: row.number.slice(-4),
          expiryYear: row.expiry.year,
          expiryMonth: row.expiry.month,
          holderName: row.holder_name,
          birthDate: row.birth_date,
          phone: row.phone,
          brand: row.brand,
          creditLimit: row.credit_limit,
          status: row.status,
          startPinHash: row.start_pin_hash,
          incomeBand: row.income_band || null,
        },
        target.now(),
      );
    },
  };
  return importRows(kind, fileName, content, onRow);
}

/** A transaction row: the card must already exist (found by its number's hash). */
function transactionRow({ db, config }: ImportTarget) {
  const cardIdOf = cachedLookup(async (number) =>
    findCardIdByNumberHash(db, await cardNumberHash(db, config, number)),
  );
  return z
    .object({
      card_number: cardNumber.transform(known(cardIdOf, 'card_number is not a known card')),
      external_id: cell.pipe(
        z.string().regex(/^[\w.:-]{1,100}$/, reason('external_id must be 1–100 letters, digits, . _ : -')),
      ),
      used_on: isoDate('used_on'),
      merchant: cell.pipe(
        z
          .string()
          .min(1, reason('merchant must be 1–200 characters'))
          .max(200, reason('merchant must be 1–200 characters')),
      ),
      amount: cell
        .refine(
          (v) => v !== '' && Number.isInteger(Number(v)) && Math.abs(Number(v)) <= 100_000_000,
          reason('amount must be a whole number of yen'),
        )
        .transform(Number),
      // Optional columns (issue 12); an empty or missing cell takes the default.
      kind: optionalCell
        .transform((v) => v || 'purchase')
        .pipe(z.enum(lineKinds, reason(`kind must be one of ${lineKinds.join(', ')}`))),
      category: optionalCell
        .transform((v) => v || 'other')
        .pipe(z.enum(spendingCategories, reason(`category must be one of ${spendingCategories.join(', ')}`))),
      payment_method: optionalCell
        .transform((v) => v || 'one_time')
        .pipe(z.enum(paymentMethods, reason(`payment_method must be one of ${paymentMethods.join(', ')}`))),
      instalments: optionalCell.refine(
        (v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) >= 2 && Number(v) <= 36),
        reason('instalments must be a whole number 2–36'),
      ),
    })
    .superRefine((row, ctx) => {
      // The database check: instalments exactly when the payment method is instalment.
      if ((row.payment_method === 'instalment') !== (row.instalments !== ''))
        ctx.addIssue({
          code: 'custom',
          path: ['instalments'],
          message: 'instalments must be given with payment_method instalment, and only then',
        });
    });
}

/**
 * `cardnavi import transactions`: creates or updates card transactions by external_id. Once every row is
 * written, the new lines that members asked to be told about are mailed, batched per member
 * (usage-notifications.ts): the mail step runs after the writes, never inside them.
 */
export async function importTransactions(
  target: ImportTarget,
  fileName: string,
  content: string,
  onRow: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const created: number[] = [];
  const kind: RowKind<z.output<ReturnType<typeof transactionRow>>> = {
    schema: transactionRow(target),
    async write(row) {
      const written = await upsertImportedTransaction(target.db, {
        cardId: row.card_number,
        usedOn: row.used_on,
        merchant: row.merchant,
        amount: row.amount,
        externalId: row.external_id,
        kind: row.kind,
        category: row.category,
        paymentMethod: row.payment_method,
        instalments: row.instalments === '' ? null : Number(row.instalments),
        points: pointsForLine(row.amount, row.kind, target.config.points.yenPerPoint),
      });
      if (written.inserted) created.push(Number(written.id));
      return written;
    },
  };
  const report = await importRows(kind, fileName, content, onRow);
  return { ...report, notified: await notifyImportedUsage(target, created) };
}
