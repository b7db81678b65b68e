/**
 * The contact center's side in a real browser (issue 7): an operator takes the pinlock@example.jp call end
 * to end, a supervisor force-withdraws a membership and the member then meets M01, an admin adds staff.
 * Every console page is checked with axe in both languages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../src/demo/cast.ts';
import { findMemberByUserId } from '../../src/members/repository.ts';
import { currentTotpCode } from '../../src/support/totp.ts';
import { browserAvailable, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();

describe.runIf(run)('support console in a real browser', () => {
  const e2e = withBrowserServer();

  const newPage = (): Promise<Page> => e2e.newPage();

  /** axe on the current page in English and Japanese (serious and critical must be none). */
  async function expectAccessible(page: Page) {
    const url = new URL(page.url());
    for (const lang of ['ja', 'en']) {
      url.searchParams.set('lang', lang);
      await page.goto(url.toString());
      expect(await seriousA11yViolations(page), `${url.pathname} (${lang})`).toEqual([]);
    }
  }

  async function signIn(page: Page, login: string) {
    const staff = demoStaff.find((s) => s.login === login)!;
    await page.goto(`${e2e.server.url}/support/login?lang=en`);
    await page.getByLabel('Staff ID').fill(staff.login);
    await page.getByLabel('Password', { exact: true }).fill(staff.password);
    await page.getByLabel('Authentication code').fill(currentTotpCode(staff.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/support$/);
  }

  async function openMember(page: Page, query: string) {
    await page.getByLabel('User ID or email').fill(query);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: query }).click();
    await page.waitForURL(/\/support\/members\/\d+/);
  }

  it('operator1 signs in with password and TOTP, verifies pinlock@example.jp (fail, then pass) and unlocks the start PIN', async () => {
    const { deps } = e2e.server;
    const pinlock = await findMemberByUserId(deps.db, 'pinlock@example.jp');
    // The demo seed locked pinlock's card: 4980123456789037, YUKI TANAKA, 1979-09-09, 090-0000-0003, PIN 6183.
    const card = await deps.db
      .selectFrom('cards')
      .select('id')
      .where('member_id', '=', pinlock!.id)
      .executeTakeFirstOrThrow();

    const page = await newPage();
    await page.goto(`${e2e.server.url}/support/login?lang=en`);
    await expectAccessible(page);
    await signIn(page, 'operator1');
    await expectAccessible(page);
    expect(await page.locator('.console-bar').innerText()).toContain('operator1');

    await page.goto(`${e2e.server.url}/support?lang=en`);
    await openMember(page, 'pinlock@example.jp');
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain('Locked (5 wrong)');

    await page.getByLabel('Full name').fill('Yuki Tanaka');
    await page.getByLabel('Date of birth').fill('1979-09-09');
    await page.getByLabel('Phone number').fill('09000000003');
    await page.getByLabel('Card number').fill('4980123456789045');
    await page.getByRole('button', { name: 'Check identity' }).click();
    const failed = await page.locator('#verify-result').innerText();
    expect(failed).toContain('Full name: Match');
    expect(failed).toContain('Card number: No match');
    expect(await page.locator('main').innerText()).not.toContain('4980123456789037');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Full name').fill('YUKI TANAKA');
    await page.getByLabel('Date of birth').fill('1979-09-09');
    await page.getByLabel('Phone number').fill('090-0000-0003');
    await page.getByLabel('Card number').fill('4980 1234 5678 9037');
    await page.getByRole('button', { name: 'Check identity' }).click();
    expect(await page.locator('#verify-result').innerText()).toContain('The caller is verified.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Unlock start PIN (**** 9037)' }).click();
    await page.waitForURL(/done=pin/);
    expect(await page.locator('main').innerText()).toContain('Start PIN unlocked');
    expect(await page.locator('main').innerText()).toContain('Usable (0 wrong)');
    await expectAccessible(page);
    const row = await deps.db
      .selectFrom('cards')
      .select(['start_pin_failures', 'start_pin_locked_at'])
      .where('id', '=', card.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ start_pin_failures: 0, start_pin_locked_at: null });

    // The case history reads in words, and the operator leaves a call note (issue 11).
    const history = await page.locator('#history-title + ul').innerText();
    expect(history).toContain('Start PIN unlocked');
    expect(history).toContain('Wrong attempts: 5 → 0');
    expect(history).not.toContain('card.unlock_start_pin');
    await page
      .getByLabel('Add a note')
      .fill('Caller had mistyped the PIN five times; unlocked after verification.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.waitForURL(/done=note/);
    expect(await page.locator('.notes').innerText()).toContain('unlocked after verification');
    await expectAccessible(page);
    expect(await page.locator('#notes-title').innerText()).toBe('Call notes');

    // The member, still on the phone, now completes the start procedure with the right PIN.
    const member = await newPage();
    await member.goto(`${e2e.server.url}/login?lang=en`);
    await member.getByLabel('User ID or email').fill('pinlock@example.jp');
    await member.getByLabel('Password', { exact: true }).fill('locked-pin-2026');
    await member.getByRole('button', { name: 'Log in' }).click();
    await member.waitForURL(/\/portal\/enroll/);
    await member.getByLabel('Card number').fill('4980123456789037');
    await member.getByLabel('Date of birth').fill('1979-09-09');
    await member.getByLabel('Start PIN').fill('6183');
    await member.getByRole('button', { name: 'Enroll' }).click();
    await member.waitForURL(/\/portal(\?|$)/);
    expect(await member.locator('main').innerText()).toContain('9037');
    expect(await seriousA11yViolations(member)).toEqual([]);
  }, 420_000);

  it('operator1 reissues the start PIN newcard@example.jp forgot: the letter is in the dev mailbox, the old PIN is refused, the new one enrolls', async () => {
    const page = await newPage();
    await signIn(page, 'operator1');
    await page.goto(`${e2e.server.url}/support?lang=en`);
    await openMember(page, 'newcard@example.jp');
    // The demo seed's card for newcard: 4980123456789011, KENTA SUZUKI, 1990-04-01, 090-0000-0002, PIN 4721.
    await page.getByLabel('Full name').fill('Kenta Suzuki');
    await page.getByLabel('Date of birth').fill('1990-04-01');
    await page.getByLabel('Phone number').fill('090-0000-0002');
    await page.getByLabel('Card number').fill('4980123456789011');
    await page.getByRole('button', { name: 'Check identity' }).click();
    expect(await page.locator('#verify-result').innerText()).toContain('The caller is verified.');
    const before = await page.locator('main').innerText();

    await page.getByRole('button', { name: 'Reissue start PIN (**** 9011)' }).click();
    await page.waitForURL(/done=pinReissued/);
    const after = await page.locator('main').innerText();
    expect(after).toContain('Start PIN reissued');
    await expectAccessible(page);

    // The letter waits in the development mailbox, marked as a letter to the card's registered address.
    const mailbox = await newPage();
    await mailbox.goto(`${e2e.server.url}/dev/mailbox?lang=en`);
    const letter = mailbox.locator('article.mail-letter', { hasText: 'KENTA SUZUKI' }).first();
    expect(await letter.innerText()).toContain('Letter (by post)');
    expect(await letter.innerText()).toContain('registered address of the card ending in 9011');
    const pin = /(?:PIN|パスワード): (\d{4})/.exec(await letter.innerText())?.[1];
    expect(pin).toMatch(/^\d{4}$/);
    expect(pin).not.toBe('4721');
    expect(await seriousA11yViolations(mailbox)).toEqual([]);
    // The operator never saw it.
    const count = (text: string) => text.split(pin!).length;
    expect(count(after)).toBeLessThanOrEqual(count(before));

    // The member enrolls: the old PIN is refused, the new one works.
    const member = await newPage();
    await member.goto(`${e2e.server.url}/login?lang=en`);
    await member.getByLabel('User ID or email').fill('newcard@example.jp');
    await member.getByLabel('Password', { exact: true }).fill('first-login-2026');
    await member.getByRole('button', { name: 'Log in' }).click();
    await member.waitForURL(/\/portal\/enroll/);
    await member.getByLabel('Card number').fill('4980123456789011');
    await member.getByLabel('Date of birth').fill('1990-04-01');
    await member.getByLabel('Start PIN').fill('4721');
    await member.getByRole('button', { name: 'Enroll' }).click();
    await member.waitForLoadState();
    expect(await member.locator('main').innerText()).toContain('P05');
    await member.getByLabel('Start PIN').fill(pin!);
    await member.getByRole('button', { name: 'Enroll' }).click();
    await member.waitForURL(/\/portal(\?|$)/);
    expect(await member.locator('main').innerText()).toContain('9011');
  }, 420_000);

  it('supervisor1 force-withdraws taro0123 with a reason, and taro0123 then gets the M01 page', async () => {
    const page = await newPage();
    await signIn(page, 'supervisor1');
    await openMember(page, 'taro0123');
    await expectAccessible(page);
    const form = page.locator('form[action$="/force-withdraw"]');
    await form
      .getByLabel('Reason')
      .fill('Resold card benefits in breach of the member terms (case 2026-0042)');
    page.once('dialog', (d) => void d.accept());
    await form.getByRole('button', { name: 'Force-withdraw' }).click();
    await page.waitForURL(/done=withdrawn/);
    expect(await page.locator('main').innerText()).toContain('Membership force-withdrawn');

    await page.goto(`${e2e.server.url}/support/audit?lang=en`);
    const audit = await page.locator('main').innerText();
    expect(audit).toContain('Forced withdrawal');
    expect(audit).not.toContain('member.force_withdraw');
    await expectAccessible(page);

    const member = await e2e.browser.newPage();
    await member.goto(`${e2e.server.url}/login?lang=en`);
    await member.getByLabel('User ID or email').fill('taro0123');
    await member.getByLabel('Password', { exact: true }).fill('fuji-san-3776m');
    await member.getByRole('button', { name: 'Log in' }).click();
    expect(await member.locator('main').innerText()).toContain('M01');
  }, 420_000);

  it('admin1 adds a staff member and sees the TOTP secret once', async () => {
    const page = await newPage();
    await signIn(page, 'admin1');
    await page.goto(`${e2e.server.url}/support/staff?lang=en`);
    await expectAccessible(page);
    await page.getByLabel('Staff ID').fill('operator9');
    await page.getByLabel('Display name').fill('Operator Nine');
    await page.getByLabel('Role').selectOption('operator');
    await page.getByLabel('Password', { exact: true }).fill('a long console passphrase');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const notice = await page.locator('.notice-success').innerText();
    expect(notice).toContain('operator9');
    expect(notice).toMatch(/otpauth:\/\/totp\//);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 420_000);
});
