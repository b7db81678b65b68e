import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CardStatus } from './tables.ts';

type Executor = Kysely<Database> | Transaction<Database>;

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

/** Support: cards with these last 4 digits and birth date, with the member ID each was applied for. */
export function findCardsByLast4AndBirthDate(db: Executor, last4: string, birthDate: string) {
  return db
    .selectFrom('cards as c')
    .leftJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.id', 'c.member_id', 'c.last4', 'c.status', 'm.user_id', 'm.email'])
    .where('c.last4', '=', last4)
    .where('c.birth_date', '=', birthDate)
    .orderBy('c.id')
    .execute();
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
