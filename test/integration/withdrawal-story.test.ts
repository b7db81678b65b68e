/**
 * Issue 11, "Accidental withdrawal, then re-registration: contradictory mails": one story from the withdrawal
 * page to the mails and the help center, on every database. The pages stay the same for every input (no
 * enumeration); only the address owner's mailbox learns that an ID was withdrawn, when, and when it frees up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawMember } from '../../src/account/withdraw.ts';
import { enrollCardToMember, insertCard, upsertImportedTransaction } from '../../src/cards/repository.ts';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

const PASSWORD = 'a long new passphrase 2026';
/** 1 December 2026, 12:00 in Tokyo: the withdrawal day in these tests. */
const WITHDRAWN_AT = new Date('2026-12-01T03:00:00Z');
const DAY = 86_400_000;

describe.each(databaseKinds())('a member who withdrew by mistake, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    // A fresh migrated database on a shared, busy machine.
  }, 300_000);
  afterAll(() => t?.close(), 300_000);

  const mailTo = (to: string) => listRecentMail(t.deps.db, t.deps.config, 20, to);
  /** The page body with the CSRF token, the CSP nonce and the echoed input taken out. */
  const normalised = (html: string, echoed: string) =>
    html
      .replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""')
      .replace(/nonce="[^"]+"/g, 'nonce=""')
      .replaceAll(echoed, 'ECHO');

  /** A member ID that withdrew on WITHDRAWN_AT; the clock then stands `daysLater` after it. */
  async function withdrawn(userId: string, email: string, daysLater = 1) {
    t.setNow(WITHDRAWN_AT);
    const m = await createMember(t.deps, { userId, email });
    expect(await withdrawMember(t.deps, m.id)).toEqual({ ok: true });
    t.setNow(new Date(WITHDRAWN_AT.getTime() + daysLater * DAY));
    return m;
  }

  it('registering the withdrawn user ID again: the page is the same as for a free ID, the mail says it is cooling off and from when it frees up', async () => {
    await withdrawn('mistake01', 'mistake01@example.jp');
    const again = await new TestClient(t).post('/register', {
      userId: 'mistake01',
      email: 'mistake01@example.jp',
      password: PASSWORD,
    });
    const fresh = await new TestClient(t).post('/register', {
      userId: 'freshid01',
      email: 'freshid01@example.jp',
      password: PASSWORD,
    });
    expect(again.status).toBe(200);
    expect(fresh.status).toBe(again.status);
    expect(normalised(await again.text(), 'mistake01@example.jp')).toBe(
      normalised(await fresh.text(), 'freshid01@example.jp'),
    );

    const [mail, ...rest] = await mailTo('mistake01@example.jp');
    expect(rest.map((m) => m.template)).toEqual(['withdrawal_done']);
    expect(mail!.template).toBe('registration_id_cooling_off');
    expect(mail!.subject).toBe('【cardnavi】ご希望のユーザーIDはまだ登録できません');
    expect(mail!.text).toContain('ユーザーID「mistake01」は、退会の手続きで使われなくなったユーザーIDです');
    expect(mail!.text).toContain(
      '退会から30日間は、どなたも登録できません。2026/12/31 12:00 以降に登録できます。',
    );
    expect(mail!.text).toContain('http://localhost:3000/register\n');
    expect(mail!.text).toContain('http://localhost:3000/help/withdrawal/withdrew-by-mistake');
    // No longer "the ID is in use, use forgot-password", and no registration link.
    expect(mail!.text).not.toContain('/forgot/password');
    expect(mail!.text).not.toContain('/register/verify');
    expect(mail!.text).not.toContain('すでに使われている');
  });

  it('asking for the user ID with the withdrawn address: the same page as any address, the mail names the ID and the day it was withdrawn', async () => {
    await withdrawn('mistake02', 'mistake02@example.jp');
    await createMember(t.deps, { userId: 'still-here-02', email: 'present02@example.jp' });
    const pages: string[] = [];
    for (const email of ['mistake02@example.jp', 'present02@example.jp', 'nobody02@example.jp']) {
      const res = await new TestClient(t).post('/forgot/id', { email });
      expect(res.status).toBe(200);
      pages.push(normalised(await res.text(), email));
    }
    expect(new Set(pages).size).toBe(1);

    const [mail] = await mailTo('mistake02@example.jp');
    expect(mail!.template).toBe('forgot_user_id_withdrawn');
    expect(mail!.subject).toBe('【cardnavi】このメールアドレスの会員IDは退会済みです');
    expect(mail!.text).toContain(
      '会員ID「mistake02」は 2026年12月1日 に退会しました(同じユーザーIDは 2026/12/31 12:00 以降に登録できます)。',
    );
    expect(mail!.text).toContain(
      '退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。',
    );
    expect(mail!.text).toContain('http://localhost:3000/register\n');
    expect((await mailTo('nobody02@example.jp'))[0]!.template).toBe('forgot_user_id_none');
    expect((await mailTo('present02@example.jp'))[0]!.template).toBe('forgot_user_id');
  });

  it('asking for a password reset with the withdrawn address: the same page, no reset link, the mail tells the same story in the language asked for', async () => {
    await withdrawn('mistake03', 'mistake03@example.jp');
    const pages: string[] = [];
    for (const identifier of ['mistake03@example.jp', 'nobody03@example.jp', 'mistake03']) {
      const res = await new TestClient(t).post('/forgot/password?lang=en', { identifier });
      expect(res.status).toBe(200);
      pages.push(normalised(await res.text(), identifier));
    }
    expect(new Set(pages).size).toBe(1);

    const [mail] = await mailTo('mistake03@example.jp');
    expect(mail!.template).toBe('password_reset_withdrawn');
    expect(mail!.subject).toBe('[cardnavi] The member ID of this email address was withdrawn');
    expect(mail!.text).toContain(
      'The member ID “mistake03” was withdrawn on 1 Dec 2026 (the same user ID can be registered from 31 Dec 2026, 12:00).',
    );
    expect(mail!.text).toContain('cannot be restored');
    expect(mail!.text).toContain('http://localhost:3000/register\n');
    expect(mail!.text).not.toContain('/reset-password');
    expect(await t.deps.db.selectFrom('password_resets').selectAll().execute()).toEqual([]);
  });

  it('an address that still holds another member ID hears about that ID, not the withdrawn one', async () => {
    t.setNow(WITHDRAWN_AT);
    const first = await createMember(t.deps, { userId: 'twice-old-04', email: 'twice04@example.jp' });
    await createMember(t.deps, { userId: 'twice-new-04', email: 'twice04@example.jp' });
    await withdrawMember(t.deps, first.id);
    await new TestClient(t).post('/forgot/id', { email: 'twice04@example.jp' });
    const [mail] = await mailTo('twice04@example.jp');
    expect(mail!.template).toBe('forgot_user_id');
    expect(mail!.text).toContain('twice-new-04');
    expect(mail!.text).not.toContain('twice-old-04');
  });

  it('after the cooling-off period the withdrawal is forgotten: the ordinary "no member ID" mail, and the ID registers again', async () => {
    await withdrawn('mistake05', 'mistake05@example.jp', 31);
    await new TestClient(t).post('/forgot/id', { email: 'mistake05@example.jp' });
    expect((await mailTo('mistake05@example.jp'))[0]!.template).toBe('forgot_user_id_none');
    await new TestClient(t).post('/register', {
      userId: 'mistake05',
      email: 'mistake05@example.jp',
      password: PASSWORD,
    });
    expect((await mailTo('mistake05@example.jp'))[0]!.template).toBe('registration_verify');
  });

  it('keeps only a hash of the address and the user ID encrypted while the ID is held', async () => {
    await withdrawn('mistake06@example.jp', 'mistake06@example.jp');
    const rows = await t.deps.db.selectFrom('released_user_ids').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('mistake06');
    expect(rows.some((r) => r.user_id_enc && r.email_hash)).toBe(true);
  });

  describe('the withdrawal page shows what this member loses, from their own data', () => {
    let seq = 0;
    async function memberWithCards() {
      t.setNow(WITHDRAWN_AT);
      seq += 1;
      const m = await createMember(t.deps);
      const cardIds: number[] = [];
      for (const [last4, hash] of [
        ['4321', `w-${seq}-a`],
        ['8765', `w-${seq}-b`],
      ] as const) {
        const card = await insertCard(t.deps.db, {
          memberId: m.id,
          numberEnc: 'x',
          numberHash: hash,
          last4,
          expiryYear: 2030,
          expiryMonth: 1,
          holderName: 'SAYO NARA',
          birthDate: '1990-01-01',
          phone: '090-1111-1111',
          brand: 'visa',
          creditLimit: 100_000,
          status: 'active',
          startPinHash: 'x',
          incomeBand: null,
        });
        await enrollCardToMember(t.deps.db, card!.id, m.id, t.deps.now());
        cardIds.push(card!.id);
      }
      // The first card: usage in September, October and November 2026, 1,234 points.
      for (const [usedOn, points] of [
        ['2026-09-10', 1_000],
        ['2026-10-10', 200],
        ['2026-11-10', 34],
      ] as const) {
        await upsertImportedTransaction(t.deps.db, {
          cardId: cardIds[0]!,
          usedOn,
          merchant: 'さくらマート',
          amount: points * 100,
          externalId: `w-${seq}-${usedOn}`,
          points,
        });
      }
      return m;
    }

    async function confirmPage(m: { userId: string; password: string }, lang: 'ja' | 'en') {
      const client = new TestClient(t);
      expect((await client.login(m.userId, m.password)).status).toBe(303);
      await client.get(`/settings/withdraw?lang=${lang}`);
      const res = await client.post('/settings/withdraw', { password: m.password });
      expect(res.status).toBe(200);
      return res.text();
    }

    it('in Japanese: each enrolled card by its last 4 digits, its points and months of statements, and the points in total', async () => {
      const m = await memberWithCards();
      const html = await confirmPage(m, 'ja');
      expect(html).toContain('**** **** **** 4321');
      expect(html).toContain('**** **** **** 8765');
      expect(html).toContain('ポイント 1,234 ポイントが失われます');
      expect(html).toContain('利用明細 3か月分(2026年9月〜2026年11月)が、この会員IDでは見られなくなります');
      expect(html).toContain('ポイント 0 ポイントが失われます');
      expect(html).toContain('利用明細はまだありません');
      expect(html).toContain('ポイントは合計 1,234 ポイントがすべて失われ、戻りません。');
      // Never more than the last 4 digits.
      expect(html).not.toMatch(/\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}/);
      await withdrawMember(t.deps, m.id);
    });

    it('in English, with plural rules', async () => {
      const m = await memberWithCards();
      const html = await confirmPage(m, 'en');
      expect(html).toContain('1,234 points are lost');
      expect(html).toContain(
        'Statements for 3 months (September 2026 – November 2026) can no longer be opened with this member ID',
      );
      expect(html).toContain('0 points are lost');
      expect(html).toContain('No statements yet');
      expect(html).toContain('All your points (1,234 points in total) are lost for good.');
      await withdrawMember(t.deps, m.id);
    });

    it('a member without an enrolled card sees no card list, only that points are lost', async () => {
      t.setNow(WITHDRAWN_AT);
      const m = await createMember(t.deps);
      const html = await confirmPage(m, 'ja');
      expect(html).not.toContain('カード会員ページに登録しているカードと、失われるもの');
      expect(html).toContain('たまっているポイントはすべて失われます。');
    });
  });

  describe('the help center tells the same story as the mails', () => {
    it('the troubleshooter\'s "withdrew by mistake" answer mentions the 30-day cooling-off period', async () => {
      for (const [lang, text] of [
        ['ja', '退会から30日間(クーリングオフ期間)はどなたも登録できません'],
        ['en', 'cannot be registered by anyone for 30 days after the withdrawal (its cooling-off period)'],
      ] as const) {
        const res = await new TestClient(t).get(`/help/login-trouble?step=withdrew&lang=${lang}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain(text);
      }
    });

    it('the "withdrew by mistake" article quotes the sentences the mails say', async () => {
      await withdrawn('mistake07', 'mistake07@example.jp');
      await new TestClient(t).post('/forgot/id', { email: 'mistake07@example.jp' });
      await new TestClient(t).post('/register', {
        userId: 'mistake07',
        email: 'mistake07@example.jp',
        password: PASSWORD,
      });
      const [registration, forgot] = await mailTo('mistake07@example.jp');
      const article = await (await new TestClient(t).get('/help/withdrawal/withdrew-by-mistake')).text();
      for (const sentence of [
        '退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。',
        'もう一度ご利用いただく場合は、新しく会員登録してください(同じメールアドレスでも登録できます)。',
      ]) {
        expect(forgot!.text).toContain(sentence);
        expect(article).toContain(sentence);
      }
      for (const sentence of [
        '退会から30日間は、どなたも登録できません。',
        'すぐにご利用になる場合は、別のユーザーIDで会員登録してください(同じメールアドレスでも登録できます)。',
      ]) {
        expect(registration!.text).toContain(sentence);
        expect(article).toContain(sentence);
      }
    });
  });
});
