import { type Kysely, sql } from 'kysely';
import type { PostalAddress } from '../account/address.ts';
import type { Config } from '../config.ts';
import type { Database, Executor } from '../db/schema.ts';
import { lookupKey } from '../security/data-keys.ts';
import { hmac, safeEqual } from '../security/tokens.ts';
import type { LineKind, PaymentMethod, SpendingCategory } from '../statements/categories.ts';
import { normaliseCardNumber } from './card-number.ts';
import type { IncomeBand } from './screening.ts';
import { startPinLimit } from './start-pin.ts';
import type { CardStatus } from './tables.ts';

/** SQL of the cards domain. The support console uses the functions marked "support". */

/** Cards applied for by a member, with whether each is enrolled (support, portal). Never the full number. */
export function findCardsOfMember(db: Executor, memberId: number) {
  return db
    .selectFrom('cards as c')
    .leftJoin('card_enrollments as e', 'e.card_id', 'c.id')
    .select([
      'c.id',
      'c.member_id',
      'c.last4',
      'c.brand',
      'c.status',
      'c.status_reason',
      'c.locked_by_member_at',
      'c.holder_name',
      'c.birth_date',
      'c.phone',
      'c.start_pin_failures',
      'c.start_pin_locked_at',
      'e.member_id as enrolled_member_id',
      'e.enrolled_at',
    ])
    .where('c.member_id', '=', memberId)
    .orderBy('c.id')
    .execute();
}

/** Support: the card a caller's card number names (by its keyed hash), with what identity checks compare. */
export function findCardForCallerCheck(db: Executor, numberHash: string) {
  return db
    .selectFrom('cards')
    .select(['id', 'member_id', 'holder_name', 'birth_date', 'phone'])
    .where('number_hash', '=', numberHash)
    .executeTakeFirst();
}

