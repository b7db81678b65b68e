import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';

/**
 * SQL of the card controls (/portal/card): the member's temporary lock, the loss report and its replacement,
 * usage notifications. Every change is one guarded statement, so two tabs or two requests cannot both win.
 */

/** One card the member enrolled, with its controls; undefined when the card is not enrolled by this member. */
export function findControlledCard(db: Executor, memberId: number, cardId: number) {
  return db
    .selectFrom('card_enrollments as e')
    .innerJoin('cards as c', 'c.id', 'e.card_id')
    .leftJoin('card_usage_notifications as n', (j) =>
      j.onRef('n.card_id', '=', 'c.id').on('n.member_id', '=', memberId),
    )
    .leftJoin('card_replacements as r', 'r.card_id', 'c.id')
    .leftJoin('cards as rc', 'rc.id', 'r.replacement_card_id')
    .select([
      'c.id',
      'c.last4',
      'c.brand',
      'c.status',
      'c.expiry_year',
      'c.expiry_month',
      'c.locked_by_member_at',
      'n.min_amount as notify_min_amount',
      'r.requested_at as replacement_requested_at',
      'r.issued_at as replacement_issued_at',
      'rc.last4 as replacement_last4',
    ])
    .where('e.member_id', '=', memberId)
    .where('c.id', '=', cardId)
    .executeTakeFirst();
}

/** Locks an active, unlocked card (利用停止). Returns whether this call locked it. */
export async function lockCardByMember(db: Executor, cardId: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('cards')
    .set({ locked_by_member_at: now })
    .where('id', '=', cardId)
    .where('status', '=', 'active')
    .where('locked_by_member_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Lifts the member's lock (再開). Returns whether this call lifted it. */
export async function unlockCardByMember(db: Executor, cardId: number): Promise<boolean> {
  const r = await db
    .updateTable('cards')
    .set({ locked_by_member_at: null })
    .where('id', '=', cardId)
    .where('locked_by_member_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Loss or theft report: an active card (locked or not) becomes reissue_requested for good and a replacement
 * is queued, in the caller's transaction. Returns whether this call reported it.
 */
export async function reportCardLostByMember(db: Executor, cardId: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('cards')
    .set({
      status: 'reissue_requested',
      status_reason: 'reported lost or stolen by the member',
      status_changed_at: now,
      locked_by_member_at: null,
    })
    .where('id', '=', cardId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.insertInto('card_replacements').values({ card_id: cardId, requested_at: now }).execute();
  return true;
}

/** Replacements not issued yet that were requested before `before`, oldest first (the reissue batch). */
export function listPendingReplacements(db: Executor, before: Date) {
  return db
    .selectFrom('card_replacements')
    .select(['card_id', 'requested_at'])
    .where('issued_at', 'is', null)
    .where('requested_at', '<', before)
    .orderBy('requested_at')
    .orderBy('card_id')
    .execute();
}

/**
 * Claims one pending replacement under a row lock (a second batch running at the same time skips it) and
 * reads what the new card copies from the lost one, with the member ID it is enrolled to.
 */
export function claimPendingReplacement(trx: Executor, cardId: number) {
  return trx
    .selectFrom('card_replacements as r')
    .innerJoin('cards as c', 'c.id', 'r.card_id')
    .leftJoin('card_enrollments as e', 'e.card_id', 'c.id')
    .select([
      'c.id',
      'c.member_id',
      'c.last4',
      'c.holder_name',
      'c.birth_date',
      'c.phone',
      'c.brand',
      'c.credit_limit',
      'c.income_band',
      'e.member_id as enrolled_member_id',
    ])
    .where('r.card_id', '=', cardId)
    .where('r.issued_at', 'is', null)
    .forUpdate('r')
    .skipLocked()
    .executeTakeFirst();
}

/** The replacement is issued: the new card is linked to the lost one. */
export async function markReplacementIssued(trx: Executor, cardId: number, newCardId: number, now: Date) {
  await trx
    .updateTable('card_replacements')
    .set({ replacement_card_id: newCardId, issued_at: now })
    .where('card_id', '=', cardId)
    .execute();
}

/** Replacements of the cards a member enrolled, with whether the new card is enrolled yet (notices). */
export function replacementsOfMember(db: Executor, memberId: number) {
  return db
    .selectFrom('card_enrollments as e')
    .innerJoin('card_replacements as r', 'r.card_id', 'e.card_id')
    .innerJoin('cards as c', 'c.id', 'r.card_id')
    .leftJoin('cards as rc', 'rc.id', 'r.replacement_card_id')
    .leftJoin('card_enrollments as re', 're.card_id', 'r.replacement_card_id')
    .select((eb) => [
      'c.id as card_id',
      'c.last4',
      eb('r.issued_at', 'is not', null).$castTo<boolean>().as('issued'),
      'rc.last4 as replacement_last4',
      're.member_id as replacement_enrolled_by',
    ])
    .where('e.member_id', '=', memberId)
    .orderBy('r.requested_at');
}

/** Turns usage notifications on (or changes the amount) for a card of a member. */
export async function upsertUsageNotification(
  db: Executor,
  values: { cardId: number; memberId: number; minAmount: number; now: Date },
) {
  await db
    .insertInto('card_usage_notifications')
    .values({
      card_id: values.cardId,
      member_id: values.memberId,
      min_amount: values.minAmount,
      updated_at: values.now,
    })
    .onConflict((oc) =>
      oc.column('card_id').doUpdateSet({
        member_id: values.memberId,
        min_amount: values.minAmount,
        updated_at: values.now,
      }),
    )
    .execute();
}

/** Turns usage notifications off for a card. Returns whether they were on. */
export async function deleteUsageNotification(db: Executor, cardId: number): Promise<boolean> {
  const r = await db.deleteFrom('card_usage_notifications').where('card_id', '=', cardId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A replacement card keeps the lost card's usage notifications. */
export async function copyUsageNotification(db: Executor, fromCardId: number, toCardId: number, now: Date) {
  await db
    .insertInto('card_usage_notifications')
    .columns(['card_id', 'member_id', 'min_amount', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('card_usage_notifications')
        .select([
          sql<number>`${toCardId}::int`.as('card_id'),
          'member_id',
          'min_amount',
          sql<Date>`${now}::timestamptz`.as('updated_at'),
        ])
        .where('card_id', '=', fromCardId),
    )
    .onConflict((oc) => oc.column('card_id').doNothing())
    .execute();
}

/**
 * Of these transactions, the ones a member asked to be told about (amount at or above their amount), with
 * the member's address and language, ordered by member then day.
 */
export function listNotifiableTransactions(db: Executor, transactionIds: number[]) {
  return db
    .selectFrom('card_transactions as t')
    .innerJoin('card_usage_notifications as n', 'n.card_id', 't.card_id')
    .innerJoin('cards as c', 'c.id', 't.card_id')
    .innerJoin('members as m', 'm.id', 'n.member_id')
    .select([
      't.id',
      't.used_on',
      't.merchant',
      't.amount',
      'c.last4',
      'n.min_amount',
      'm.id as member_id',
      'm.email',
      'm.lang',
      'm.user_id',
    ])
    .where('t.id', 'in', transactionIds)
    .whereRef('t.amount', '>=', 'n.min_amount')
    .where('m.status', '=', 'active')
    .orderBy('m.id')
    .orderBy('t.used_on')
    .orderBy('t.id')
    .execute();
}
