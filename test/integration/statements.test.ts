/**
 * Issue 12: statements, spending and points from the database, on PGlite and PostgreSQL — the demo
 * history of hanako read back through the flows, and another member's card refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawMember } from '../../src/account/withdraw.ts';
import { enrollCardToMember, insertCard, upsertImportedTransaction } from '../../src/cards/repository.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import {
  FORFEIT_DESCRIPTION,
  listStatementMonths,
  loadPoints,
  loadSpending,
  loadStatement,
  type Statement,
} from '../../src/statements/statement.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

describe.each(databaseKinds())('statements on %s', (kind) => {
  let t: TestApp;
  let hanako: number;
  let other: number;

  beforeAll(async () => {
    t = await createTestApp(kind);
    // 5 December 2026 in Tokyo: November is closed but not final (final on the 12th), December is open.
    t.setNow(new Date('2026-12-05T01:00:00Z'));
    const ids = await seedDemo(t.deps);
    hanako = ids.get('hanako@example.jp')!;
    other = (await createMember(t.deps)).id;
    // A fresh migrated database and the whole demo cast's argon2 hashes: slow on a shared machine.
  }, 180_000);
  afterAll(() => t?.close());

  async function statement(month: string): Promise<Statement> {
    const result = await loadStatement(t.deps, hanako, month);
    if (!result.ok) throw new Error(`no statement for ${month}: ${result.code}`);
    return result.statement;
  }

  it('offers the open month and the last 15 closed months, with status and payment state', async () => {
    const result = await listStatementMonths(t.deps, hanako);
    if (!result.ok) throw new Error(result.code);
    expect(result.card.last4).toBe('9003');
    expect(result.months.map((m) => m.month)).toHaveLength(16);
    expect(result.months[0]).toMatchObject({
      month: '2026-12',
      status: 'open',
      payment: { state: 'not_due' },
    });
    expect(result.months[1]).toMatchObject({
      month: '2026-11',
      status: 'closed',
      paymentDate: '2026-12-28', // the 27th is a Sunday
      payment: { state: 'not_due' },
    });
    expect(result.months[2]).toMatchObject({ month: '2026-10', status: 'final', payment: { state: 'paid' } });
    expect(result.months.at(-1)?.month).toBe('2025-09');
    expect(result.months.every((m) => m.count > 0)).toBe(true);
    // Every closed month whose payment date has passed was paid in full.
    for (const m of result.months.slice(2)) {
      const s = await statement(m.month);
      expect(m.payment).toEqual({ state: 'paid', paidOn: m.paymentDate, amount: s.breakdown.total });
    }
  });

  it('bills the revolving hotel stay ¥10,000 a month with a fee on the balance carried in', async () => {
    // Seeded in the 10th month of the history (2026-06): ¥68,000 revolving.
    const june = await statement('2026-06');
    const hotel = june.lines.find((l) => l.paymentMethod === 'revolving');
    expect(hotel).toMatchObject({ merchant: 'みなと旅行 ホテル予約', amount: 68_000, billed: null });
    expect(june.breakdown).toMatchObject({ revolvingPrincipal: 10_000, revolvingFee: 0 });
    const july = await statement('2026-07');
    // 58,000 × 15% / 12 = 725
    expect(july.breakdown).toMatchObject({ revolvingPrincipal: 10_000, revolvingFee: 725 });
    const december = await statement('2026-12');
    // 8,000 left after November's statement: 8,000 × 15% / 12 = 100
    expect(december.breakdown).toMatchObject({ revolvingPrincipal: 8_000, revolvingFee: 100 });
  });

  it('shows the appliance in 6 instalments as n/6 in each month it is billed', async () => {
    const start = await statement('2026-09');
    const first = start.lines.find((l) => l.paymentMethod === 'instalment');
    expect(first?.instalment).toEqual({ number: 1, of: 6 });
    // ¥89,800 in 6 at 4.42 per ¥100: fee 3,969 → 664 + 661 × 5; principal 14,970 + 14,966 × 5
    expect(first).toMatchObject({ billed: 14_970, fee: 664 });
    const fourth = await statement('2026-12');
    expect(fourth.lines.find((l) => l.paymentMethod === 'instalment')?.instalment).toEqual({
      number: 4,
      of: 6,
    });
    expect(fourth.breakdown).toMatchObject({ instalmentPrincipal: 14_966, instalmentFee: 661 });
  });

  it('totals the breakdown from its parts, the annual fee included', async () => {
    const withFee = await statement('2026-03');
    expect(withFee.breakdown.annualFee).toBe(1_375);
    const b = withFee.breakdown;
    expect(b.total).toBe(
      b.oneTime +
        b.revolvingPrincipal +
        b.revolvingFee +
        b.instalmentPrincipal +
        b.instalmentFee +
        b.annualFee,
    );
    const oneTime = withFee.lines
      .filter((l) => l.kind === 'purchase' && l.paymentMethod === 'one_time')
      .reduce((sum, l) => sum + l.amount, 0);
    expect(b.oneTime).toBe(oneTime);
  });

  it('refuses another member’s card and months outside the window as not found', async () => {
    const mine = await listStatementMonths(t.deps, hanako);
    if (!mine.ok) throw new Error(mine.code);
    expect(await loadStatement(t.deps, other, '2026-10', mine.card.id)).toEqual({
      ok: false,
      code: 'no_card',
    });
    const withCard = (await createMember(t.deps)).id;
    await seedOtherCard(withCard);
    expect(await loadStatement(t.deps, withCard, '2026-10', mine.card.id)).toEqual({
      ok: false,
      code: 'statement_not_found',
    });
    expect(await loadStatement(t.deps, hanako, '2025-08')).toEqual({
      ok: false,
      code: 'statement_not_found',
    });
    expect(await loadStatement(t.deps, hanako, '2027-01')).toEqual({
      ok: false,
      code: 'statement_not_found',
    });
    expect(await loadStatement(t.deps, hanako, '2026-13')).toEqual({
      ok: false,
      code: 'statement_not_found',
    });
  });

  it('sums spending for 12 months and by category for a month', async () => {
    const mine = await listStatementMonths(t.deps, hanako);
    if (!mine.ok) throw new Error(mine.code);
    const spending = await loadSpending(t.deps, mine.card.id, '2026-10');
    expect(spending.byMonth.map((m) => m.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    const october = await statement('2026-10');
    const purchases = october.lines
      .filter((l) => l.kind === 'purchase' && l.usedThisMonth)
      .reduce((s, l) => s + l.amount, 0);
    expect(spending.byMonth.at(-1)?.total).toBe(purchases);
    expect(spending.byCategory.reduce((s, c) => s + c.total, 0)).toBe(purchases);
    expect(spending.byCategory[0]?.total).toBeGreaterThanOrEqual(spending.byCategory.at(-1)?.total ?? 0);
    expect(spending.byCategory.map((c) => c.category)).toContain('groceries');
  });

  it('keeps points: earned per line, 1,500 used, expiring 12 months after the last earning', async () => {
    const result = await loadPoints(t.deps, hanako);
    if (!result.ok) throw new Error(result.code);
    const earned = result.ledger.history.filter((h) => h.kind === 'earned').reduce((s, h) => s + h.points, 0);
    expect(result.ledger.history.filter((h) => h.kind === 'used').map((h) => h.points)).toEqual([
      -500, -1_000,
    ]);
    expect(result.ledger.balance).toBe(earned - 1_500);
    expect(result.ledger.nextExpiry).toEqual({ on: '2027-12-31', points: result.ledger.balance });
    const october = await statement('2026-10');
    const monthEntry = result.ledger.history.find((h) => h.kind === 'earned' && h.month === '2026-10');
    expect(monthEntry?.points).toBe(october.pointsEarned);
  });

  it('forfeits a card’s points when its member ID withdraws, so the next member ID starts at 0', async () => {
    const leaving = (await createMember(t.deps)).id;
    const cardId = await seedOtherCard(leaving);
    await upsertImportedTransaction(t.deps.db, {
      cardId,
      usedOn: '2026-11-20',
      merchant: 'さくらマート',
      amount: 12_345,
      externalId: `forfeit-test-${cardId}`,
      points: 123,
    });
    const before = await loadPoints(t.deps, leaving);
    expect(before.ok && before.ledger.balance).toBe(123);
    expect(await withdrawMember(t.deps, leaving)).toEqual({ ok: true });
    const next = (await createMember(t.deps)).id;
    await enrollCardToMember(t.deps.db, cardId, next, t.deps.now());
    const after = await loadPoints(t.deps, next);
    if (!after.ok) throw new Error(after.code);
    expect(after.ledger.balance).toBe(0);
    expect(after.ledger.history[0]).toMatchObject({
      kind: 'adjusted',
      points: -123,
      description: FORFEIT_DESCRIPTION,
    });
  });

  async function seedOtherCard(memberId: number) {
    const card = await insertCard(t.deps.db, {
      memberId,
      numberEnc: 'x',
      numberHash: `other-${memberId}`,
      last4: '1111',
      expiryYear: 2030,
      expiryMonth: 1,
      holderName: 'OTHER PERSON',
      birthDate: '1990-01-01',
      phone: '090-1111-1111',
      brand: 'visa',
      creditLimit: 100_000,
      status: 'active',
      startPinHash: 'x',
      incomeBand: null,
    });
    await enrollCardToMember(t.deps.db, card!.id, memberId, t.deps.now());
    return card!.id;
  }
});