/** Support: lifts a start-procedure lock and resets its counter. Returns the previous state, if the card exists. */
export async function unlockStartPin(db: Executor, cardId: number) {
  const before = await db
    .selectFrom('cards')
    .select(['start_pin_failures', 'start_pin_locked_at'])
    .where('id', '=', cardId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('cards')
    .set({ start_pin_failures: 0, start_pin_locked_at: null })
    .where('id', '=', cardId)
    .execute();
  return before;
}

/**
 * Support: replaces a card's start PIN (only its argon2id hash is stored) and clears the lock and counter, in
 * one statement under the row lock. Returns the state before, or undefined when there is no such card.
 */
export async function replaceStartPin(db: Executor, cardId: number, startPinHash: string) {
  const before = await db
    .selectFrom('cards')
    .select(['start_pin_failures', 'start_pin_locked_at', 'holder_name', 'last4', 'birth_date'])
    .where('id', '=', cardId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('cards')
    .set({ start_pin_hash: startPinHash, start_pin_failures: 0, start_pin_locked_at: null })
    .where('id', '=', cardId)
    .execute();
  return before;
}

/** Support (supervisor): suspends, restores or cancels a card, with a reason. Returns the previous status. */
export async function setCardStatus(
  db: Executor,
  cardId: number,
  status: CardStatus,
  reason: string,
  now: Date,
) {
  const before = await db
    .selectFrom('cards')
    .select(['status'])
    .where('id', '=', cardId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('cards')
    .set({ status, status_reason: reason, status_changed_at: now })
    .where('id', '=', cardId)
    .execute();
  return before.status;
}

// ---------------------------------------------------------------------------------------------------------
// Card-number lookup: number_hash is keyed by the lookup key of security/data-keys.ts, so it survives
// data-key rotation.

/** number_hash of a card number (digits only): HMAC-SHA-256 under the lookup key. */
export async function cardNumberHash(db: Kysely<Database>, config: Config, digits: string): Promise<string> {
  return hmac(await lookupKey(db, config.dataKeys), digits);
}

/**
 * Support: whether a number typed by a caller is this card's number (identity check). Compares keyed
 * hashes in constant time; the stored number is never decrypted.
 */
export async function verifyCardNumberForCard(
  db: Kysely<Database>,
  config: Config,
  cardId: number,
  typedNumber: string,
): Promise<boolean> {
  const row = await db.selectFrom('cards').select('number_hash').where('id', '=', cardId).executeTakeFirst();
  const candidate = await cardNumberHash(db, config, normaliseCardNumber(typedNumber));
  // An unknown card still costs the hash, so the answer time does not say whether the card exists.
  return row ? safeEqual(candidate, row.number_hash) : false;
}

// ---------------------------------------------------------------------------------------------------------
// Enrollment (start procedure)

/** The card a typed number names, with the user ID of the member ID that applied for it. */
export function findCardByNumberHash(db: Executor, numberHash: string) {
  return db
    .selectFrom('cards as c')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .leftJoin('card_enrollments as e', 'e.card_id', 'c.id')
    .select([
      'c.id',
      'c.member_id',
      'c.birth_date',
      'c.status',
      'c.last4',
      'c.start_pin_failures',
      'c.start_pin_locked_at',
      'm.user_id as owner_user_id',
      'e.member_id as enrolled_member_id',
    ])
    .where('c.number_hash', '=', numberHash)
    .executeTakeFirst();
}

/**
 * Reserves one start-PIN evaluation in a single guarded statement, before the PIN is checked: concurrent
 * requests can never evaluate more than the limit. The reservation that reaches it also sets the lock.
 * The WHERE is isStartPinLocked negated, in SQL. Returns the failures counted so far (this attempt
 * included) and the hash, or undefined when locked.
 */
export function reserveStartPinAttempt(
  db: Executor,
  cardId: number,
  config: Pick<Config, 'startPin'>,
  now: Date,
) {
  const max = startPinLimit(config);
  return db
    .updateTable('cards')
    .set({
      start_pin_failures: sql`start_pin_failures + 1`,
      start_pin_locked_at: sql`case when start_pin_failures + 1 >= ${max}::int then ${now}::timestamptz else null end`,
    })
    .where('id', '=', cardId)
    .where('start_pin_failures', '<', max)
    .where('start_pin_locked_at', 'is', null)
    .returning(['start_pin_failures', 'start_pin_hash'])
    .executeTakeFirst();
}

/**
 * A correct start PIN that does not enroll (the card is on another member ID, P02): the reserved try is
 * given back in one statement. The reservation that proved the PIN is the one that may have set the lock
 * (it was unlocked before), so the lock goes with it.
 */
export async function releaseStartPinAttempt(db: Executor, cardId: number) {
  await db
    .updateTable('cards')
    .set({ start_pin_failures: sql`greatest(start_pin_failures - 1, 0)`, start_pin_locked_at: null })
    .where('id', '=', cardId)
    .execute();
}

/** A correct start PIN: the card is enrolled to the member and its reserved attempt released. */
export async function enrollCardToMember(trx: Executor, cardId: number, memberId: number, now: Date) {
  // A card whose applying member ID withdrew has no owner; whoever proves it with number, birth date and
  // start PIN becomes its member ID (DOMAIN.md cause 10: register again, enroll again).
  await trx
    .updateTable('cards')
    .set({ member_id: memberId })
    .where('id', '=', cardId)
    .where('member_id', 'is', null)
    .execute();
  await trx
    .insertInto('card_enrollments')
    .values({ card_id: cardId, member_id: memberId, enrolled_at: now })
    .onConflict((oc) => oc.column('card_id').doNothing())
    .execute();
  await trx
    .updateTable('cards')
    .set({ start_pin_failures: 0, start_pin_locked_at: null })
    .where('id', '=', cardId)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Portal

/** Cards enrolled by a member, newest enrollment last. Never the full number. */
export function findEnrolledCards(db: Executor, memberId: number) {
  return db
    .selectFrom('card_enrollments as e')
    .innerJoin('cards as c', 'c.id', 'e.card_id')
    .select([
      'c.id',
      'c.last4',
      'c.brand',
      'c.status',
      'c.credit_limit',
      'c.expiry_year',
      'c.expiry_month',
      'c.locked_by_member_at',
      'e.enrolled_at',
    ])
    .where('e.member_id', '=', memberId)
    .orderBy('e.enrolled_at')
    .orderBy('c.id')
    .execute();
}

/** Sum of usage on a card from a day on (unbilled usage). */
export function cardUsageSince(db: Executor, cardId: number, from: string) {
  return db
    .selectFrom('card_transactions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('total'))
    .where('card_id', '=', cardId)
    .where('used_on', '>=', from);
}

/** The newest transactions of a card (card_transactions_card_day_idx order). */
export function recentTransactions(db: Executor, cardId: number, limit: number) {
  return db
    .selectFrom('card_transactions')
    .select(['id', 'used_on', 'merchant', 'amount'])
    .where('card_id', '=', cardId)
    .orderBy('used_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------------------
// Application, import, renewal

export interface NewCard {
  memberId: number | null;
  numberEnc: string;
  numberHash: string;
  last4: string;
  expiryYear: number;
  expiryMonth: number;
  holderName: string;
  birthDate: string;
  phone: string;
  brand: 'visa' | 'mastercard' | 'jcb' | 'amex';
  creditLimit: number;
  status: CardStatus;
  startPinHash: string;
  incomeBand: IncomeBand | null;
  /** From a card application: the name in kanji and kana and the address the card is posted to. */
  applicant?: CardApplicant;
}

export interface CardApplicant {
  nameKanji: string;
  nameKana: string;
  address: PostalAddress;
}

function cardRow(card: NewCard) {
  return {
    member_id: card.memberId,
    number_enc: card.numberEnc,
    number_hash: card.numberHash,
    last4: card.last4,
    expiry_year: card.expiryYear,
    expiry_month: card.expiryMonth,
    holder_name: card.holderName,
    birth_date: card.birthDate,
    phone: card.phone,
    brand: card.brand,
    credit_limit: card.creditLimit,
    status: card.status,
    status_reason: null,
    status_changed_at: null,
    start_pin_hash: card.startPinHash,
    start_pin_locked_at: null,
    income_band: card.incomeBand,
    ...(card.applicant
      ? {
          holder_name_kanji: card.applicant.nameKanji,
          holder_name_kana: card.applicant.nameKana,
          mailing_postal_code: card.applicant.address.postalCode,
          mailing_prefecture: card.applicant.address.prefecture,
          mailing_address_line1: card.applicant.address.addressLine1,
          mailing_address_line2: card.applicant.address.addressLine2 || null,
        }
      : {}),
  };
}

/** Inserts a new card; undefined when the number already exists (the caller draws another number). */
export function insertCard(db: Executor, card: NewCard) {
  return db
    .insertInto('cards')
    .values(cardRow(card))
    .onConflict((oc) => oc.column('number_hash').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * Import: creates or updates a card by its number. An update keeps the start PIN, its counter and lock
 * (they belong to the start procedure, not to the core system), the member's own lock, a loss report's
 * status, and the income band when the file has none.
 */
export async function upsertImportedCard(db: Executor, card: NewCard, now: Date) {
  const row = await db
    .insertInto('cards')
    .values(cardRow(card))
    .onConflict((oc) =>
      oc.column('number_hash').doUpdateSet((eb) => ({
        member_id: eb.ref('excluded.member_id'),
        expiry_year: eb.ref('excluded.expiry_year'),
        expiry_month: eb.ref('excluded.expiry_month'),
        holder_name: eb.ref('excluded.holder_name'),
        birth_date: eb.ref('excluded.birth_date'),
        phone: eb.ref('excluded.phone'),
        brand: eb.ref('excluded.brand'),
        credit_limit: eb.ref('excluded.credit_limit'),
        // A card the member reported lost stays blocked: a later file from the core system cannot reopen it.
        status: sql`case when cards.status = 'reissue_requested' then cards.status else excluded.status end`,
        status_changed_at: sql`case when cards.status <> 'reissue_requested' and cards.status is distinct from excluded.status then ${now}::timestamptz else cards.status_changed_at end`,
        status_reason: sql`case when cards.status <> 'reissue_requested' and cards.status is distinct from excluded.status then 'import' else cards.status_reason end`,
        income_band: sql`coalesce(excluded.income_band, cards.income_band)`,
      })),
    )
    .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
  return row;
}

/** A transaction line from the core system (import) or the demo seed. */
export interface ImportedTransaction {
  cardId: number;
  usedOn: string;
  merchant: string;
  amount: number;
  externalId: string;
  kind?: LineKind;
  category?: SpendingCategory;
  paymentMethod?: PaymentMethod;
  /** Required with paymentMethod 'instalment', null otherwise. */
  instalments?: number | null;
  /** Points earned by the line (statements/points.ts pointsForLine). */
  points?: number;
}

/** Whether the line being upserted has a live after-the-fact change by its member. */
const memberChanged = sql<boolean>`exists (select 1 from card_payment_changes p
  where p.transaction_id = card_transactions.id and p.undone_at is null)`;

/** Import: creates or updates a transaction by the core system's id. Returns whether it was new. */
export async function upsertImportedTransaction(db: Executor, tx: ImportedTransaction) {
  return db
    .insertInto('card_transactions')
    .values({
      card_id: tx.cardId,
      used_on: tx.usedOn,
      merchant: tx.merchant,
      amount: tx.amount,
      external_id: tx.externalId,
      kind: tx.kind ?? 'purchase',
      category: tx.category ?? 'other',
      payment_method: tx.paymentMethod ?? 'one_time',
      instalments: tx.instalments ?? null,
      points: tx.points ?? 0,
    })
    .onConflict((oc) =>
      oc.column('external_id').doUpdateSet((eb) => ({
        card_id: eb.ref('excluded.card_id'),
        used_on: eb.ref('excluded.used_on'),
        merchant: eb.ref('excluded.merchant'),
        amount: eb.ref('excluded.amount'),
        kind: eb.ref('excluded.kind'),
        category: eb.ref('excluded.category'),
        // A member's after-the-fact change (あとからリボ・分割, card_payment_changes) outlives a resent line.
        payment_method: sql`case when ${memberChanged} then card_transactions.payment_method else excluded.payment_method end`,
        instalments: sql`case when ${memberChanged} then card_transactions.instalments else excluded.instalments end`,
        points: eb.ref('excluded.points'),
      })),
    )
    .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
}

/** Card ids by number hash, for validating transaction rows. */
export async function findCardIdByNumberHash(db: Executor, numberHash: string) {
  const row = await db
    .selectFrom('cards')
    .select('id')
    .where('number_hash', '=', numberHash)
    .executeTakeFirst();
  return row?.id;
}

/** Active cards expiring in a month (cards_expiry_idx), for the renewal batch. */
export function findActiveCardsExpiring(db: Executor, year: number, month: number) {
  return db
    .selectFrom('cards')
    .select(['id', 'member_id', 'last4', 'birth_date', 'income_band', 'credit_limit'])
    .where('expiry_year', '=', year)
    .where('expiry_month', '=', month)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

/** Statuses of a member ID's cards other than one. */
export async function listOtherCardStatuses(db: Executor, memberId: number, exceptCardId?: number) {
  let q = db.selectFrom('cards').select('status').where('member_id', '=', memberId);
  if (exceptCardId !== undefined) q = q.where('id', '!=', exceptCardId);
  return (await q.execute()).map((r) => r.status);
}

/** Renewal passed: five more years, with the screened limit. Guarded: only a still-active card changes. */
export async function renewCard(db: Executor, cardId: number, creditLimit: number, years: number) {
  const r = await db
    .updateTable('cards')
    .set({ expiry_year: sql`expiry_year + ${years}::int`, credit_limit: creditLimit })
    .where('id', '=', cardId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Renewal declined: the card ends with cancelled_at_renewal. Guarded: only a still-active card changes. */
export async function cancelCardAtRenewal(db: Executor, cardId: number, reason: string, now: Date) {
  const r = await db
    .updateTable('cards')
    .set({ status: 'cancelled_at_renewal', status_reason: reason, status_changed_at: now })
    .where('id', '=', cardId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Serialises card applications of one member ID (the card-count rule must hold under concurrency). */
export async function lockMemberForCardApplication(trx: Executor, memberId: number) {
  await trx.selectFrom('members').select('id').where('id', '=', memberId).forUpdate().executeTakeFirst();
}

/** Demo seed only: puts a card in the state the demo cast describes (status reason, PIN lock). */
export async function setDemoCardState(
  trx: Executor,
  cardId: number,
  state: { locked: boolean; max: number; now: Date; statusReason: string | null },
) {
  await trx
    .updateTable('cards')
    .set({
      start_pin_failures: state.locked ? state.max : 0,
      start_pin_locked_at: state.locked ? state.now : null,
      status_reason: state.statusReason,
      status_changed_at: state.statusReason ? state.now : null,
    })
    .where('id', '=', cardId)
    .execute();
}

/**
 * Withdrawal, card side: enrollments removed; the cards stay (they keep working) but no longer point at the
 * member. Returns the ids of the cards detached.
 */
export async function detachMemberCards(db: Executor, memberId: number) {
  const enrolled = await db
    .deleteFrom('card_enrollments')
    .where('member_id', '=', memberId)
    .returning('card_id')
    .execute();
  const cardIds = enrolled.map((r) => r.card_id);
  const detached = await db
    .updateTable('cards')
    .set({ member_id: null, points_balance: 0 })
    .where((eb) =>
      cardIds.length
        ? eb.or([eb('member_id', '=', memberId), eb('id', 'in', cardIds)])
        : eb('member_id', '=', memberId),
    )
    .returning('id')
    .execute();
  return detached.map((r) => r.id);
}
