import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { formatDay, formatYen } from '../i18n/format.ts';
import type { Logger } from '../log.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { appendAudit } from '../support/audit.ts';
import {
  deleteUsageNotification,
  findControlledCard,
  listNotifiableTransactions,
  upsertUsageNotification,
} from './controls-repository.ts';

export type UsageNotificationResult = { ok: true; minAmount: number | null } | Failure<'card_not_found'>;

/**
 * Usage notifications (ご利用通知): a mail for each new transaction of the card at or above `minAmount`
 * yen; null turns them off (the default). Only for a card the member enrolled.
 */
export async function setUsageNotifications(
  deps: AppDeps,
  input: { memberId: number; cardId: number; minAmount: number | null },
): Promise<UsageNotificationResult> {
  const { db, now } = deps;
  const card = await findControlledCard(db, input.memberId, input.cardId);
  if (!card) return { ok: false, code: 'card_not_found' };
  await db.transaction().execute(async (trx) => {
    const at = now();
    if (input.minAmount === null) await deleteUsageNotification(trx, card.id);
    else
      await upsertUsageNotification(trx, {
        cardId: card.id,
        memberId: input.memberId,
        minAmount: input.minAmount,
        now: at,
      });
    await appendAudit(trx, {
      at,
      staffId: null,
      action: 'card.usage_notifications_by_member',
      memberId: input.memberId,
      cardId: card.id,
      before: { minAmount: card.notify_min_amount },
      after: { minAmount: input.minAmount, actor: 'member' },
    });
  });
  return { ok: true, minAmount: input.minAmount };
}

/** Transactions per query when looking up who to tell (keeps each statement's parameter list bounded). */
const LOOKUP_CHUNK = 1000;

/**
 * After an import's rows are written and committed: the new transactions members asked to be told about
 * are mailed, one mail per member per import listing every such line (never a mail per line, never while
 * the import holds a lock). Lines re-sent by a later import are updates, not new, so nobody is told twice.
 * Returns the number of mails queued.
 */
export async function notifyImportedUsage(
  target: { db: Db; config: Config; log?: Logger },
  newTransactionIds: readonly number[],
): Promise<number> {
  const { db, config } = target;
  const byMember = new Map<number, Awaited<ReturnType<typeof listNotifiableTransactions>>>();
  for (let i = 0; i < newTransactionIds.length; i += LOOKUP_CHUNK) {
    const chunk = newTransactionIds.slice(i, i + LOOKUP_CHUNK);
    for (const row of await listNotifiableTransactions(db, chunk)) {
      const lines = byMember.get(row.member_id) ?? [];
      lines.push(row);
      byMember.set(row.member_id, lines);
    }
  }
  for (const lines of byMember.values()) {
    const [first] = lines;
    if (!first) continue;
    const lang = first.lang;
    const sorted = lines.toSorted((a, b) =>
      a.used_on < b.used_on ? -1 : a.used_on > b.used_on ? 1 : a.id - b.id,
    );
    await enqueueMail(db, config, {
      to: first.email,
      lang,
      template: 'card_usage',
      params: {
        userId: first.user_id,
        count: String(sorted.length),
        lines: sorted
          .map(
            (l) =>
              `${formatDay(lang, l.used_on)}  ${l.merchant}  ${formatYen(lang, l.amount)}  (****${l.last4})`,
          )
          .join('\n'),
        statementsLink: '/portal/statements',
        settingsLink: '/portal/card',
      },
    });
  }
  target.log?.info({ lines: newTransactionIds.length, mails: byMember.size }, 'usage notifications');
  return byMember.size;
}
