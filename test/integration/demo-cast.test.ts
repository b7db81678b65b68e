/**
 * The demo cast shows every cause a newcomer can try (issue 11, "Demo cast for every cause"): a locked
 * login with its lock mail, a member ID withdrawn yesterday and still in its cooling-off period, and a
 * member whose registered mailbox is gone, so mail to it bounces. The logins and passwords are a contract.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMembers, demoStaff } from '../../src/demo/cast.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { BOUNCED, deliverDueMail, type MailTransport } from '../../src/mail/worker.ts';
import { isUserIdCoolingOff } from '../../src/members/repository.ts';
import { currentTotpCode } from '../../src/security/totp.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';

const cast = (login: string) => {
  const m = demoMembers.find((d) => d.login === login);
  if (!m) throw new Error(`${login} is not in the demo cast`);
  return m;
};

describe.each(databaseKinds())('demo cast on %s', (kind) => {
  let t: TestApp;
  const mailTo = (to: string) => listRecentMail(t.deps.db, t.deps.config, 50, to);

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedDemo(t.deps);
    // Seeding again (every `npm start`) adds nothing while the seeded states still hold.
    await seedDemo(t.deps);
  }, 300_000);
  afterAll(() => t?.close(), 300_000);

  it('keeps the issue 11 logins and passwords exactly', () => {
    expect(cast('locked@example.jp').password).toBe('locked-out-2026');
    expect(cast('oldphone@example.jp').password).toBe('old-carrier-2026');
    expect(cast('sayonara2026').email).toBe('sayonara@example.jp');
    expect(cast('taro0123').email).toBe('taro@example.jp');
  });

  it('locked@example.jp: the right password still meets the lock, and the lock mail is in the mailbox', async () => {
    const res = await new TestClient(t).login('locked@example.jp', 'locked-out-2026');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('L01');
    const mails = await mailTo('locked@example.jp');
    expect(mails.map((m) => m.template)).toEqual(['login_locked']);
    expect(mails[0]!.text).toContain('/forgot/password');
  });

  it('sayonara2026: withdrawn yesterday, its user ID in the cooling-off period, the farewell mail sent', async () => {
    const now = t.deps.now();
    expect(await isUserIdCoolingOff(t.deps.db, 'sayonara2026', now)).toBe(true);
    const member = await t.deps.db
      .selectFrom('members')
      .select('id')
      .where('user_id', '=', 'sayonara2026')
      .executeTakeFirst();
    expect(member).toBeUndefined();
    const mails = await mailTo('sayonara@example.jp');
    expect(mails.map((m) => m.template)).toEqual(['withdrawal_done']);
    const hold = await t.deps.db
      .selectFrom('released_user_ids')
      .select(['released_at', 'reusable_after'])
      .executeTakeFirstOrThrow();
    const ageHours = (now.getTime() - new Date(hold.released_at).getTime()) / 3_600_000;
    expect(ageHours).toBeGreaterThan(23);
    expect(ageHours).toBeLessThan(25);
    expect(new Date(hold.reusable_after).getTime()).toBeGreaterThan(now.getTime() + 28 * 86_400_000);
    const res = await new TestClient(t).login('sayonara2026', cast('sayonara2026').password);
    expect(res.status).toBe(401);
  });

  it('sayonara2026: registering it again and asking for the ID with its address put the withdrawal story in the development mailbox', async () => {
    const again = await new TestClient(t).post('/register', {
      userId: 'sayonara2026',
      email: 'sayonara@example.jp',
      password: 'see-you-again-2027',
    });
    expect(again.status).toBe(200);
    expect((await new TestClient(t).post('/forgot/id', { email: 'sayonara@example.jp' })).status).toBe(200);
    const mails = await mailTo('sayonara@example.jp');
    expect(mails.map((m) => m.template)).toEqual([
      'forgot_user_id_withdrawn',
      'registration_id_cooling_off',
      'withdrawal_done',
    ]);
    const box = await (await new TestClient(t).get('/dev/mailbox?to=sayonara%40example.jp')).text();
    expect(box).toContain('ユーザーID「sayonara2026」は、退会の手続きで使われなくなったユーザーIDです');
    expect(box).toContain('会員ID「sayonara2026」は');
    expect(box).toContain(
      '退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。',
    );
    expect(box).not.toContain('すでに使われているため');
  });

  it('oldphone@example.jp: logs in, but mail to its address bounces in the mailbox and is never sent', async () => {
    const login = await new TestClient(t).login('oldphone@example.jp', 'old-carrier-2026');
    expect(login.status).toBe(303);
    await new TestClient(t).post('/forgot/password', { identifier: 'oldphone@example.jp' });
    const [mail] = await mailTo('oldphone@example.jp');
    expect(mail?.template).toBe('password_reset');
    expect(mail?.bounces).toBe(true);
    const page = await new TestClient(t).get('/dev/mailbox?to=oldphone@example.jp&lang=en');
    expect(await page.text()).toContain('bounced (the mailbox is unreachable)');
    const sent: string[] = [];
    const transport: MailTransport = {
      sendMail: async (m: { to?: unknown }) => {
        sent.push(String(m.to));
        return {} as never;
      },
    };
    await deliverDueMail(t.deps, transport, 100);
    expect(sent).not.toContain('oldphone@example.jp');
    const row = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['status', 'last_error'])
      .where('to_address', '=', 'oldphone@example.jp')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', last_error: BOUNCED });
    // Everyone else's mail still goes out.
    expect(sent).toContain('locked@example.jp');
  });

  it('twostep@example.jp: the password leads to the code step, and the secret on the top page signs in', async () => {
    const client = new TestClient(t);
    const res = await client.login('twostep@example.jp', 'two-step-login-2026');
    expect(res.headers.get('location')).toBe('/login/two-step');
    const secret = cast('twostep@example.jp').totpSecret;
    expect(secret).toBe('V7CKOW736JVNJLKFYUEEQPX3XUKLX4ZI');
    expect(await (await new TestClient(t).get('/?lang=en')).text()).toContain(secret);
    const done = await client.post('/login/two-step', { code: currentTotpCode(secret ?? '', new Date()) });
    expect(done.headers.get('location')).toBe('/portal');
    expect(
      (await new TestClient(t).login('passkey@example.jp', 'with-passkey-2026')).headers.get('location'),
    ).toBe('/portal');
  });

  it('oldphone@example.jp: an operator and another supervisor walk the email change for the dead mailbox', async () => {
    const staffClient = async (login: string) => {
      const staff = demoStaff.find((s) => s.login === login)!;
      const client = new TestClient(t);
      const res = await client.post('/support/login', {
        login,
        password: staff.password,
        code: currentTotpCode(staff.totpSecret, t.deps.now()),
      });
      expect(res.status).toBe(303);
      return client;
    };
    const member = await t.deps.db
      .selectFrom('members')
      .select('id')
      .where('user_id', '=', 'oldphone@example.jp')
      .executeTakeFirstOrThrow();
    const card = await t.deps.db
      .selectFrom('cards')
      .select('id')
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow();
    const operator = await staffClient('operator1');
    // The README's card for oldphone: 4980123456789078, SHO YAMADA, 1991-08-30, 090-0000-0008.
    const verified = await operator.post(`/support/members/${member.id}/verify`, {
      cardId: String(card.id),
      fullName: 'Sho Yamada',
      birthDate: '1991-08-30',
      phone: '090-0000-0008',
      cardNumber: '4980123456789078',
    });
    expect(await verified.text()).toContain('ご本人確認ができました');
    const asked = await operator.post(`/support/members/${member.id}/email-change`, {
      newEmail: 'oldphone.new@example.jp',
      changeReason: 'carrier address lost when changing phones',
    });
    expect(asked.status).toBe(303);
    const request = await t.deps.db
      .selectFrom('support_email_changes')
      .select('id')
      .where('member_id', '=', member.id)
      .where('status', '=', 'requested')
      .executeTakeFirstOrThrow();
    const supervisor = await staffClient('supervisor1');
    const approved = await supervisor.post(
      `/support/members/${member.id}/email-change/${request.id}/approve`,
      {},
    );
    expect(approved.status).toBe(303);
    expect((await mailTo('oldphone@example.jp')).map((m) => m.template)).toContain('email_changed');
    expect((await mailTo('oldphone.new@example.jp'))[0]?.template).toBe('support_email_changed');
    // The user ID was the carrier address: it is the new address now, with the same password.
    const login = await new TestClient(t).login('oldphone.new@example.jp', 'old-carrier-2026');
    expect(login.status).toBe(303);
  });

  it('the README lists every demo member', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const m of demoMembers) expect(readme, m.login).toContain(`\`${m.login}\``);
  });
});
