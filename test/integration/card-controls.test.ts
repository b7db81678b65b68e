/**
 * Issue 12, card controls at /portal/card: the member's temporary lock (利用停止/再開), the loss or theft
 * report with its replacement (`cardnavi reissue`), usage notifications batched per member per import, and
 * the dashboard's notices — on PGlite and PostgreSQL. Another member's card is a 404 and every form needs
 * the CSRF token. Only the last 4 digits of a number appear in pages and mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCardNumber, passesLuhn } from '../../src/cards/card-number.ts';
import { importTransactions } from '../../src/cards/import.ts';
import { issuePendingReplacements } from '../../src/cards/reissue.ts';
import { cardNumberHash, enrollCardToMember, upsertImportedTransaction } from '../../src/cards/repository.ts';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { decrypt } from '../../src/security/data-keys.ts';
import { verifyAuditChain } from '../../src/support/audit.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createCard, createTestStaff, staffLogIn, type TestCard } from '../helpers/support-factories.ts';

/** 16 digits, possibly grouped by spaces or hyphens. */
const FULL_NUMBER = /(?<!\d)(?:\d[ -]?){15}\d(?!\d)/;

describe.each(databaseKinds())('card controls on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind, { IP_FORM_POINTS: '10000' });
    // A fresh migrated database on a shared machine: generous.
  }, 120_000);
  afterAll(() => t?.close());

  /** A member with an enrolled active card, logged in (English pages). */
  async function memberWithCard(lang: 'ja' | 'en' = 'en') {
    const member = await createMember(t.deps, { lang });
    const card = await createCard(t.deps, member.id, { number: generateCardNumber() });
    await enrollCardToMember(t.deps.db, card.id, member.id, t.deps.now());
    const client = new TestClient(t, { 'accept-language': lang });
    expect((await client.login(member.userId, member.password)).status).toBe(303);
    return { member, card, client };
  }

  const cardRow = (id: number) =>
    t.deps.db
      .selectFrom('cards')
      .select(['status', 'locked_by_member_at', 'member_id', 'last4', 'number_enc', 'number_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const auditOf = (cardId: number) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'staff_id', 'member_id', 'after'])
      .where('card_id', '=', cardId)
      .orderBy('id')
      .execute();
  const mailTo = (email: string) => listRecentMail(t.deps.db, t.deps.config, 50, email);

  it('locks and unlocks at once: status, mail, audit row with the member as actor, console case', async () => {
    const { member, card, client } = await memberWithCard();
    const page = await (await client.get(`/portal/card?card=${card.id}`)).text();
    expect(page).toContain('Lock card');
    expect(page).toContain(`**** **** **** ${card.last4}`);

    const locked = await client.post(`/portal/card/${card.id}/lock`, {});
    expect(locked.status).toBe(303);
    expect(locked.headers.get('location')).toBe(`/portal/card?card=${card.id}&done=locked`);
    expect((await cardRow(card.id)).locked_by_member_at).not.toBeNull();
    expect((await cardRow(card.id)).status).toBe('active');
    const after = await (await client.get(locked.headers.get('location')!)).text();
    expect(after).toContain('Locked (by you, for now)');
    expect(after).toContain('Unlock card');
    expect(after).not.toContain('>Lock card<');
    const dashboard = await (await client.get('/portal')).text();
    expect(dashboard).toContain('id="notice-card-locked"');
    expect(dashboard).toMatch(/id="card-status">\s*Locked/);

    // A second press (another tab) changes nothing more: no second mail or audit row.
    expect((await client.post(`/portal/card/${card.id}/lock`, {})).status).toBe(303);
    let mails = await mailTo(member.email);
    expect(mails.filter((m) => m.template === 'card_locked')).toHaveLength(1);
    expect(mails[0]!.text).toContain(card.last4);

    const unlocked = await client.post(`/portal/card/${card.id}/unlock`, {});
    expect(unlocked.headers.get('location')).toBe(`/portal/card?card=${card.id}&done=unlocked`);
    expect((await cardRow(card.id)).locked_by_member_at).toBeNull();
    mails = await mailTo(member.email);
    expect(mails.map((m) => m.template).filter((x) => x.startsWith('card_'))).toEqual([
      'card_unlocked',
      'card_locked',
    ]);
    expect(mails.every((m) => !FULL_NUMBER.test(m.text) && !m.text.includes(card.number))).toBe(true);

    const audit = await auditOf(card.id);
    expect(audit.map((a) => [a.action, a.staff_id, a.member_id])).toEqual([
      ['card.lock_by_member', null, member.id],
      ['card.unlock_by_member', null, member.id],
    ]);
    expect(audit[0]!.after).toMatchObject({ actor: 'member', lockedByMember: true });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);

    // The console's case shows the lock while it lasts, and the member as the actor in the history.
    await client.post(`/portal/card/${card.id}/lock`, {});
    const staff = await createTestStaff(t.deps, 'operator');
    const operator = new TestClient(t, { 'accept-language': 'en' });
    expect((await staffLogIn(operator, t.deps, staff)).status).toBe(303);
    const console = await (await operator.get(`/support/members/${member.id}?lang=en`)).text();
    expect(console).toContain('locked by the member');
    expect(console).toContain('the member · Card locked by the member');
  });

  it('reports a card lost only with the right password, blocks it for good and reissues a new number', async () => {
    const { member, card, client } = await memberWithCard();
    await client.post(`/portal/card/${card.id}/lock`, {});

    const wrong = await client.post(`/portal/card/${card.id}/report-lost`, { password: 'not-my-password-0' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('The current password is not correct');
    expect((await cardRow(card.id)).status).toBe('active');
    const empty = await client.post(`/portal/card/${card.id}/report-lost`, { password: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Enter a password');

    const reported = await client.post(`/portal/card/${card.id}/report-lost`, { password: member.password });
    expect(reported.status).toBe(303);
    expect(reported.headers.get('location')).toBe(`/portal/card?card=${card.id}&done=reported`);
    const row = await cardRow(card.id);
    expect(row.status).toBe('reissue_requested');
    expect(row.locked_by_member_at).toBeNull();
    // For good: neither the lock, a second report nor a core-system file turns it back.
    expect((await client.post(`/portal/card/${card.id}/lock`, {})).status).toBe(409);
    expect(
      (await client.post(`/portal/card/${card.id}/report-lost`, { password: member.password })).status,
    ).toBe(409);
    expect((await cardRow(card.id)).status).toBe('reissue_requested');
    expect((await mailTo(member.email)).filter((m) => m.template === 'card_reported_lost')).toHaveLength(1);
    expect((await auditOf(card.id)).map((a) => a.action)).toContain('card.report_lost_by_member');

    // The dashboard stays (the bill is still due) and says a replacement is being prepared.
    const before = await (await client.get('/portal')).text();
    expect(before).toContain('Reported lost or stolen (being replaced)');
    expect(before).toContain('id="notice-replacement"');
    expect(before).toContain('We are preparing a card with a new number');

    // Requests made after the as-of day wait for a later run.
    const yesterday = new Date(t.deps.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await issuePendingReplacements(t.deps, yesterday)).issued).toEqual([]);
    const asOf = new Date(t.deps.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const report = await issuePendingReplacements(t.deps, asOf);
    const issued = report.issued.find((r) => r.cardId === card.id);
    expect(issued).toBeDefined();
    expect((await issuePendingReplacements(t.deps, asOf)).issued).toEqual([]);

    const fresh = await cardRow(issued!.newCardId);
    const number = decrypt(t.deps.config.dataKeys, fresh.number_enc);
    expect(number).not.toBe(card.number);
    expect(passesLuhn(number)).toBe(true);
    expect(number.startsWith('4980')).toBe(true);
    expect(fresh.number_hash).toBe(await cardNumberHash(t.deps.db, t.deps.config, number));
    expect(fresh).toMatchObject({ status: 'active', member_id: member.id, last4: number.slice(-4) });
    const enrollment = await t.deps.db
      .selectFrom('card_enrollments')
      .selectAll()
      .where('card_id', '=', issued!.newCardId)
      .executeTakeFirst();
    expect(enrollment).toBeUndefined();

    const reissueMail = (await mailTo(member.email)).find((m) => m.template === 'card_reissued');
    expect(reissueMail?.text).toContain(number.slice(-4));
    expect(reissueMail?.text).not.toContain(number);
    const onItsWay = await (await client.get('/portal')).text();
    expect(onItsWay).toContain(`A new card (ending ${number.slice(-4)})`);
    expect(onItsWay).not.toContain(number);

    // Its new start PIN is only in a letter to the card's registered address: never in an email.
    const letters = (await listRecentMail(t.deps.db, t.deps.config, 50, card.holderName)).filter(
      (m) => m.template === 'card_reissue_letter' && m.cardLast4 === number.slice(-4),
    );
    expect(letters).toHaveLength(1);
    expect(letters[0]!.channel).toBe('letter');
    const pin = /: (\d{4})\n/.exec(letters[0]!.text)?.[1];
    expect(pin).toMatch(/^\d{4}$/);
    expect(pin).not.toBe('4721');
    for (const m of await mailTo(member.email)) expect(m.text).not.toContain(`: ${pin}`);
    const oldPin = await client.post('/portal/enroll', {
      cardNumber: number,
      birthDate: card.birthDate,
      startPin: '4721',
    });
    expect(oldPin.status).toBe(401);

    // The new card is enrolled like any new card, with the PIN from the letter.
    const enrolled = await client.post('/portal/enroll', {
      cardNumber: number,
      birthDate: card.birthDate,
      startPin: pin!,
    });
    expect(enrolled.status).toBe(303);
    const dashboard = await (await client.get('/portal')).text();
    expect(dashboard).toContain(`**** **** **** ${number.slice(-4)}`);
    expect(dashboard).not.toContain('id="notice-replacement"');
    expect((await auditOf(card.id)).map((a) => a.action)).toContain('card.reissue');
  });

  it('counts one lock under 20 concurrent presses, and two reissue runs at once issue one replacement', async () => {
    const { member, card, client } = await memberWithCard();
    const presses = await Promise.all(
      Array.from({ length: 20 }, () => client.post(`/portal/card/${card.id}/lock`, {})),
    );
    expect(presses.every((r) => r.status === 303)).toBe(true);
    expect((await auditOf(card.id)).filter((a) => a.action === 'card.lock_by_member')).toHaveLength(1);
    expect((await mailTo(member.email)).filter((m) => m.template === 'card_locked')).toHaveLength(1);

    expect(
      (await client.post(`/portal/card/${card.id}/report-lost`, { password: member.password })).status,
    ).toBe(303);
    const asOf = new Date(t.deps.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const [first, second] = await Promise.all([
      issuePendingReplacements(t.deps, asOf),
      issuePendingReplacements(t.deps, asOf),
    ]);
    const mine = [...first.issued, ...second.issued].filter((r) => r.cardId === card.id);
    expect(mine).toHaveLength(1);
    const replacements = await t.deps.db
      .selectFrom('cards')
      .select('id')
      .where('member_id', '=', member.id)
      .where('id', '!=', card.id)
      .execute();
    expect(replacements).toHaveLength(1);
    expect((await mailTo(member.email)).filter((m) => m.template === 'card_reissued')).toHaveLength(1);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('shows the notices that need attention: payment due then overdue, renewal coming, enrollment, last login', async () => {
    const member = await createMember(t.deps, { lang: 'en' });
    const card = await createCard(t.deps, member.id, { number: generateCardNumber() });
    await t.deps.db
      .updateTable('cards')
      .set({ expiry_year: 2027, expiry_month: 1 })
      .where('id', '=', card.id)
      .execute();
    await upsertImportedTransaction(t.deps.db, {
      cardId: card.id,
      usedOn: '2026-11-10',
      merchant: 'NOTICE SHOP',
      amount: 12_345,
      externalId: `notice-${kind}-${card.id}`,
    });
    const cases: [string, string[], string[]][] = [
      // Payment of November's bill: Monday 28 December 2026 (the 27th is a Sunday).
      ['2026-12-10T03:00:00Z', ['notice-renewal', 'notice-enrolled'], ['notice-payment']],
      ['2026-12-20T03:00:00Z', ['notice-payment', 'notice-renewal'], ['notice-enrolled']],
      ['2026-12-29T03:00:00Z', ['notice-payment', 'notice-renewal'], []],
      ['2027-02-05T03:00:00Z', [], ['notice-renewal', 'notice-payment']],
    ];
    await enrollCardToMember(t.deps.db, card.id, member.id, new Date('2026-12-09T03:00:00Z'));
    try {
      for (const [now, shown, hidden] of cases) {
        t.setNow(new Date(now));
        const client = new TestClient(t, { 'accept-language': 'en' });
        expect((await client.login(member.userId, member.password)).status).toBe(303);
        const html = await (await client.get('/portal')).text();
        for (const id of shown) expect(html, `${now} ${id}`).toContain(`id="${id}"`);
        for (const id of hidden) expect(html, `${now} ${id}`).not.toContain(`id="${id}"`);
        if (now.startsWith('2026-12-20')) expect(html).toContain('¥12,345 is due on');
        if (now.startsWith('2026-12-29'))
          expect(html).toContain('We have not received the payment of ¥12,345');
        // Every login after the first shows the one before it.
        if (now !== cases[0]![0]) expect(html).toContain('id="notice-last-login"');
        else expect(html).not.toContain('id="notice-last-login"');
      }
    } finally {
      t.setNow(undefined);
    }
  });

  it('answers 404 for another member’s card, and a missing CSRF token changes nothing', async () => {
    const { card } = await memberWithCard();
    const other = await memberWithCard();
    for (const path of [
      `/portal/card?card=${card.id}`,
      '/portal/card?card=99999999',
      '/portal/card?card=x1',
    ]) {
      expect((await other.client.get(path)).status, path).toBe(404);
    }
    for (const [action, fields] of [
      ['lock', {}],
      ['unlock', {}],
      ['report-lost', { password: other.member.password }],
      ['notifications', { enabled: 'on', minAmount: '1000' }],
    ] as const) {
      const res = await other.client.post(`/portal/card/${card.id}/${action}`, fields);
      expect(res.status, action).toBe(404);
    }
    expect(await cardRow(card.id)).toMatchObject({ status: 'active', locked_by_member_at: null });

    const forged = await other.client.post(`/portal/card/${other.card.id}/lock`, { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect((await cardRow(other.card.id)).locked_by_member_at).toBeNull();
  });

  it('validates the notification amount and keeps what was typed', async () => {
    const { card, client } = await memberWithCard('ja');
    const bad = await client.post(`/portal/card/${card.id}/notifications`, {
      enabled: 'on',
      minAmount: '1.5万',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('通知する金額を1円〜10,000,000円の整数で入力してください');
    expect(html).toContain('value="1.5万"');
    const ok = await client.post(`/portal/card/${card.id}/notifications`, {
      enabled: 'on',
      minAmount: '１０,０００円',
    });
    expect(ok.headers.get('location')).toBe(`/portal/card?card=${card.id}&done=notify-on`);
    const page = await (await client.get(ok.headers.get('location')!)).text();
    expect(page).toContain('￥10,000以上のご利用をお知らせ');
    const off = await client.post(`/portal/card/${card.id}/notifications`, { minAmount: '10000' });
    expect(off.headers.get('location')).toBe(`/portal/card?card=${card.id}&done=notify-off`);
    expect(
      await t.deps.db
        .selectFrom('card_usage_notifications')
        .selectAll()
        .where('card_id', '=', card.id)
        .execute(),
    ).toEqual([]);
  });

  it('mails one batch per member per import for lines at or above each member’s amount, never twice', async () => {
    const a = await memberWithCard();
    const b = await memberWithCard();
    const c = await memberWithCard('ja');
    const aSecond = await createCard(t.deps, a.member.id, { number: generateCardNumber() });
    await enrollCardToMember(t.deps.db, aSecond.id, a.member.id, t.deps.now());
    await a.client.post(`/portal/card/${a.card.id}/notifications`, { enabled: 'on', minAmount: '10000' });
    await a.client.post(`/portal/card/${aSecond.id}/notifications`, { enabled: 'on', minAmount: '1' });
    await c.client.post(`/portal/card/${c.card.id}/notifications`, { enabled: 'on', minAmount: '3000' });
    // b keeps the default: off.
    const line = (card: TestCard, id: string, day: string, merchant: string, amount: number) =>
      `${card.number},${id},${day},${merchant},${amount}`;
    const suffix = kind;
    const file = [
      'card_number,external_id,used_on,merchant,amount',
      line(a.card, `n-a1-${suffix}`, '2026-11-03', 'SHOP BELOW', 9999),
      line(a.card, `n-a2-${suffix}`, '2026-11-04', 'SHOP EQUAL', 10000),
      line(a.card, `n-a3-${suffix}`, '2026-11-02', 'SHOP ABOVE', 45000),
      line(aSecond, `n-a4-${suffix}`, '2026-11-05', 'SECOND CARD', 120),
      line(b.card, `n-b1-${suffix}`, '2026-11-03', 'SHOP B', 80000),
      line(c.card, `n-c1-${suffix}`, '2026-11-03', 'お店C', 3000),
      line(c.card, `n-c2-${suffix}`, '2026-11-03', 'お店C 返品', -5000),
    ].join('\n');
    const report = await importTransactions(t.deps, 'usage.csv', file);
    expect(report).toMatchObject({ created: 7, refused: [], notified: 2 });

    const aMail = (await mailTo(a.member.email)).filter((m) => m.template === 'card_usage');
    expect(aMail).toHaveLength(1);
    const text = aMail[0]!.text;
    expect(text).toContain('3 transaction(s)');
    expect(text).not.toContain('SHOP BELOW');
    // Listed by day: the 2nd, the 4th, the 5th; each with the card's last 4 digits only.
    expect(text.indexOf('SHOP ABOVE')).toBeLessThan(text.indexOf('SHOP EQUAL'));
    expect(text.indexOf('SHOP EQUAL')).toBeLessThan(text.indexOf('SECOND CARD'));
    expect(text).toContain(`¥45,000  (****${a.card.last4})`);
    expect(text).toContain(`(****${aSecond.last4})`);
    expect(FULL_NUMBER.test(text)).toBe(false);
    expect((await mailTo(b.member.email)).filter((m) => m.template === 'card_usage')).toEqual([]);
    const cMail = (await mailTo(c.member.email)).filter((m) => m.template === 'card_usage');
    expect(cMail).toHaveLength(1);
    expect(cMail[0]!.text).toContain('お店C');
    expect(cMail[0]!.text).not.toContain('返品');

    // The same file again updates lines and tells nobody again.
    const again = await importTransactions(t.deps, 'usage.csv', file);
    expect(again).toMatchObject({ created: 0, updated: 7, notified: 0 });
    expect((await mailTo(a.member.email)).filter((m) => m.template === 'card_usage')).toHaveLength(1);
  });
});
