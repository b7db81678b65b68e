/**
 * The start procedure on real databases. ASVS 6.5.4 wants 20 bits for a lookup secret; a 4-digit start
 * PIN has ~13, so attempts per card are capped very low (5), never reset by time, login or member ID
 * (DOMAIN.md cause 7), and the cap must hold under concurrency (a published advisory of a major identity
 * server: parallel checks exceeding the lockout limit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyForCard } from '../../src/cards/apply.ts';
import { generateCardNumber, maskMemberId } from '../../src/cards/card-number.ts';
import { enrollCard } from '../../src/cards/enroll.ts';
import { findCardsOfMember } from '../../src/cards/repository.ts';
import { seedCardsDemo } from '../../src/cards/seed.ts';
import { decrypt } from '../../src/security/data-keys.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createCard } from '../helpers/support-factories.ts';

const NEWCARD = '4980123456789011';
const TWOIDS = '4980123456789029';

describe.each(databaseKinds())('start procedure on %s', (kind) => {
  let app: TestApp;
  const ids = new Map<string, number>();
  const password = 'correct-horse-battery-9';

  beforeAll(async () => {
    app = await createTestApp(kind, { ENROLL_ATTEMPTS_PER_HOUR: '100000' });
    for (const login of ['newcard@example.jp', 'twoids@example.jp', 'twoids.alt@example.jp']) {
      ids.set(login, (await createMember(app.deps, { userId: login, password })).id);
    }
    await seedCardsDemo(app.deps, ids);
    // A fresh migrated database and the demo cards' argon2 hashes: slow on a shared machine.
  }, 180_000);
  afterAll(() => app?.close());

  const attempt = (login: string, cardNumber: string, birthDate: string, startPin: string) =>
    enrollCard(app.deps, { memberId: ids.get(login)!, cardNumber, birthDate, startPin });

  it('answers an unknown card and a wrong birth date with the same P03', async () => {
    expect(await attempt('newcard@example.jp', '4980123456789037', '1990-04-01', '4721')).toEqual({
      ok: false,
      code: 'P03',
    });
    expect(await attempt('newcard@example.jp', '4111111111111111', '1990-04-01', '4721')).toEqual({
      ok: false,
      code: 'P03',
    });
    expect(await attempt('newcard@example.jp', NEWCARD, '1990-04-02', '4721')).toEqual({
      ok: false,
      code: 'P03',
    });
  });

  it('does not count a P03 against the card', async () => {
    const [card] = await findCardsOfMember(app.deps.db, ids.get('newcard@example.jp')!);
    expect(card?.start_pin_failures).toBe(0);
  });

  it('names the applying member ID, masked, to another member ID that matched number and birth date (P02)', async () => {
    expect(await attempt('twoids.alt@example.jp', TWOIDS, '1985-11-20', '3958')).toEqual({
      ok: false,
      code: 'P02',
      maskedMemberId: 't****s@example.jp',
    });
  });

  it('gives a guesser on another member ID no P02 without the start PIN, and counts each guess against the card', async () => {
    const owner = await createMember(app.deps, { userId: 'p02owner@example.jp', password });
    const guesser = await createMember(app.deps, { userId: 'p02guess@example.jp', password });
    const card = await createCard(app.deps, owner.id, { number: generateCardNumber() });
    const guess = (startPin: string) =>
      enrollCard(app.deps, {
        memberId: guesser.id,
        cardNumber: card.number,
        birthDate: card.birthDate,
        startPin,
      });
    expect(await guess('0007')).toEqual({ ok: false, code: 'P05', remaining: 4 });
    expect(await guess('0008')).toEqual({ ok: false, code: 'P05', remaining: 3 });
    // The right PIN proves the card: only then the applying ID, masked unlike the guesser's own, and the
    // proven try is not counted.
    const proven = await guess('4721');
    expect(proven).toEqual({ ok: false, code: 'P02', maskedMemberId: 'p******r@example.jp' });
    expect(maskMemberId('p02guess@example.jp')).not.toBe('p******r@example.jp');
    const [row] = await findCardsOfMember(app.deps.db, owner.id);
    expect(row?.start_pin_failures).toBe(2);
  });

  it('shows the remaining attempts after a wrong PIN and enrolls with the right one', async () => {
    expect(await attempt('newcard@example.jp', NEWCARD, '1990-04-01', '0001')).toEqual({
      ok: false,
      code: 'P05',
      remaining: 4,
    });
    const enrolled = await attempt('newcard@example.jp', NEWCARD, '1990-04-01', '4721');
    expect(enrolled.ok).toBe(true);
    const [card] = await findCardsOfMember(app.deps.db, ids.get('newcard@example.jp')!);
    expect(card?.enrolled_member_id).toBe(ids.get('newcard@example.jp'));
    expect(card?.start_pin_failures).toBe(0);
  });

  it('does not reset the counter on a new login or when another member ID tries the card', async () => {
    const owner = 'twoids@example.jp';
    expect(await attempt(owner, TWOIDS, '1985-11-20', '1111')).toMatchObject({ remaining: 4 });
    expect(await attempt(owner, TWOIDS, '1985-11-20', '2222')).toMatchObject({ remaining: 3 });

    // A fresh login of the owner and an attempt from the second member ID change nothing.
    const client = new TestClient(app);
    expect((await client.login(owner, password)).status).toBe(303);
    // A wrong PIN from the second member ID counts like any other (P02 only after the right PIN).
    expect(await attempt('twoids.alt@example.jp', TWOIDS, '1985-11-20', '3333')).toMatchObject({
      code: 'P05',
      remaining: 2,
    });
    const page = await client.post('/portal/enroll', {
      cardNumber: TWOIDS,
      birthDate: '1985-11-20',
      startPin: '4444',
    });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('あと1回');
  });

  it('locks the card after exactly 5 wrong PINs under 200 concurrent attempts, and refuses the right PIN after', async () => {
    const member = await createMember(app.deps);
    ids.set(member.userId, member.id);
    // A fresh card through the application flow; the test reads its number as the card would show it.
    const issued = await applyForCard(app.deps, {
      memberId: member.id,
      holderName: 'RACE TEST',
      birthDate: '1990-04-01',
      phone: '090-1111-2222',
      incomeBand: '2m_4m',
      startPin: '4721',
      nameKanji: '競争 試験',
      nameKana: 'キョウソウ シケン',
      address: { postalCode: '100-0001', prefecture: '13', addressLine1: '千代田区千代田1-1' },
    });
    if (issued.decision !== 'issued') throw new Error('test card not issued');
    const row = await app.deps.db
      .selectFrom('cards')
      .select('number_enc')
      .where('id', '=', issued.cardId)
      .executeTakeFirstOrThrow();
    const number = decrypt(app.deps.config.dataKeys, row.number_enc);

    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attempt(member.userId, number, '1990-04-01', String(5000 + i).padStart(4, '0')),
      ),
    );
    const evaluated = results.filter((r) => !r.ok && r.code === 'P05');
    const locked = results.filter((r) => !r.ok && r.code === 'P01');
    // Four answers show remaining attempts; the fifth wrong PIN locks and answers P01, as do all others.
    expect(evaluated).toHaveLength(4);
    expect(locked).toHaveLength(196);
    const card = await app.deps.db
      .selectFrom('cards')
      .select(['start_pin_failures', 'start_pin_locked_at'])
      .where('id', '=', issued.cardId)
      .executeTakeFirstOrThrow();
    expect(card.start_pin_failures).toBe(5);
    expect(card.start_pin_locked_at).not.toBeNull();

    expect(await attempt(member.userId, number, '1990-04-01', '4721')).toEqual({ ok: false, code: 'P01' });
  });

  it('throttles enrollment attempts per member ID across cards (P04)', async () => {
    const throttled = await createTestApp(kind, { ENROLL_ATTEMPTS_PER_HOUR: '3' });
    try {
      const m = await createMember(throttled.deps);
      const tries = [];
      for (let i = 0; i < 4; i++)
        tries.push(
          await enrollCard(throttled.deps, {
            memberId: m.id,
            cardNumber: '4111111111111111',
            birthDate: '1990-01-01',
            startPin: '1234',
          }),
        );
      expect(tries.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['P03', 'P03', 'P03', 'P04']);
    } finally {
      await throttled.close();
    }
  });
});
