import type { AppDeps } from '../deps.ts';
import { encrypt } from '../security/data-keys.ts';
import { hashSecret } from '../security/password.ts';
import { seedDemoStatementHistory } from '../statements/seed.ts';
import { isoDate, todayIn } from './billing.ts';
import { cardNumberHash, enrollCardToMember, insertCard, setDemoCardState } from './repository.ts';
import type { IncomeBand } from './screening.ts';
import { startPinLimit } from './start-pin.ts';
import type { CardStatus } from './tables.ts';

interface DemoCard {
  login: string;
  number: string;
  birthDate: string;
  pin: string;
  holderName: string;
  status: CardStatus;
  statusReason?: string;
  enrolled: boolean;
  pinLocked?: boolean;
  creditLimit: number;
  incomeBand: IncomeBand;
  /** Months from now until expiry (negative: already expired). */
  expiresInMonths: number;
}

/**
 * The demo cast's cards (numbers pass Luhn; the newcard/twoids numbers are a contract). The PINs of
 * the other cards are not published: those members never need them.
 */
const demoCards: DemoCard[] = [
  {
    login: 'hanako@example.jp',
    number: '4980123456789003',
    birthDate: '1988-06-15',
    pin: '5284',
    holderName: 'HANAKO SATO',
    status: 'active',
    enrolled: true,
    creditLimit: 500_000,
    incomeBand: '4m_7m',
    expiresInMonths: 30,
  },
  {
    login: 'newcard@example.jp',
    number: '4980123456789011',
    birthDate: '1990-04-01',
    pin: '4721',
    holderName: 'KENTA SUZUKI',
    status: 'active',
    enrolled: false,
    creditLimit: 300_000,
    incomeBand: '2m_4m',
    expiresInMonths: 59,
  },
  {
    login: 'pinlock@example.jp',
    number: '4980123456789037',
    birthDate: '1979-09-09',
    pin: '6183',
    holderName: 'YUKI TANAKA',
    status: 'active',
    enrolled: false,
    pinLocked: true,
    creditLimit: 300_000,
    incomeBand: '2m_4m',
    expiresInMonths: 48,
  },
  {
    login: 'suspended@example.jp',
    number: '4980123456789045',
    birthDate: '1983-02-11',
    pin: '7302',
    holderName: 'JIRO ITO',
    status: 'suspended',
    statusReason: 'demo: late payment',
    enrolled: true,
    creditLimit: 300_000,
    incomeBand: '2m_4m',
    expiresInMonths: 20,
  },
  {
    login: 'renewal@example.jp',
    number: '4980123456789052',
    birthDate: '1975-12-03',
    pin: '8416',
    holderName: 'MIKI WATANABE',
    status: 'cancelled_at_renewal',
    statusReason: 'demo: renewal screening declined',
    enrolled: true,
    creditLimit: 100_000,
    incomeBand: 'under_2m',
    expiresInMonths: -1,
  },
  {
    login: 'banned@example.jp',
    number: '4980123456789060',
    birthDate: '1992-07-21',
    pin: '2937',
    holderName: 'GORO KATO',
    status: 'active',
    enrolled: true,
    creditLimit: 300_000,
    incomeBand: '2m_4m',
    expiresInMonths: 36,
  },
  {
    login: 'twoids@example.jp',
    number: '4980123456789029',
    birthDate: '1985-11-20',
    pin: '3958',
    holderName: 'AYA KOBAYASHI',
    status: 'active',
    enrolled: false,
    creditLimit: 500_000,
    incomeBand: '4m_7m',
    expiresInMonths: 40,
  },
  {
    // Cause 4 with a dead mailbox: the card lets an operator verify the caller and request the email change.
    login: 'oldphone@example.jp',
    number: '4980123456789078',
    birthDate: '1991-08-30',
    pin: '5173',
    holderName: 'SHO YAMADA',
    status: 'active',
    enrolled: true,
    creditLimit: 300_000,
    incomeBand: '2m_4m',
    expiresInMonths: 44,
  },
];

/** Creates the demo cast's cards, enrollments, locks and transactions. Idempotent: existing cards are kept. */
export async function seedCardsDemo(deps: AppDeps, memberIds: Map<string, number>): Promise<void> {
  const { db, config, now } = deps;
  const today = todayIn(now(), config.contact.timeZone);
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (const [index, card] of demoCards.entries()) {
    const memberId = memberIds.get(card.login);
    if (memberId === undefined) continue;
    const expiry = isoDate(year, month + card.expiresInMonths, 1);
    const inserted = await insertCard(db, {
      memberId,
      numberEnc: encrypt(config.dataKeys, card.number),
      numberHash: await cardNumberHash(db, config, card.number),
      last4: card.number.slice(-4),
      expiryYear: Number(expiry.slice(0, 4)),
      expiryMonth: Number(expiry.slice(5, 7)),
      holderName: card.holderName,
      birthDate: card.birthDate,
      // Fictional, distinct per demo member so the console's phone search finds one.
      phone: `090-0000-${String(index + 1).padStart(4, '0')}`,
      brand: 'visa',
      creditLimit: card.creditLimit,
      status: card.status,
      startPinHash: await hashSecret(card.pin),
      incomeBand: card.incomeBand,
    });
    if (!inserted) continue;
    await db.transaction().execute(async (trx) => {
      if (card.enrolled) await enrollCardToMember(trx, inserted.id, memberId, now());
      await setDemoCardState(trx, inserted.id, {
        locked: card.pinLocked === true,
        max: startPinLimit(config),
        now: now(),
        statusReason: card.statusReason ?? null,
      });
    });
    // 15 closed months and the open one: categories, revolving, instalments, points, payments.
    if (card.login === 'hanako@example.jp') await seedDemoStatementHistory(deps, inserted.id);
  }
}
