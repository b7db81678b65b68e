/**
 * Issue 12: after-the-fact revolving and instalments (あとからリボ・あとから分割) on PGlite and PostgreSQL —
 * the statement and its breakdown follow a change and its undo, the cut-off holds, another member's line is
 * not found, and two submits of the same change (or undo) make one.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCardToMember, insertCard, upsertImportedTransaction } from '../../src/cards/repository.ts';
import {
  changePaymentMethod,
  loadChangeableLine,
  previewPaymentChange,
  undoPaymentChange,
} from '../../src/statements/payment-change.ts';
import { loadStatement, type Statement } from '../../src/statements/statement.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

describe.each(databaseKinds())('after-the-fact revolving and instalments on %s', (kind) => {
  let t: TestApp;
  let member: { id: number; userId: string; password: string };
  let other: { id: number; userId: string; password: string };
  let cardId: number;
  const line: Record<string, number> = {};

  async function addCard(memberId: number, tag: string) {
    const card = await insertCard(t.deps.db, {
      memberId,
      numberEnc: 'x',
      numberHash: `change-${tag}-${memberId}`,
      last4: '4321',
      expiryYear: 2030,
      expiryMonth: 1,
      holderName: 'CHANGE TESTER',
      birthDate: '1990-01-01',
      phone: '090-1111-1111',
      brand: 'visa',
      creditLimit: 500_000,
      status: 'active',
      startPinHash: 'x',
      incomeBand: null,
    });
    await enrollCardToMember(t.deps.db, card!.id, memberId, t.deps.now());
    return card!.id;
  }

  async function addLine(card: number, name: string, usedOn: string, amount: number, extra = {}) {
    const row = await upsertImportedTransaction(t.deps.db, {
      cardId: card,
      usedOn,
      merchant: name,
      amount,
      externalId: `change-${kind}-${card}-${name}`,
      category: 'shopping',
      ...extra,
    });
    line[name] = Number(row.id);
    return Number(row.id);
  }

  async function statement(month: string): Promise<Statement> {
    const result = await loadStatement(t.deps, member.id, month, cardId);
    if (!result.ok) throw new Error(result.code);
    return result.statement;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    // 5 December 2026 in Tokyo: November is closed and unpaid (cut-off 12 December), December is open.
    t.setNow(new Date('2026-12-05T01:00:00Z'));
    member = await createMember(t.deps);
    other = await createMember(t.deps);
    cardId = await addCard(member.id, 'mine');
    await addLine(cardId, 'hotel', '2026-11-20', 35_000);
    await addLine(cardId, 'groceries', '2026-11-21', 2_000);
    await addLine(cardId, 'laptop', '2026-12-02', 59_800);
    await addLine(cardId, 'october', '2026-10-10', 5_000);
    await addLine(cardId, 'fee', '2026-11-01', 1_375, { kind: 'annual_fee' });
    await addLine(cardId, 'refund', '2026-11-25', -1_000);
    await addLine(cardId, 'race', '2026-11-26', 24_000);
    await addLine(cardId, 'undo-race', '2026-11-27', 12_000);
    await addLine(await addCard(other.id, 'theirs'), 'theirs', '2026-11-20', 9_000);
  }, 180_000);
  afterAll(() => t?.close());

  it('changes a closed month’s one-time line to revolving: the breakdown moves it and bills ¥10,000', async () => {
    const before = (await statement('2026-11')).breakdown;
    const result = await changePaymentMethod(t.deps, member.id, line.hotel!, { to: 'revolving' });
    expect(result.ok).toBe(true);
    // 35,000 at ¥10,000 a month: fees 0, 312, 187, 62 (breakdown.test.ts).
    expect(result.ok && result.schedule.fee).toBe(561);
    expect(result.ok && result.schedule.rows.map((r) => [r.month, r.paymentDate])).toEqual([
      ['2026-11', '2026-12-28'], // the 27th is a Sunday
      ['2026-12', '2027-01-27'],
      ['2027-01', '2027-03-01'], // 27 Feb 2027 is a Saturday
      ['2027-02', '2027-03-29'],
    ]);
    const november = await statement('2026-11');
    expect(november.breakdown.oneTime).toBe(before.oneTime - 35_000);
    expect(november.breakdown.revolvingPrincipal).toBe(before.revolvingPrincipal + 10_000);
    expect(november.breakdown.total).toBe(before.total - 25_000);
    expect(november.lines.find((l) => l.id === line.hotel)?.paymentMethod).toBe('revolving');
    const december = await statement('2026-12');
    expect(december.breakdown.revolvingFee).toBe(312);
  });

  it('changes the open month’s line to 6 instalments: first payment ¥9,970 + ¥443 on its own month', async () => {
    const preview = await previewPaymentChange(t.deps, member.id, line.laptop!, {
      to: 'instalment',
      count: 6,
    });
    expect(preview.ok && preview.schedule.fee).toBe(2_643);
    const result = await changePaymentMethod(t.deps, member.id, line.laptop!, { to: 'instalment', count: 6 });
    expect(result.ok).toBe(true);
    const december = await statement('2026-12');
    const laptop = december.lines.find((l) => l.id === line.laptop);
    expect(laptop?.instalment).toEqual({ number: 1, of: 6 });
    expect([laptop?.billed, laptop?.fee]).toEqual([9_970, 443]);
    expect(december.breakdown.instalmentPrincipal).toBe(9_970);
    expect(december.breakdown.instalmentFee).toBe(443);
    const loaded = await loadChangeableLine(t.deps, member.id, line.laptop!);
    expect(loaded.ok && loaded.change?.schedule.rows.map((r) => r.principal + r.fee)).toEqual([
      10_413, 10_406, 10_406, 10_406, 10_406, 10_406,
    ]);
  });

  it('makes one change of two identical submits at the same moment (guarded update)', async () => {
    const results = await Promise.all([
      changePaymentMethod(t.deps, member.id, line.race!, { to: 'instalment', count: 3 }),
      changePaymentMethod(t.deps, member.id, line.race!, { to: 'instalment', count: 3 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'payment_change_already_made' }]);
    const rows = await t.deps.db
      .selectFrom('card_payment_changes')
      .select(['id'])
      .where('transaction_id', '=', line.race!)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('undoes a change once, even when two undos race, and the line is one-time again', async () => {
    expect((await changePaymentMethod(t.deps, member.id, line['undo-race']!, { to: 'revolving' })).ok).toBe(
      true,
    );
    const results = await Promise.all([
      undoPaymentChange(t.deps, member.id, line['undo-race']!),
      undoPaymentChange(t.deps, member.id, line['undo-race']!),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const november = await statement('2026-11');
    expect(november.lines.find((l) => l.id === line['undo-race'])?.paymentMethod).toBe('one_time');
    // Changed again after the undo: a new live change, the old one kept as history.
    expect((await changePaymentMethod(t.deps, member.id, line['undo-race']!, { to: 'revolving' })).ok).toBe(
      true,
    );
    expect((await undoPaymentChange(t.deps, member.id, line['undo-race']!)).ok).toBe(true);
  });

  it('refuses annual fees, refunds, lines past the cut-off and lines already on credit', async () => {
    for (const name of ['fee', 'refund', 'october', 'hotel'])
      expect(
        await changePaymentMethod(t.deps, member.id, line[name]!, { to: 'revolving' }),
        name,
      ).toMatchObject({ ok: false });
    expect(await changePaymentMethod(t.deps, member.id, line.october!, { to: 'revolving' })).toEqual({
      ok: false,
      code: 'payment_change_not_allowed',
    });
  });

  it('finds nothing of another member’s line (the same answer as a line that does not exist)', async () => {
    expect(await changePaymentMethod(t.deps, member.id, line.theirs!, { to: 'revolving' })).toEqual({
      ok: false,
      code: 'statement_not_found',
    });
    expect(await loadChangeableLine(t.deps, member.id, 999_999_999)).toEqual({
      ok: false,
      code: 'statement_not_found',
    });
  });

  it('keeps a member’s change when the core system sends the line again', async () => {
    await upsertImportedTransaction(t.deps.db, {
      cardId,
      usedOn: '2026-11-20',
      merchant: 'hotel',
      amount: 35_000,
      externalId: `change-${kind}-${cardId}-hotel`,
      category: 'shopping',
    });
    expect((await statement('2026-11')).lines.find((l) => l.id === line.hotel)?.paymentMethod).toBe(
      'revolving',
    );
  });

  describe('over HTTP', () => {
    async function client(who: { userId: string; password: string }) {
      const c = new TestClient(t, { 'accept-language': 'en' });
      expect((await c.login(who.userId, who.password)).status).toBe(303);
      return c;
    }

    it('links the changeable lines from the statement, confirms with the fee, then shows the schedule', async () => {
      const c = await client(member);
      const page = await (await c.get('/portal/statements/2026-11')).text();
      expect(page).toContain(`href="/portal/statements/changes/${line.groceries}"`);
      expect(page).toContain(`href="/portal/statements/changes/${line.hotel}"`); // "View the change"
      expect(page).not.toContain(`href="/portal/statements/changes/${line.fee}"`);
      const choose = await (await c.get(`/portal/statements/changes/${line.groceries}`)).text();
      expect(choose).toContain('Change to revolving');
      expect(choose).toContain('Change to instalments');
      const confirm = await c.post(`/portal/statements/changes/${line.groceries}/confirm`, {
        to: 'instalment',
        count: '3',
      });
      expect(confirm.status).toBe(200);
      const confirmBody = await confirm.text();
      // 2,000 × 2.51 / 100 = 50.2 → ¥50; 2,000 / 3 = 666 r 2 → 668, 666, 666; 50 / 3 = 16 r 2 → 18, 16, 16.
      expect(confirmBody).toContain('Total fee');
      expect(confirmBody).toContain('¥50');
      expect(confirmBody).toContain('¥686');
      const unchanged = await loadChangeableLine(t.deps, member.id, line.groceries!);
      expect(unchanged.ok && unchanged.line.paymentMethod).toBe('one_time');
      const done = await c.post(`/portal/statements/changes/${line.groceries}`, {
        to: 'instalment',
        count: '3',
      });
      expect(done.status).toBe(303);
      const after = await (await c.get(done.headers.get('location')!)).text();
      expect(after).toContain('The payment method was changed.');
      expect(after).toContain('Payment schedule');
      expect(after).toContain('Undo the change');
      // The CSV of November follows: 1/3, billed ¥668 and fee ¥18.
      const csv = (await (await c.get('/portal/statements/2026-11.csv')).text()).replace(/^\uFEFF/, '');
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      const groceries = rows.find((r) => r.Merchant === 'groceries');
      expect(groceries?.['Payment method']).toMatch(/1\/3/);
      expect([groceries?.['Billed this month'], groceries?.Fee]).toEqual(['668', '18']);
      const undone = await c.post(`/portal/statements/changes/${line.groceries}/undo`, {});
      expect(undone.status).toBe(303);
      expect(await (await c.get(undone.headers.get('location')!)).text()).toContain('The change was undone');
    });

    it('answers a bad count with 400 and the reason, and another member’s line with 404', async () => {
      const c = await client(member);
      const bad = await c.post(`/portal/statements/changes/${line.groceries}/confirm`, {
        to: 'instalment',
        count: '7',
      });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('Choose 3, 6, 10, 12, 15, 18, 20 or 24 payments.');
      expect((await c.get(`/portal/statements/changes/${line.theirs}`)).status).toBe(404);
      expect((await c.post(`/portal/statements/changes/${line.theirs}`, { to: 'revolving' })).status).toBe(
        404,
      );
      expect((await c.post(`/portal/statements/changes/${line.theirs}/undo`, {})).status).toBe(404);
      expect((await c.get('/portal/statements/changes/abc')).status).toBe(404);
    });

    it('refuses a change without the CSRF token', async () => {
      const c = await client(member);
      const res = await c.post(`/portal/statements/changes/${line.groceries}`, {
        to: 'revolving',
        _csrf: 'x',
      });
      expect(res.status).toBe(403);
      const loaded = await loadChangeableLine(t.deps, member.id, line.groceries!);
      expect(loaded.ok && loaded.line.paymentMethod).toBe('one_time');
    });

    it('after the cut-off shows the change but no undo, and links nothing from the closed month', async () => {
      t.setNow(new Date('2026-12-12T01:00:00Z')); // 12 December in Tokyo: November's cut-off day
      try {
        const c = await client(member);
        const page = await (await c.get(`/portal/statements/changes/${line.hotel}`)).text();
        expect(page).toContain('can no longer be undone');
        expect(page).not.toContain('Undo the change');
        const undo = await c.post(`/portal/statements/changes/${line.hotel}/undo`, {});
        expect(undo.status).toBe(409);
        expect(await (await c.get('/portal/statements/2026-11')).text()).not.toContain(
          '/portal/statements/changes/',
        );
      } finally {
        t.setNow(new Date('2026-12-05T01:00:00Z'));
      }
    });
  });
});
