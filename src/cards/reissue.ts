import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { enqueueLetter, enqueueMail } from '../mail/outbox.ts';
import { findMemberById } from '../members/repository.ts';
import { encrypt } from '../security/data-keys.ts';
import { hashSecret } from '../security/password.ts';
import { appendAudit } from '../support/audit.ts';
import { CARD_VALIDITY_YEARS } from './apply.ts';
import { generateCardNumber } from './card-number.ts';
import {
  claimPendingReplacement,
  copyUsageNotification,
  listPendingReplacements,
  markReplacementIssued,
} from './controls-repository.ts';
import { cardNumberHash, insertCard } from './repository.ts';
import { checkStartPin, drawStartPin } from './start-pin.ts';

export interface ReissueReport {
  issued: { cardId: number; lostLast4: string; newCardId: number; last4: string }[];
}

/** The first moment after the day `asOf` in the configured time zone (requests up to then are issued). */
function endOfDay(asOf: string, timeZone: string): Date {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + 1);
  const offsetMs = zoneOffsetMs(new Date(utcMidnight), timeZone);
  return new Date(utcMidnight - offsetMs);
}

/** `pin` unless the holder's birth date makes it guessable; then another draw that avoids it. */
function drawStartPinAvoiding(pin: string, birthDate: string): string {
  return checkStartPin(pin, birthDate) === null ? pin : drawStartPin(birthDate);
}

/** How far `timeZone` is ahead of UTC at an instant, in ms (Asia/Tokyo: +9 h). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - at.getTime();
}

/**
 * The reissue batch (`cardnavi reissue --as-of YYYY-MM-DD`): every card reported lost or stolen up to the
 * end of `asOf` gets its replacement — a new card with a NEW number (encrypted, with its keyed lookup hash),
 * active, valid five years from `asOf`, on the same member ID and not enrolled yet: the member does the start
 * procedure when it arrives. It gets a NEW random start PIN (drawStartPin: never one the application would
 * refuse); only its argon2id hash is stored and the PIN itself goes only into a letter to the card's
 * registered postal address (the outbox's `letter` channel, encrypted until handed to the print service),
 * never into an email, a log or the audit row — whoever has the lost card's papers learns nothing. The
 * member is mailed, the audit log records it with the batch as actor, and usage notifications carry over.
 * Each card is claimed under a row lock and issued in its own transaction, so running it twice (or twice at
 * once) issues each replacement once.
 */
export async function issuePendingReplacements(
  target: { db: Db; config: Config; log?: Logger; now: () => Date },
  asOf: string,
): Promise<ReissueReport> {
  const { db, config } = target;
  const report: ReissueReport = { issued: [] };
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  const pending = await listPendingReplacements(db, endOfDay(asOf, config.contact.timeZone));
  for (const { card_id } of pending) {
    const numbers = await Promise.all(
      Array.from({ length: 5 }, generateCardNumber).map(async (number) => ({
        number,
        hash: await cardNumberHash(db, config, number),
      })),
    );
    const pin = drawStartPin();
    const startPinHash = await hashSecret(pin);
    const issued = await db.transaction().execute(async (trx) => {
      const lost = await claimPendingReplacement(trx, card_id);
      if (!lost) return undefined;
      // Never the holder's birth date: drawn again against it (the hash above is then recomputed).
      const cardPin = drawStartPinAvoiding(pin, lost.birth_date);
      const cardPinHash = cardPin === pin ? startPinHash : await hashSecret(cardPin);
      const memberId = lost.enrolled_member_id ?? lost.member_id;
      for (const { number, hash } of numbers) {
        const inserted = await insertCard(trx, {
          memberId,
          numberEnc: encrypt(config.dataKeys, number),
          numberHash: hash,
          last4: number.slice(-4),
          expiryYear: year + CARD_VALIDITY_YEARS,
          expiryMonth: month,
          holderName: lost.holder_name,
          birthDate: lost.birth_date,
          phone: lost.phone,
          brand: lost.brand,
          creditLimit: lost.credit_limit,
          status: 'active',
          startPinHash: cardPinHash,
          incomeBand: lost.income_band,
        });
        if (!inserted) continue;
        const at = target.now();
        const last4 = number.slice(-4);
        await markReplacementIssued(trx, lost.id, inserted.id, at);
        await copyUsageNotification(trx, lost.id, inserted.id, at);
        await appendAudit(trx, {
          at,
          staffId: null,
          action: 'card.reissue',
          memberId,
          cardId: lost.id,
          after: { actor: 'system', replacementCardId: inserted.id, replacementLast4: last4 },
        });
        const member = memberId === null ? undefined : await findMemberById(trx, memberId);
        await enqueueLetter(trx, config, {
          cardId: inserted.id,
          addressee: lost.holder_name,
          lang: member?.lang ?? 'ja',
          template: 'card_reissue_letter',
          params: { holderName: lost.holder_name, last4, pin: cardPin },
        });
        if (member)
          await enqueueMail(trx, config, {
            to: member.email,
            lang: member.lang,
            template: 'card_reissued',
            params: {
              userId: member.user_id,
              lostLast4: lost.last4,
              last4,
              enrollLink: '/portal/enroll',
              helpLink: '/help/card-payment/lost-stolen-card',
            },
          });
        return { cardId: lost.id, lostLast4: lost.last4, newCardId: inserted.id, last4 };
      }
      throw new Error('could not draw an unused card number');
    });
    if (issued) report.issued.push(issued);
  }
  target.log?.info({ asOf, issued: report.issued.length }, 'card reissue');
  return report;
}
