import type { PostalAddress } from '../account/address.ts';
import type { AppDeps } from '../deps.ts';
import { encrypt } from '../security/data-keys.ts';
import { hashSecret } from '../security/password.ts';
import { todayIn } from './billing.ts';
import { generateCardNumber } from './card-number.ts';
import {
  cardNumberHash,
  insertCard,
  listOtherCardStatuses,
  lockMemberForCardApplication,
} from './repository.ts';
import {
  type DeclineReason,
  defaultScreeningRules,
  type IncomeBand,
  type ScreeningRules,
  screenCard,
} from './screening.ts';

/** Years a card is valid; renewal adds the same. */
export const CARD_VALIDITY_YEARS = 5;

export interface CardApplication {
  memberId: number;
  holderName: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  phone: string;
  incomeBand: IncomeBand;
  /** Already checked by checkStartPin at the edge. */
  startPin: string;
  /** Name in kanji (or as written in Japanese) and in katakana. */
  nameKanji: string;
  nameKana: string;
  /** Where the card (and later a reissued start PIN) is posted. */
  address: PostalAddress;
}

export type CardApplicationResult =
  | { ok: true; decision: 'issued'; cardId: number; last4: string; creditLimit: number }
  | { ok: true; decision: 'declined'; reason: DeclineReason };

/**
 * A logged-in member applies for a card: screened by the rules (docs/CARDS.md) and, when issued, a new
 * number with our prefix is created, encrypted, with the chosen start PIN hashed (argon2id). The member
 * never sees the full number here: it arrives on the card, which is then enrolled in the start procedure.
 */
export async function applyForCard(
  deps: AppDeps,
  application: CardApplication,
  rules: ScreeningRules = defaultScreeningRules,
): Promise<CardApplicationResult> {
  const { db, config, log, now } = deps;
  const today = todayIn(now(), config.contact.timeZone);
  const startPinHash = await hashSecret(application.startPin);
  const candidates = await Promise.all(
    Array.from({ length: 5 }, generateCardNumber).map(async (number) => ({
      number,
      hash: await cardNumberHash(db, config, number),
    })),
  );

  const result = await db.transaction().execute(async (trx): Promise<CardApplicationResult> => {
    await lockMemberForCardApplication(trx, application.memberId);
    const decision = screenCard(rules, {
      birthDate: application.birthDate,
      incomeBand: application.incomeBand,
      otherCards: await listOtherCardStatuses(trx, application.memberId),
      today,
      purpose: 'application',
    });
    if (decision.decision === 'declined') return { ok: true, decision: 'declined', reason: decision.reason };
    const [year, month] = today.split('-').map(Number) as [number, number];
    // A random 11-digit account part rarely collides; on a collision the next candidate is used.
    for (const { number, hash } of candidates) {
      const inserted = await insertCard(trx, {
        memberId: application.memberId,
        numberEnc: encrypt(config.dataKeys, number),
        numberHash: hash,
        last4: number.slice(-4),
        expiryYear: year + CARD_VALIDITY_YEARS,
        expiryMonth: month,
        holderName: application.holderName,
        birthDate: application.birthDate,
        phone: application.phone,
        brand: 'visa',
        creditLimit: decision.creditLimit,
        status: 'active',
        startPinHash,
        incomeBand: application.incomeBand,
        applicant: {
          nameKanji: application.nameKanji,
          nameKana: application.nameKana,
          address: application.address,
        },
      });
      if (inserted)
        return {
          ok: true,
          decision: 'issued',
          cardId: inserted.id,
          last4: number.slice(-4),
          creditLimit: decision.creditLimit,
        };
    }
    throw new Error('could not draw an unused card number');
  });
  log.info(
    {
      memberId: application.memberId,
      decision: result.decision,
      ...(result.decision === 'declined' ? { reason: result.reason } : { cardId: result.cardId }),
    },
    'card application',
  );
  return result;
}
