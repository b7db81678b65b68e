/**
 * The member case from the operator's chair (issue 11): events and console actions read as words in ja and
 * en (never a raw code, JSON or a row id), and call notes are written, shown with author and time, audited
 * without their text, and refused with a message that says what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { getTwoStepStatus, turnOnTwoStepWithSecret } from '../../src/members/two-step.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createCard, createTestStaff, rightAnswers, staffLogIn } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('the member case on %s', (kind) => {
  let testApp: TestApp;
  let operator: TestClient;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
    operator = new TestClient(testApp);
    await staffLogIn(operator, testApp.deps, await createTestStaff(testApp.deps, 'operator'));
  }, 240_000);
  afterAll(() => testApp?.close());

  it('shows security events and console actions as labels in ja and en, never as codes, JSON or row ids', async () => {
    const { deps } = testApp;
    const member = await createMember(deps);
    const card = await createCard(deps, member.id);
    const other = await createMember(deps, { userId: 'enrolled-elsewhere@example.jp' });
    const elsewhere = await createCard(deps, member.id);
    await deps.db
      .insertInto('card_enrollments')
      .values({ card_id: elsewhere.id, member_id: other.id, enrolled_at: deps.now() })
      .execute();
    const caller = new TestClient(testApp);
    expect((await caller.login(member.userId, 'not-the-password-1')).status).toBe(401);
    expect((await operator.post(`/support/members/${member.id}/verify`, rightAnswers(card))).status).toBe(
      200,
    );

    const en = await (await operator.get(`/support/members/${member.id}?lang=en`)).text();
    expect(en).toContain('Sign-in failed');
    expect(en).toContain('Wrong password');
    expect(en).toContain('Identity verification');
    expect(en).toContain('Outcome: Verified');
    expect(en).toContain('Enrolled with another member ID (enrolled-elsewhere@example.jp)');
    const ja = await (await operator.get(`/support/members/${member.id}?lang=ja`)).text();
    expect(ja).toContain('ログイン失敗');
    expect(ja).toContain('パスワードの誤り');
    expect(ja).toContain('ご本人確認');
    for (const html of [en, ja]) {
      for (const code of ['login_failure', 'wrong_password', 'member.verify', '"passed"', '{'])
        expect(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')).not.toContain(code);
      expect(html).not.toMatch(/no\. \d|番号 \d/);
    }
  });

  it('shows the audit log to a supervisor in words, with user IDs instead of row ids', async () => {
    const { deps } = testApp;
    const supervisor = new TestClient(testApp);
    await staffLogIn(supervisor, deps, await createTestStaff(deps, 'supervisor'));
    const member = await createMember(deps, { userId: 'audited-member@example.jp' });
    const card = await createCard(deps, member.id, { locked: true });
    await supervisor.post(`/support/members/${member.id}/verify`, rightAnswers(card));
    await supervisor.post(`/support/members/${member.id}/cards/${card.id}/unlock-pin`, {});
    const html = await (await supervisor.get('/support/audit?lang=en')).text();
    expect(html).toContain('Start PIN unlocked');
    expect(html).toContain('Wrong attempts: 5 → 0');
    expect(html).toContain(`>audited-member@example.jp</a> / **** ${card.last4}`);
    expect(html).not.toContain('card.unlock_start_pin');
    expect(html).not.toContain(`card ${card.id}`);
    expect(html).not.toContain('{&quot;');
  });

  it('keeps a call note with its author and time (Asia/Tokyo), audited without its text', async () => {
    const { deps } = testApp;
    const member = await createMember(deps);
    const text = 'Caller lost the card last week <b>and</b> asked about the start PIN.';
    const res = await operator.post(`/support/members/${member.id}/notes`, { body: text });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/support/members/${member.id}?done=note#notes-title`);
    const html = await (await operator.get(`/support/members/${member.id}?done=note&lang=en`)).text();
    expect(html).toContain('Call note saved.');
    expect(html).toContain(
      'Caller lost the card last week &lt;b&gt;and&lt;/b&gt; asked about the start PIN.',
    );
    expect(html).toContain('Test operator');
    const written = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(deps.now());
    expect(html).toContain(written.slice(0, -3)); // to the minute: the page was rendered a moment later
    expect(html).toContain('Call note written');
    const audit = await deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('member_id', '=', member.id)
      .where('action', '=', 'member.note')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('start PIN');
  });

  it('refuses an empty, an oversized or a card-number note with a message per language, keeping the input', async () => {
    const member = await createMember(testApp.deps);
    const empty = await operator.post(`/support/members/${member.id}/notes?lang=en`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Write a note of 1 to 2,000 characters');
    const long = 'あ'.repeat(2001);
    const tooLong = await operator.post(`/support/members/${member.id}/notes?lang=ja`, { body: long });
    expect(tooLong.status).toBe(400);
    const longHtml = await tooLong.text();
    expect(longHtml).toContain('メモを1文字以上2000文字以内で入力してください');
    expect(longHtml).toContain(long);
    const withNumber = await operator.post(`/support/members/${member.id}/notes?lang=en`, {
      body: 'Card 4980 1234 5678 9012 reported stolen',
    });
    expect(withNumber.status).toBe(400);
    const numberHtml = await withNumber.text();
    expect(numberHtml).toContain('cannot hold what looks like a card number');
    expect(numberHtml).toContain('Card **** 9012 reported stolen');
    expect(numberHtml).not.toContain('5678');
    const stored = await testApp.deps.db
      .selectFrom('member_notes')
      .select('body')
      .where('member_id', '=', member.id)
      .execute();
    expect(stored).toEqual([]);
  });

  describe('two-step login and sign-in history (issue 13)', () => {
    async function memberWithTwoStep() {
      const { deps } = testApp;
      const member = await createMember(deps, { lang: 'en' });
      const card = await createCard(deps, member.id);
      const browser = new TestClient(testApp);
      expect((await browser.login(member.userId, member.password)).status).toBe(303);
      expect(
        await turnOnTwoStepWithSecret(deps, member.id, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
      ).toBeDefined();
      return { member, card, browser };
    }

    it('shows an operator whether two-step login is on and the sign-ins, only after verification', async () => {
      const { member, card } = await memberWithTwoStep();
      const before = await (await operator.get(`/support/members/${member.id}?lang=en`)).text();
      expect(before).not.toContain('id="two-step-state"');
      expect(before).not.toContain('Sign-in history');
      await operator.post(`/support/members/${member.id}/verify`, rightAnswers(card));
      const html = await (await operator.get(`/support/members/${member.id}?lang=en`)).text();
      expect(html).toMatch(/id="two-step-state">On \(10 unused recovery codes, 0 remembered devices\)/);
      expect(html).toContain('Sign-in history');
      expect(html).toMatch(/<td>Password<\/td>/);
      // An operator is told who can remove it, and gets no button for it.
      expect(html).toContain('a supervisor removes it after verification');
      expect(html).not.toContain('/two-step/remove');
    });

    it('an operator cannot remove two-step login (403), even after verifying the caller', async () => {
      const { member, card } = await memberWithTwoStep();
      await operator.post(`/support/members/${member.id}/verify`, rightAnswers(card));
      const res = await operator.post(`/support/members/${member.id}/two-step/remove`, {});
      expect(res.status).toBe(403);
      expect(await getTwoStepStatus(testApp.deps, member.id)).toMatchObject({ enabled: true });
    });

    it('a supervisor removes it after verification: audited, every session ended, the member mailed', async () => {
      const { deps } = testApp;
      const { member, card, browser } = await memberWithTwoStep();
      const supervisor = new TestClient(testApp);
      await staffLogIn(supervisor, deps, await createTestStaff(deps, 'supervisor'));
      const unverified = await supervisor.post(`/support/members/${member.id}/two-step/remove?lang=en`, {});
      expect(unverified.status).toBe(409);
      expect(await getTwoStepStatus(deps, member.id)).toMatchObject({ enabled: true });

      await supervisor.post(`/support/members/${member.id}/verify`, rightAnswers(card));
      const page = await (await supervisor.get(`/support/members/${member.id}?lang=en`)).text();
      expect(page).toContain(`action="/support/members/${member.id}/two-step/remove"`);
      const res = await supervisor.post(`/support/members/${member.id}/two-step/remove`, {});
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/support/members/${member.id}?done=twoStep`);
      expect(await getTwoStepStatus(deps, member.id)).toMatchObject({ enabled: false });
      const after = await (await supervisor.get(`/support/members/${member.id}?done=twoStep&lang=en`)).text();
      expect(after).toContain('Two-step login removed. Every session ended');
      expect(after).toContain('id="two-step-state">Off');
      expect(after).toContain('Two-step login: On → Off');

      const audit = await deps.db
        .selectFrom('audit_log')
        .select(['staff_id', 'before', 'after'])
        .where('member_id', '=', member.id)
        .where('action', '=', 'member.remove_two_step')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ before: { twoStep: true }, after: { twoStep: false } });
      const [mail] = await listRecentMail(deps.db, deps.config, 1, member.email);
      expect(mail!.subject).toContain('Two-step login was turned off');
      // The member's browser session ended with it.
      expect((await browser.get('/portal')).status).toBe(303);
      // Removing it again says there is nothing to remove.
      const again = await supervisor.post(`/support/members/${member.id}/two-step/remove?lang=en`, {});
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('Two-step login is not on');
    });
  });

  it('refuses a note without the CSRF token', async () => {
    const member = await createMember(testApp.deps);
    const res = await operator.post(`/support/members/${member.id}/notes`, {
      body: 'hello',
      _csrf: 'forged',
    });
    expect(res.status).toBe(403);
  });
});
