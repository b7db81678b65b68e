import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { normaliseIdentifier } from '../members/identity.ts';
import { findMemberByUserId } from '../members/repository.ts';
import { encrypt } from '../security/crypto.ts';
import { normaliseCardNumber, passesLuhn } from './card-number.ts';
import {
  cardNumberHash,
  findCardIdByNumberHash,
  upsertImportedCard,
  upsertImportedTransaction,
} from './repository.ts';
import { type IncomeBand, incomeBands } from './screening.ts';
import type { CardBrand, CardStatus } from './tables.ts';

/**
 * Import from the issuer's core system (docs/CARDS.md has the formats). Every row is validated; a bad row
 * is reported with its line number and reasons and not imported, the good rows are upserted (by the card
 * number's hash, by the transaction's external_id), so running the same file twice changes nothing.
 * Reports never contain a card number.
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

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/** A real calendar day 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkCardNumber(value: unknown, reasons: string[]): string {
  const digits = normaliseCardNumber(text(value));
  if (!/^\d{16}$/.test(digits)) reasons.push('card number must have 16 digits');
  else if (!passesLuhn(digits)) reasons.push('card number fails the Luhn check');
  return digits;
}

const statuses: readonly CardStatus[] = [
  'active',
  'suspended',
  'cancelled_at_renewal',
  'force_cancelled',
  'closed_by_member',
];
const brands: readonly CardBrand[] = ['visa', 'mastercard', 'jcb', 'amex'];

interface ImportTarget {
  db: Db;
  config: Config;
  now: () => Date;
}

/** `cardnavi import cards`: creates or updates cards. `onRow` reports progress. */
export async function importCards(
  target: ImportTarget,
  fileName: string,
  content: string,
  onRow: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const { db, config } = target;
  const { rows, refused } = readImportRows(fileName, content);
  const report: ImportReport = { total: rows.length + refused.length, created: 0, updated: 0, refused };
  const members = new Map<string, number | undefined>();
  for (const [i, row] of rows.entries()) {
    const f = row.fields;
    const reasons: string[] = [];
    const number = checkCardNumber(f.number, reasons);
    const userId = normaliseIdentifier(text(f.member_user_id));
    let memberId: number | undefined;
    if (!userId) reasons.push('member_user_id is missing');
    else {
      if (!members.has(userId)) members.set(userId, (await findMemberByUserId(db, userId))?.id);
      memberId = members.get(userId);
      if (memberId === undefined) reasons.push('member_user_id is not a known member ID');
    }
    const holderName = text(f.holder_name);
    if (!holderName || holderName.length > 100) reasons.push('holder_name must be 1–100 characters');
    const birthDate = text(f.birth_date);
    if (!isIsoDate(birthDate)) reasons.push('birth_date must be a date YYYY-MM-DD');
    const phone = text(f.phone);
    if (!/^\+?[\d-]{8,20}$/.test(phone)) reasons.push('phone must be 8–20 digits or hyphens');
    const brand = text(f.brand).toLowerCase() as CardBrand;
    if (!brands.includes(brand)) reasons.push(`brand must be one of ${brands.join(', ')}`);
    const limit = Number(text(f.credit_limit));
    if (!Number.isInteger(limit) || limit < 0 || text(f.credit_limit) === '')
      reasons.push('credit_limit must be a whole number of yen ≥ 0');
    const expiry = /^(\d{4})-(\d{2})$/.exec(text(f.expiry));
    const expiryMonth = Number(expiry?.[2]);
    if (!expiry || expiryMonth < 1 || expiryMonth > 12) reasons.push('expiry must be YYYY-MM');
    const status = text(f.status) as CardStatus;
    if (!statuses.includes(status)) reasons.push(`status must be one of ${statuses.join(', ')}`);
    const pinHash = text(f.start_pin_hash);
    if (!/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.test(pinHash))
      reasons.push('start_pin_hash must be an argon2id hash');
    const band = text(f.income_band);
    if (band && !incomeBands.includes(band as IncomeBand))
      reasons.push(`income_band must be empty or one of ${incomeBands.join(', ')}`);

    if (reasons.length > 0) report.refused.push({ line: row.line, reasons });
    else {
      const upserted = await upsertImportedCard(
        db,
        {
          memberId: memberId!,
          numberEnc: encrypt(config.cardDataKeys, number),
          numberHash: await cardNumberHash(db, config, number),
          last4: number.slice(-4),
          expiryYear: Number(expiry![1]),
          expiryMonth,
          holderName,
          birthDate,
          phone,
          brand,
          creditLimit: limit,
          status,
          startPinHash: pinHash,
          incomeBand: band ? (band as IncomeBand) : null,
        },
        target.now(),
      );
      if (upserted.inserted) report.created += 1;
      else report.updated += 1;
    }
    onRow(i + 1, rows.length);
  }
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}

/** `cardnavi import transactions`: creates or updates card transactions by external_id. */
export async function importTransactions(
  target: ImportTarget,
  fileName: string,
  content: string,
  onRow: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const { db, config } = target;
  const { rows, refused } = readImportRows(fileName, content);
  const report: ImportReport = { total: rows.length + refused.length, created: 0, updated: 0, refused };
  const cards = new Map<string, number | undefined>();
  for (const [i, row] of rows.entries()) {
    const f = row.fields;
    const reasons: string[] = [];
    const number = checkCardNumber(f.card_number, reasons);
    let cardId: number | undefined;
    if (reasons.length === 0) {
      const hash = await cardNumberHash(db, config, number);
      if (!cards.has(hash)) cards.set(hash, await findCardIdByNumberHash(db, hash));
      cardId = cards.get(hash);
      if (cardId === undefined) reasons.push('card_number is not a known card');
    }
    const externalId = text(f.external_id);
    if (!/^[\w.:-]{1,100}$/.test(externalId))
      reasons.push('external_id must be 1–100 letters, digits, . _ : -');
    const usedOn = text(f.used_on);
    if (!isIsoDate(usedOn)) reasons.push('used_on must be a date YYYY-MM-DD');
    const merchant = text(f.merchant);
    if (!merchant || merchant.length > 200) reasons.push('merchant must be 1–200 characters');
    const amount = Number(text(f.amount));
    if (text(f.amount) === '' || !Number.isInteger(amount) || Math.abs(amount) > 100_000_000)
      reasons.push('amount must be a whole number of yen');

    if (reasons.length > 0) report.refused.push({ line: row.line, reasons });
    else {
      const upserted = await upsertImportedTransaction(db, {
        cardId: cardId!,
        usedOn,
        merchant,
        amount,
        externalId,
      });
      if (upserted.inserted) report.created += 1;
      else report.updated += 1;
    }
    onRow(i + 1, rows.length);
  }
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}
