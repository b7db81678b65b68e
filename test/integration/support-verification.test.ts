/**
 * Taking a call (issue 7): finding the caller's member ID, identity verification that never shows stored
 * values, and the rule that actions on a caller need a passed verification by this staff session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import {
  createCard,
  createTestStaff,
  rightAnswers,
  staffLogIn,
  type TestCard,
} from '../helpers/support-factories.ts';

describe.each(databaseKinds())('identity verification and caller actions on %s', (kind) => {
  let testApp: TestApp;
  let operator: TestClient;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
    operator = new TestClient(testApp);
    await staffLogIn(operator, testApp.deps, await createTestStaff(testApp.deps, 'operator'));
  });
  afterAll(() => testApp?.close());

  async function lockedCaller(): Promise<{ memberId: number; card: TestCard; email: string }> {
    const member = await createMember(testApp.deps);
    const card = await createCard(testApp.deps, member.id, {
      locked: true,
      phone: `080-${String(member.id).padStart(4, '0')}-0001`,
    });
    return { memberId: member.id, card, email: member.email };
  }

  it('finds a member by user ID, email or the start of either, showing a masked email and only last 4 digits', async () => {
    const { memberId, card, email } = await lockedCaller();
    const member = await testApp.deps.db
      .selectFrom('members')
      .select('user_id')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    for (const q of [member.user_id, email.toUpperCase(), member.user_id.slice(0, -2)]) {
      const res = await operator.get(`/support/members?q=${encodeURIComponent(q)}&lang=en`);
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain(`/support/members/${memberId}"`);
      expect(html).toContain(`${email[0]}***@example.jp`);
      expect(html).toContain(`**** ${card.last4}`);
      expect(html).not.toContain(card.number);
      expect(html).not.toContain(email);
    }
    // A phone number is no search key: it finds nobody.
    const byPhone = await (await operator.get(`/support/members?q=${card.phone}&lang=en`)).text();
    expect(byPhone).toContain('Nothing matches');
    expect(byPhone).not.toContain(member.user_id);
  });

  it('needs 3 characters for a start-of search, lists at most 20, and audits it with the number of hits only', async () => {
    const { deps } = testApp;
    const searcher = new TestClient(testApp);
    const staff = await createTestStaff(deps, 'operator');
    await staffLogIn(searcher, deps, staff);
    for (let i = 0; i < 22; i++)
      await createMember(deps, { userId: `prefixcase${String(i).padStart(2, '0')}` });
    const short = await searcher.get('/support/members?q=pr&lang=en');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('its first 3 characters or more');
    const html = await (await searcher.get('/support/members?q=prefixca&lang=en')).text();
    expect(html).toContain('Results (20)');
    expect(html).toContain('Member IDs starting with it (up to 20)');
    const audited = await deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('staff_id', '=', staff.id)
      .where('action', '=', 'search_by_prefix')
      .execute();
    expect(audited).toEqual([{ action: 'search_by_prefix', after: { hits: 20 } }]);
  });

  it('console search is no oracle (issue 11): a birth-date or phone sweep by card gets the same answer for a hit as for a miss, 20 an hour, audited without the values', async () => {
    const { deps } = testApp;
    const { card } = await lockedCaller();
    const sweeper = new TestClient(testApp);
    const staff = await createTestStaff(deps, 'operator');
    await staffLogIn(sweeper, deps, staff);
    // What the page says, without the values the sweeper typed and the per-page CSRF token.
    const answer = async (fields: Record<string, string>) => {
      const res = await sweeper.post('/support/caller?lang=en', fields);
      // (The contact center's open/closed badge is left out: it may turn while the test runs.)
      const html = (await res.text())
        .replace(/value="[^"]*"/g, 'value=""')
        .replace(/class="badge [^"]*">[^<]*/g, '');
      return { status: res.status, html: html.slice(html.indexOf('<main')) };
    };
    const right = { ...rightAnswers(card) } as Record<string, string>;
    delete right.cardId;
    const answers = [];
    // A sweep over birth dates with everything else right: the right one is in it, with a wrong phone.
    for (let day = 1; day <= 9; day++)
      answers.push(await answer({ ...right, birthDate: `1990-04-0${day}`, phone: '0000000000' }));
    // A sweep over phone numbers for the right birth date.
    for (let n = 0; n < 9; n++) answers.push(await answer({ ...right, phone: `09000000${n}00` }));
    // A card number that does not exist, and one more with the right everything but a wrong name.
    answers.push(await answer({ ...right, cardNumber: '4980000000000000' }));
    answers.push(await answer({ ...right, fullName: 'SOMEONE ELSE' }));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(422));
    expect(new Set(answers.map((a) => a.html)).size).toBe(1);
    expect(answers[0]!.html).toContain('These details do not verify a caller');
    expect(answers[0]!.html).not.toContain('Match');
    // The 21st try is refused, even with every detail right.
    const stopped = await sweeper.post('/support/caller?lang=en', right);
    expect(stopped.status).toBe(429);
    expect(await stopped.text()).toContain('20 an hour');
    const audited = await deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('staff_id', '=', staff.id)
      .where('action', '!=', 'staff.login')
      .execute();
    expect(audited).toHaveLength(20);
    expect(audited.every((a) => JSON.stringify(a.after) === '{"passed":false}')).toBe(true);
    for (const value of ['1990-04', '090000', card.number, 'SOMEONE'])
      expect(JSON.stringify(audited)).not.toContain(value);
  });

  it('finds and verifies a caller by card in one step when every detail matches, keeping no card number in the form', async () => {
    const { deps } = testApp;
    const first = await createMember(deps, { userId: 'twoids-first@example.jp' });
    await createMember(deps, { userId: 'twoids-second@example.jp' });
    const card = await createCard(deps, first.id, { birthDate: '1985-11-20' });
    const fields = { ...rightAnswers(card) } as Record<string, string>;
    delete fields.cardId;
    const res = await operator.post('/support/caller', fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/support/members/${first.id}?done=verified`);
    const html = await (await operator.get(`/support/members/${first.id}?done=verified&lang=en`)).text();
    expect(html).toContain('Card and details all match: the caller is verified.');
    expect(html).toContain('Caller verified (valid until');
    const bad = await operator.post('/support/caller?lang=en', {
      ...fields,
      birthDate: '1985-13-40',
      fullName: '',
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Enter a valid date of birth');
    expect(badHtml).toContain('Enter the full name');
    expect(badHtml).not.toContain(card.number);
  });

  it('after a mismatch the form keeps what the operator typed, except the card number', async () => {
    const { memberId, card } = await lockedCaller();
    const typed = { ...rightAnswers(card), fullName: 'yamada hanako', phone: '0311112222' };
    const res = await operator.post(`/support/members/${memberId}/verify?lang=en`, typed);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="yamada hanako"');
    expect(html).toContain(`value="${card.birthDate}"`);
    expect(html).toContain('value="0311112222"');
    expect(html).toMatch(new RegExp(`<option value="${card.id}" selected`));
    expect(html).not.toContain(card.number);
  });

  it('answers match / no match per item without displaying the stored values, and audits each attempt', async () => {
    const { memberId, card } = await lockedCaller();
    const res = await operator.post(`/support/members/${memberId}/verify?lang=en`, {
      ...rightAnswers(card),
      phone: '0000000000',
      cardNumber: '4111111111111111',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Full name: Match');
    expect(html).toContain('Date of birth: Match');
    expect(html).toContain('Phone number: No match');
    expect(html).toContain('Card number: No match');
    // The stored values in their stored form never appear (the birth date the operator typed stays in its field).
    for (const stored of [card.holderName, card.phone, card.number]) expect(html).not.toContain(stored);
    const audit = await testApp.deps.db
      .selectFrom('audit_log')
      .select(['after', 'card_id'])
      .where('member_id', '=', memberId)
      .where('action', '=', 'member.verify')
      .execute();
    expect(audit).toEqual([
      {
        card_id: card.id,
        after: { fullName: true, birthDate: true, phone: false, cardNumber: false, passed: false },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('4111111111111111');
  });

  it('refuses every caller action before verification (409) and allows it after, for this session only', async () => {
    const { deps } = testApp;
    const { memberId, card } = await lockedCaller();
    await deps.db
      .updateTable('members')
      .set({ locked_until: new Date(Date.now() + 3_600_000), failed_logins: 5 })
      .where('id', '=', memberId)
      .execute();
    const unlockPin = `/support/members/${memberId}/cards/${card.id}/unlock-pin`;
    for (const path of [
      unlockPin,
      `/support/members/${memberId}/unlock-login`,
      `/support/members/${memberId}/password-reset`,
    ])
      expect((await operator.post(path, {})).status).toBe(409);
    const page = await operator.get(`/support/members/${memberId}?lang=en`);
    expect(await page.text()).toContain('Actions become available once the caller is verified.');

    expect((await operator.post(`/support/members/${memberId}/verify`, rightAnswers(card))).status).toBe(200);
    const unlocked = await operator.post(unlockPin, {});
    expect(unlocked.headers.get('location')).toBe(`/support/members/${memberId}?done=pin`);
    const cardRow = await deps.db
      .selectFrom('cards')
      .select(['start_pin_failures', 'start_pin_locked_at'])
      .where('id', '=', card.id)
      .executeTakeFirstOrThrow();
    expect(cardRow).toEqual({ start_pin_failures: 0, start_pin_locked_at: null });
    expect((await operator.post(`/support/members/${memberId}/unlock-login`, {})).status).toBe(303);
    const memberRow = await deps.db
      .selectFrom('members')
      .select(['locked_until', 'failed_logins'])
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(memberRow).toEqual({ locked_until: null, failed_logins: 0 });
    const events = await operator.get(`/support/members/${memberId}?lang=en`);
    expect(await events.text()).toContain('Login and security events');

    const actions = await deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'member.verify',
      'card.unlock_start_pin',
      'member.unlock_login',
    ]);
    expect(actions[1]?.before).toMatchObject({ failures: 5 });

    // Another operator's session has not verified this caller.
    const colleague = new TestClient(testApp);
    await staffLogIn(colleague, deps, await createTestStaff(deps, 'operator'));
    expect((await colleague.post(unlockPin, {})).status).toBe(409);
  });

  it('an operator sees the unlock buttons only while the start PIN or the login is locked', async () => {
    const { deps } = testApp;
    const { memberId, card } = await lockedCaller();
    await deps.db
      .updateTable('members')
      .set({ locked_until: new Date(Date.now() + 3_600_000), failed_logins: 10 })
      .where('id', '=', memberId)
      .execute();
    const page = `/support/members/${memberId}?lang=en`;
    expect((await operator.post(`/support/members/${memberId}/verify`, rightAnswers(card))).status).toBe(200);
    const locked = await (await operator.get(page)).text();
    expect(locked).toContain(`/cards/${card.id}/unlock-pin"`);
    expect(locked).toContain(`/support/members/${memberId}/unlock-login"`);
    expect((await operator.post(`/support/members/${memberId}/cards/${card.id}/unlock-pin`, {})).status).toBe(
      303,
    );
    expect((await operator.post(`/support/members/${memberId}/unlock-login`, {})).status).toBe(303);
    const unlocked = await (await operator.get(page)).text();
    expect(unlocked).not.toContain('unlock-pin"');
    expect(unlocked).not.toContain('unlock-login"');
  });

  it('a member whose start PIN or login an operator unlocked is told by mail (nobody unlocks silently)', async () => {
    const { deps } = testApp;
    const { memberId, card, email } = await lockedCaller();
    expect((await operator.post(`/support/members/${memberId}/verify`, rightAnswers(card))).status).toBe(200);
    expect((await operator.post(`/support/members/${memberId}/cards/${card.id}/unlock-pin`, {})).status).toBe(
      303,
    );
    expect((await operator.post(`/support/members/${memberId}/unlock-login`, {})).status).toBe(303);
    const mails = await listRecentMail(deps.db, deps.config, 10, email);
    expect(mails.map((m) => m.template).sort()).toEqual(['login_unlocked', 'start_pin_unlocked']);
    const pinMail = mails.find((m) => m.template === 'start_pin_unlocked');
    expect(pinMail?.text).toContain(card.last4);
    expect(pinMail?.text).not.toContain(card.number);
  });

  it('expires a verification after 15 minutes', async () => {
    const { memberId, card } = await lockedCaller();
    const start = new Date();
    testApp.setNow(start);
    await operator.post(`/support/members/${memberId}/verify`, rightAnswers(card));
    testApp.setNow(new Date(start.getTime() + 14 * 60_000));
    await operator.get('/support'); // keeps the staff session alive
    testApp.setNow(new Date(start.getTime() + 15 * 60_000 + 1_000));
    expect((await operator.post(`/support/members/${memberId}/cards/${card.id}/unlock-pin`, {})).status).toBe(
      409,
    );
  });

  it('refuses to verify against a card of another member', async () => {
    const { memberId } = await lockedCaller();
    const other = await lockedCaller();
    const res = await operator.post(`/support/members/${memberId}/verify`, rightAnswers(other.card));
    expect(res.status).toBe(400);
    expect(
      await testApp.deps.db
        .selectFrom('support_verifications')
        .select('id')
        .where('member_id', '=', memberId)
        .execute(),
    ).toEqual([]);
  });

  it('stops verifying a member after 5 attempts in an hour, even with the right answers', async () => {
    const { memberId, card } = await lockedCaller();
    const wrong = { ...rightAnswers(card), cardNumber: '4980000000000000' };
    for (let i = 0; i < 5; i++)
      expect((await operator.post(`/support/members/${memberId}/verify`, wrong)).status).toBe(422);
    const blocked = await operator.post(`/support/members/${memberId}/verify?lang=en`, rightAnswers(card));
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Hand the call to a supervisor');
    const actions = await testApp.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      ...Array(5).fill('member.verify'),
      'member.verify_refused',
    ]);
  });

  it('rejects a malformed verification form with a message per field', async () => {
    const { memberId } = await lockedCaller();
    const res = await operator.post(`/support/members/${memberId}/verify?lang=en`, {
      cardId: 'x',
      fullName: '',
      birthDate: 'soon',
      phone: '',
      cardNumber: '',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const m of [
      'Choose the card to verify against',
      'Enter the full name',
      'Enter a valid date of birth',
      'Enter the card number',
    ])
      expect(html).toContain(m);
  });
});
