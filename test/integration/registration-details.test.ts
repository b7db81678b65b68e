/**
 * Issue 12: registration details in settings (postal address, phone, payment account, mail settings) on
 * PGlite and PostgreSQL — every change needs the current password, keeps what was typed on a problem, mails
 * the member, shows only the account number's last 3 digits, and appears (without values) in the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createTestStaff, staffLogIn } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('registration details on %s', (kind) => {
  let t: TestApp;
  let member: { id: number; userId: string; email: string; password: string };
  let client: TestClient;

  async function mailsTo(email: string) {
    return t.deps.db
      .selectFrom('mail_outbox')
      .select(['template'])
      .where('to_address', '=', email)
      .where('template', '=', 'registration_changed')
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    member = await createMember(t.deps, { lang: 'en' });
    client = new TestClient(t, { 'accept-language': 'en' });
    expect((await client.login(member.userId, member.password)).status).toBe(303);
    // A fresh migrated database and argon2 hashes: slow on a shared machine.
  }, 180_000);
  afterAll(() => t?.close());

  it('shows the details as not registered at first, with a link to each form', async () => {
    const body = await (await client.get('/settings')).text();
    expect(body).toContain('Registration details (address, phone, payment account, mail)');
    expect(body).toContain('Not registered');
    for (const path of ['address', 'phone', 'bank', 'notifications'])
      expect(body).toContain(`href="/settings/registration/${path}"`);
    expect((await client.get('/settings/registration/elsewhere')).status).toBe(404);
  });

  it('refuses a malformed postal code with the reason and keeps what was typed', async () => {
    const res = await client.post('/settings/registration/address', {
      postalCode: '12-345',
      prefecture: '13',
      addressLine1: '千代田区千代田1-1',
      currentPassword: member.password,
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('Enter the postal code as 7 digits (e.g. 100-0001).');
    expect(body).toContain('value="千代田区千代田1-1"');
    expect(body).not.toContain(member.password);
    expect(await mailsTo(member.email)).toHaveLength(0);
  });

  it('changes nothing without the right current password', async () => {
    const res = await client.post('/settings/registration/address', {
      postalCode: '100-0001',
      prefecture: '13',
      addressLine1: '千代田区千代田1-1',
      currentPassword: 'not-my-password-2026',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('value="100-0001"');
    const row = await t.deps.db
      .selectFrom('member_profiles')
      .select('postal_code')
      .where('member_id', '=', member.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('changes the address (full-width digits accepted), mails the member and shows it in settings', async () => {
    const res = await client.post('/settings/registration/address', {
      postalCode: '〒１００－０００１',
      prefecture: '13',
      addressLine1: '千代田区千代田1-1',
      addressLine2: 'ナビビル 3F',
      currentPassword: member.password,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/settings?done=registration-address');
    const body = await (await client.get('/settings?done=registration-address')).text();
    expect(body).toContain('Your address was changed.');
    expect(body).toContain('〒100-0001 Tokyo 千代田区千代田1-1 ナビビル 3F');
    expect(await mailsTo(member.email)).toHaveLength(1);
  });

  it('stores the account number encrypted and shows only its last 3 digits', async () => {
    const res = await client.post('/settings/registration/bank', {
      bankName: 'さくら銀行',
      bankBranch: '本店',
      accountType: 'ordinary',
      accountNumber: '1234567',
      accountHolder: 'ｻﾄｳ ﾊﾅｺ',
      currentPassword: member.password,
    });
    expect(res.status).toBe(303);
    const body = await (await client.get('/settings')).text();
    expect(body).toContain('さくら銀行 本店 Ordinary ending 567 (holder サトウ ハナコ)');
    expect(body).not.toContain('1234567');
    const row = await t.deps.db
      .selectFrom('member_profiles')
      .select(['bank_account_number_enc', 'bank_account_last3'])
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.bank_account_number_enc).not.toContain('1234567');
    expect(row.bank_account_last3).toBe('567');
    // A refused form never shows the account number back.
    const bad = await client.post('/settings/registration/bank', {
      bankName: 'さくら銀行',
      bankBranch: '本店',
      accountType: 'ordinary',
      accountNumber: '7654321',
      accountHolder: 'Sato Hanako',
      currentPassword: member.password,
    });
    expect(bad.status).toBe(400);
    const badBody = await bad.text();
    expect(badBody).toContain('Enter the account holder in katakana, up to 40 characters.');
    expect(badBody).not.toContain('7654321');
  });

  it('changes the phone and the mail settings; the mail language follows', async () => {
    expect(
      (
        await client.post('/settings/registration/phone', {
          phone: '090-1234-5678',
          currentPassword: member.password,
        })
      ).status,
    ).toBe(303);
    const bad = await client.post('/settings/registration/phone', {
      phone: '12345',
      currentPassword: member.password,
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a phone number of 10 or 11 digits starting with 0.');
    expect(
      (
        await client.post('/settings/registration/notifications', {
          mailLang: 'ja',
          marketingMail: 'yes',
          currentPassword: member.password,
        })
      ).status,
    ).toBe(303);
    const body = await (await client.get('/settings')).text();
    expect(body).toContain('09012345678');
    expect(body).toContain('Mail language: Japanese / Offers and campaigns: yes');
    const lang = await t.deps.db
      .selectFrom('members')
      .select('lang')
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(lang.lang).toBe('ja');
    expect(await mailsTo(member.email)).toHaveLength(4);
  });

  it('refuses a change without the CSRF token', async () => {
    const res = await client.post('/settings/registration/phone', {
      phone: '03-1234-5678',
      currentPassword: member.password,
      _csrf: 'forged',
    });
    expect(res.status).toBe(403);
  });

  it('shows in the console which items are registered and when they changed, never the values', async () => {
    const staff = await createTestStaff(t.deps, 'operator');
    const console = new TestClient(t, { 'accept-language': 'en' });
    expect((await staffLogIn(console, t.deps, staff)).status).toBe(303);
    const body = await (await console.get(`/support/members/${member.id}`)).text();
    expect(body).toContain('Registration details (read only)');
    expect(body).toMatch(/address changed/);
    expect(body).toMatch(/payment account changed/);
    expect(body).not.toContain('千代田区');
    expect(body).not.toContain('09012345678');
    expect(body).not.toContain('567 (holder');
  });

  describe('the card application', () => {
    const application = {
      holderName: 'HANAKO SATO',
      nameKanji: '佐藤 花子',
      nameKana: 'さとう はなこ',
      postalCode: '１５０－０００１',
      prefecture: '13',
      addressLine1: '渋谷区神宮前1-1',
      birthDate: '1990-04-01',
      phone: '090-1234-5678',
      incomeBand: '2m_4m',
      startPin: '4829',
      startPinConfirm: '4829',
    };

    it('says what to fix in the kana name and the postal code, keeping what was typed', async () => {
      const res = await client.post('/cards/apply?lang=en', {
        ...application,
        nameKana: 'Sato Hanako',
        postalCode: '150',
        prefecture: '',
      });
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body).toContain('Enter the reading of your name in katakana, up to 50 characters.');
      expect(body).toContain('Enter the postal code as 7 digits (e.g. 100-0001).');
      expect(body).toContain('Choose a prefecture.');
      expect(body).toContain('value="佐藤 花子"');
      const ja = await client.post('/cards/apply?lang=ja', { ...application, nameKanji: '佐藤123' });
      expect(ja.status).toBe(400);
      expect(await ja.text()).toContain('お名前(漢字)を50文字以内で入力してください');
    });

    it('keeps the name in kanji and katakana and the address the card is posted to', async () => {
      const res = await client.post('/cards/apply?lang=en', application);
      expect(res.status).toBe(200);
      const card = await t.deps.db
        .selectFrom('cards')
        .select([
          'holder_name_kanji',
          'holder_name_kana',
          'mailing_postal_code',
          'mailing_prefecture',
          'mailing_address_line1',
        ])
        .where('member_id', '=', member.id)
        .executeTakeFirstOrThrow();
      expect(card).toEqual({
        holder_name_kanji: '佐藤 花子',
        holder_name_kana: 'サトウ ハナコ',
        mailing_postal_code: '150-0001',
        mailing_prefecture: '13',
        mailing_address_line1: '渋谷区神宮前1-1',
      });
    });
  });
});
