/**
 * No token outlives its credential (issue 11): every change of credential or account state ends every
 * pending token of the member (revokePendingTokens), an email-change request is told to the current address
 * with a one-click cancel link, and confirming a change needs the member's own session as well as the link.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { forceWithdrawMember } from '../../src/members/force-withdraw.ts';
import { findMemberById } from '../../src/members/repository.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

const NEW_PASSWORD = 'a brand new long phrase 2026';
const ATTACKER = 'attacker@evil.example';

describe.each(databaseKinds())('pending tokens end with the credential on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const mailTo = (to: string) => listRecentMail(t.deps.db, t.deps.config, 20, to);
  const linkIn = (text: string, part: string) => text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
  const pathOf = (link: string) => {
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  };
  const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

  /** The attacker, who knows the password, logs in and asks for the email to become theirs. */
  async function attackerRequestsEmailChange(m: { userId: string; password: string }) {
    const attacker = new TestClient(t);
    expect((await attacker.login(m.userId, m.password)).status).toBe(303);
    const sent = await attacker.post('/settings/email', { newEmail: ATTACKER, currentPassword: m.password });
    expect(sent.status).toBe(200);
    const link = linkIn((await mailTo(ATTACKER))[0]!.text, '/settings/email/verify');
    expect(link).toBeDefined();
    return { attacker, token: tokenOf(link!) };
  }

  async function ownerResetsPassword(m: { userId: string; email: string }) {
    const owner = new TestClient(t);
    await owner.post('/forgot/password', { identifier: m.userId });
    const link = linkIn((await mailTo(m.email))[0]!.text, '/reset-password');
    const done = await owner.post('/reset-password', { token: tokenOf(link!), password: NEW_PASSWORD });
    expect(done.status).toBe(200);
  }

  it('an attacker cannot take the account with an email-change link after the owner resets the password', async () => {
    const m = await createMember(t.deps, { userId: 'victim-id-01', email: 'victim@example.jp' });
    const { token } = await attackerRequestsEmailChange(m);
    await ownerResetsPassword(m);
    const res = await new TestClient(t).post('/settings/email/verify', { token });
    expect(res.status).not.toBe(200);
    expect((await findMemberById(t.deps.db, m.id))!.email).toBe('victim@example.jp');
  });

  it('an attacker cannot take the account with an email-change link after the owner changes the password in settings', async () => {
    const m = await createMember(t.deps, { userId: 'victim-id-02', email: 'victim2@example.jp' });
    const { attacker, token } = await attackerRequestsEmailChange(m);
    const owner = new TestClient(t);
    await owner.login(m.userId, m.password);
    const changed = await owner.post('/settings/password', {
      currentPassword: m.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(303);
    // The owner's own session cannot apply the attacker's link either: it died with the old password.
    for (const client of [attacker, new TestClient(t), owner]) {
      expect((await client.post('/settings/email/verify', { token })).status).not.toBe(200);
    }
    expect((await findMemberById(t.deps.db, m.id))!.email).toBe('victim2@example.jp');
  });

  it('a forced withdrawal ends the pending reset and email-change links', async () => {
    const m = await createMember(t.deps, { userId: 'victim-id-03', email: 'victim3@example.jp' });
    const { attacker, token } = await attackerRequestsEmailChange(m);
    await new TestClient(t).post('/forgot/password', { identifier: m.userId });
    const reset = linkIn((await mailTo(m.email))[0]!.text, '/reset-password')!;
    expect((await forceWithdrawMember(t.deps, m.id, 'terms violation')).ok).toBe(true);
    expect((await attacker.post('/settings/email/verify', { token })).status).not.toBe(200);
    const res = await new TestClient(t).post('/reset-password', {
      token: tokenOf(reset),
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(410);
    expect((await findMemberById(t.deps.db, m.id))!.email).toBe('victim3@example.jp');
  });

  it('an email-change link alone, without the member logged in, changes nothing', async () => {
    const m = await createMember(t.deps, { userId: 'victim-id-04', email: 'victim4@example.jp' });
    const other = await createMember(t.deps, { userId: 'someone-else-04' });
    const { token } = await attackerRequestsEmailChange(m);
    const stranger = new TestClient(t);
    await stranger.login(other.userId, other.password);
    for (const client of [new TestClient(t), stranger]) {
      const res = await client.post('/settings/email/verify', { token });
      expect(res.status).not.toBe(200);
    }
    expect((await findMemberById(t.deps.db, m.id))!.email).toBe('victim4@example.jp');
    // The member's own session still can (the link was not used up by the refused tries).
    const owner = new TestClient(t);
    await owner.login(m.userId, m.password);
    expect((await owner.post('/settings/email/verify', { token })).status).toBe(200);
    expect((await findMemberById(t.deps.db, m.id))!.email).toBe(ATTACKER);
  });

  it('the owner is told at once of an email-change request and one click cancels it; opening the link changes nothing', async () => {
    const m = await createMember(t.deps, { userId: 'victim-id-05', email: 'victim5@example.jp' });
    const { attacker, token } = await attackerRequestsEmailChange(m);
    const [notice] = await mailTo(m.email);
    expect(notice!.text).toContain('a***@evil.example');
    const cancel = linkIn(notice!.text, '/settings/email/cancel');
    expect(cancel).toBeDefined();
    const owner = new TestClient(t);
    const page = await owner.get(pathOf(cancel!));
    expect(page.status).toBe(200);
    // GET only shows the page: the change is still pending.
    expect(await owner.get(pathOf(cancel!))).toHaveProperty('status', 200);
    const done = await owner.post('/settings/email/cancel', { token: tokenOf(cancel!) });
    expect(done.status).toBe(200);
    expect((await attacker.post('/settings/email/verify', { token })).status).not.toBe(200);
    expect((await findMemberById(t.deps.db, m.id))!.email).toBe('victim5@example.jp');
    expect((await owner.post('/settings/email/cancel', { token: tokenOf(cancel!) })).status).toBe(410);
  });

  it('a confirmed email change ends the other sessions and the reset link sent to the old address', async () => {
    const m = await createMember(t.deps, { userId: 'mover-id-06', email: 'old6@example.jp' });
    const here = new TestClient(t);
    const elsewhere = new TestClient(t);
    await here.login(m.userId, m.password);
    await elsewhere.login(m.userId, m.password);
    await new TestClient(t).post('/forgot/password', { identifier: m.userId });
    const reset = linkIn((await mailTo(m.email))[0]!.text, '/reset-password')!;
    await here.post('/settings/email', { newEmail: 'new6@example.jp', currentPassword: m.password });
    const verify = linkIn((await mailTo('new6@example.jp'))[0]!.text, '/settings/email/verify')!;
    expect((await here.post('/settings/email/verify', { token: tokenOf(verify) })).status).toBe(200);
    expect((await here.get('/settings')).status).toBe(200);
    expect((await elsewhere.get('/settings')).status).toBe(303);
    const res = await new TestClient(t).post('/reset-password', {
      token: tokenOf(reset),
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(410);
  });
});
