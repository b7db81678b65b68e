// Passkeys (WebAuthn Level 3, §7.1–7.2 relying-party checks): registration after re-authentication,
// discoverable sign-in, origin / RP ID / challenge binding, signature-counter replay refusal.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentMember } from '../../src/deps.ts';
import { logIn } from '../../src/members/login.ts';
import {
  beginPasskeyRegistration,
  beginPasskeySignIn,
  deleteMemberPasskey,
  finishPasskeyRegistration,
  finishPasskeySignIn,
  listMemberPasskeys,
  renameMemberPasskey,
} from '../../src/members/passkeys.ts';
import { hashToken } from '../../src/security/tokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { enableTwoStep } from '../helpers/two-step.ts';
import { SoftAuthenticator } from '../helpers/webauthn.ts';

const client = {
  ip: '192.0.2.20',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15',
};

describe.each(databaseKinds())('passkeys on %s', (kind) => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    origin = t.deps.config.publicUrl.origin;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A logged-in member with one registered passkey. */
  async function memberWithPasskey(options: { twoStep?: boolean } = {}) {
    const m = await createMember(t.deps);
    if (options.twoStep) await enableTwoStep(t.deps, m.id);
    const current: CurrentMember = {
      id: m.id,
      userId: m.userId,
      email: m.email,
      userIdIsEmail: false,
      lang: 'ja',
      sessionTokenHash: 'current',
    };
    const begun = await beginPasskeyRegistration(t.deps, current, m.password);
    if (!begun.ok) throw new Error(begun.code);
    const authenticator = new SoftAuthenticator();
    const done = await finishPasskeyRegistration(
      t.deps,
      current,
      authenticator.create(begun.options, origin),
      'MacBook',
      client,
    );
    if (!done.ok) throw new Error(done.code);
    return { m, current, authenticator, passkeyId: done.passkeyId };
  }

  it('adds a passkey only after the current password, and asks for a discoverable, user-verified credential', async () => {
    const m = await createMember(t.deps);
    const current: CurrentMember = {
      id: m.id,
      userId: m.userId,
      email: m.email,
      userIdIsEmail: false,
      lang: 'ja',
      sessionTokenHash: 'x',
    };
    expect(await beginPasskeyRegistration(t.deps, current, 'not-the-password')).toEqual({
      ok: false,
      code: 'wrong_password',
    });
    const begun = await beginPasskeyRegistration(t.deps, current, m.password);
    if (!begun.ok) throw new Error(begun.code);
    expect(begun.options.rp.id).toBe('localhost');
    expect(begun.options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    // The user handle is not the user ID or the email.
    expect(Buffer.from(begun.options.user.id, 'base64url').toString()).toBe(`m${m.id}`);
  });

  it('signs in with a passkey without any ID typed, records the method, and skips the two-step code', async () => {
    const { m, authenticator } = await memberWithPasskey({ twoStep: true });
    expect(await listMemberPasskeys(t.deps, m.id)).toMatchObject([{ name: 'MacBook', lastUsedAt: null }]);
    const options = await beginPasskeySignIn(t.deps);
    expect(options.allowCredentials ?? []).toEqual([]);
    const result = await finishPasskeySignIn(t.deps, authenticator.get(options, origin), client);
    expect(result).toMatchObject({ ok: true, memberId: m.id });
    const events = await t.deps.db
      .selectFrom('auth_events')
      .select('method')
      .where('member_id', '=', m.id)
      .where('kind', '=', 'login_success')
      .execute();
    expect(events).toEqual([{ method: 'passkey' }]);
    expect((await listMemberPasskeys(t.deps, m.id))[0]!.lastUsedAt).not.toBeNull();
  });

  it('refuses an assertion made for another origin (phishing site)', async () => {
    const { authenticator } = await memberWithPasskey();
    const options = await beginPasskeySignIn(t.deps);
    const result = await finishPasskeySignIn(
      t.deps,
      authenticator.get(options, 'https://cardnavi-login.example'),
      client,
    );
    expect(result).toEqual({ ok: false, code: 'passkey_refused' });
  });

  it('refuses an assertion whose signature counter did not move forward (replayed or cloned authenticator)', async () => {
    const { authenticator } = await memberWithPasskey();
    const first = await beginPasskeySignIn(t.deps);
    expect((await finishPasskeySignIn(t.deps, authenticator.get(first, origin), client)).ok).toBe(true);
    const second = await beginPasskeySignIn(t.deps);
    const replayedCounter = authenticator.get(second, origin, 0);
    expect(await finishPasskeySignIn(t.deps, replayedCounter, client)).toEqual({
      ok: false,
      code: 'passkey_refused',
    });
  });

  it('accepts an assertion once: the same response sent twice at the same moment signs in once', async () => {
    const { m, authenticator } = await memberWithPasskey();
    const options = await beginPasskeySignIn(t.deps);
    const response = authenticator.get(options, origin);
    const results = await Promise.all([1, 2, 3].map(() => finishPasskeySignIn(t.deps, response, client)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const sessions = await t.deps.db
      .selectFrom('member_sessions')
      .select('token_hash')
      .where('member_id', '=', m.id)
      .execute();
    expect(sessions).toHaveLength(1);
  });

  it('refuses a challenge that was never issued, or that expired', async () => {
    const { authenticator } = await memberWithPasskey();
    const forged = authenticator.get(
      { challenge: 'bm90LWlzc3VlZC1ieS10aGUtc2VydmVy', rpId: 'localhost' },
      origin,
    );
    expect((await finishPasskeySignIn(t.deps, forged, client)).ok).toBe(false);
    const options = await beginPasskeySignIn(t.deps);
    t.setNow(new Date(Date.now() + 6 * 60_000));
    try {
      expect((await finishPasskeySignIn(t.deps, authenticator.get(options, origin), client)).ok).toBe(false);
    } finally {
      t.setNow(undefined);
    }
  });

  it('adding a passkey ends the member’s other sessions', async () => {
    const m = await createMember(t.deps);
    const a = await logIn(t.deps, { identifier: m.userId, password: m.password }, client);
    const b = await logIn(t.deps, { identifier: m.userId, password: m.password }, client);
    if (!a.ok || !b.ok) throw new Error('login failed');
    const current: CurrentMember = {
      id: m.id,
      userId: m.userId,
      email: m.email,
      userIdIsEmail: false,
      lang: 'ja',
      sessionTokenHash: hashToken(b.sessionToken),
    };
    const begun = await beginPasskeyRegistration(t.deps, current, m.password);
    if (!begun.ok) throw new Error(begun.code);
    expect(
      (
        await finishPasskeyRegistration(
          t.deps,
          current,
          new SoftAuthenticator().create(begun.options, origin),
          'Phone',
          client,
        )
      ).ok,
    ).toBe(true);
    const sessions = await t.deps.db
      .selectFrom('member_sessions')
      .select('token_hash')
      .where('member_id', '=', m.id)
      .execute();
    expect(sessions.map((s) => s.token_hash)).toEqual([current.sessionTokenHash]);
  });

  it('refuses a registration answered for another origin or with another member’s challenge', async () => {
    const m = await createMember(t.deps);
    const other = await createMember(t.deps);
    const me: CurrentMember = {
      id: m.id,
      userId: m.userId,
      email: m.email,
      userIdIsEmail: false,
      lang: 'ja',
      sessionTokenHash: 'x',
    };
    const them: CurrentMember = {
      id: other.id,
      userId: other.userId,
      email: other.email,
      userIdIsEmail: false,
      lang: 'ja',
      sessionTokenHash: 'y',
    };
    const begun = await beginPasskeyRegistration(t.deps, me, m.password);
    if (!begun.ok) throw new Error(begun.code);
    const wrongOrigin = new SoftAuthenticator().create(begun.options, 'https://evil.example');
    expect((await finishPasskeyRegistration(t.deps, me, wrongOrigin, 'x', client)).ok).toBe(false);
    const again = await beginPasskeyRegistration(t.deps, me, m.password);
    if (!again.ok) throw new Error(again.code);
    expect(
      (
        await finishPasskeyRegistration(
          t.deps,
          them,
          new SoftAuthenticator().create(again.options, origin),
          'x',
          client,
        )
      ).ok,
    ).toBe(false);
    expect(await listMemberPasskeys(t.deps, other.id)).toEqual([]);
  });

  it('renames and deletes a passkey, never another member’s; a deleted passkey no longer signs in', async () => {
    const { m, authenticator, passkeyId } = await memberWithPasskey();
    const stranger = await createMember(t.deps);
    expect(await renameMemberPasskey(t.deps, stranger.id, passkeyId, 'mine now')).toEqual({
      ok: false,
      code: 'passkey_not_found',
    });
    expect(await deleteMemberPasskey(t.deps, stranger.id, passkeyId, client)).toEqual({
      ok: false,
      code: 'passkey_not_found',
    });
    expect(await renameMemberPasskey(t.deps, m.id, passkeyId, '  iPhone 15  ')).toEqual({ ok: true });
    expect((await listMemberPasskeys(t.deps, m.id))[0]!.name).toBe('iPhone 15');
    expect(await deleteMemberPasskey(t.deps, m.id, passkeyId, client)).toEqual({ ok: true });
    const options = await beginPasskeySignIn(t.deps);
    expect((await finishPasskeySignIn(t.deps, authenticator.get(options, origin), client)).ok).toBe(false);
  });

  it('refuses a force-withdrawn member with M01', async () => {
    const { m, authenticator } = await memberWithPasskey();
    await t.deps.db
      .updateTable('members')
      .set({ status: 'force_withdrawn' })
      .where('id', '=', m.id)
      .execute();
    const options = await beginPasskeySignIn(t.deps);
    expect(await finishPasskeySignIn(t.deps, authenticator.get(options, origin), client)).toEqual({
      ok: false,
      code: 'M01',
    });
  });
});
