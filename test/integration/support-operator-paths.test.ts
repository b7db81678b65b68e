/**
 * The two operator paths of issue 11: "reissue start PIN" for a member who forgot it (a letter through the
 * outbox's `letter` channel, never shown to the operator), and the operator-assisted email change for a
 * member whose mailbox is dead (an operator asks, another supervisor approves, the old address is told, and
 * no reset link reaches the new address during the hold). Each threat has its own test, on PGlite and
 * PostgreSQL.
 */
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCard } from '../../src/cards/enroll.ts';
import { handOverLetters } from '../../src/mail/letters.ts';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { claimDueMail } from '../../src/mail/outbox-repository.ts';
import { verifyAuditChain } from '../../src/support/audit.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import {
  createCard,
  createTestStaff,
  rightAnswers,
  staffLogIn,
  type TestCard,
  type TestStaff,
} from '../helpers/support-factories.ts';

const HOUR = 3_600_000;

describe.each(databaseKinds())('operator paths of issue 11 on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  }, 120_000);
  afterAll(() => t?.close());

  async function signedIn(role: 'operator' | 'supervisor', staff?: TestStaff) {
    const client = new TestClient(t);
    const who = staff ?? (await createTestStaff(t.deps, role));
    expect((await staffLogIn(client, t.deps, who)).status).toBe(303);
    return { client, staff: who };
  }

  async function verified(role: 'operator' | 'supervisor', memberId: number, card: TestCard) {
    const signed = await signedIn(role);
    const res = await signed.client.post(`/support/members/${memberId}/verify`, rightAnswers(card));
    expect(res.status).toBe(200);
    return signed;
  }

  const mailTo = (to: string) => listRecentMail(t.deps.db, t.deps.config, 50, to);

  async function auditActions(memberId: number) {
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute();
    return rows;
  }

  describe('reissue start PIN', () => {
    it('a member who forgot the start PIN gets a new one by letter; the old one is refused, the new one enrolls', async () => {
      const { deps } = t;
      const member = await createMember(deps, { lang: 'en' });
      const card = await createCard(deps, member.id, { locked: true, holderName: 'FORGOT THE PIN' });
      const { client } = await verified('operator', member.id, card);
      const before = await (await client.get(`/support/members/${member.id}?lang=en`)).text();

      const res = await client.post(`/support/members/${member.id}/cards/${card.id}/reissue-pin`, {});
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/support/members/${member.id}?done=pinReissued`);

      const [letter] = await mailTo(card.holderName);
      expect(letter?.channel).toBe('letter');
      expect(letter?.cardLast4).toBe(card.last4);
      const pin = /PIN: (\d{4})\s*$/m.exec(letter!.text)?.[1];
      expect(pin).toMatch(/^\d{4}$/);
      expect(pin).not.toBe('4721');

      // The member is emailed that a letter is on its way, without the PIN.
      const [mail] = await mailTo(member.email);
      expect(mail?.template).toBe('start_pin_reissued');
      expect(mail?.channel).toBe('email');
      expect(mail?.text).toContain(card.last4);
      expect(mail?.text).not.toContain(`: ${pin}`);

      // The operator never sees it: the page after the action has it no more often than the page before.
      const after = await (await client.get(`/support/members/${member.id}?done=pinReissued&lang=en`)).text();
      const count = (html: string) => html.split(pin!).length;
      expect(after).toContain('Start PIN reissued');
      expect(count(after.replace(/Start PIN reissued[^<]*/, ''))).toBeLessThanOrEqual(count(before));

      // Only the hash is stored; the lock and counter cleared.
      const row = await deps.db
        .selectFrom('cards')
        .select(['start_pin_hash', 'start_pin_failures', 'start_pin_locked_at'])
        .where('id', '=', card.id)
        .executeTakeFirstOrThrow();
      expect(row.start_pin_hash).toMatch(/^\$argon2id\$/);
      expect(row.start_pin_hash).not.toContain(pin!);
      expect(row.start_pin_failures).toBe(0);
      expect(row.start_pin_locked_at).toBeNull();

      const enroll = (startPin: string) =>
        enrollCard(deps, {
          memberId: member.id,
          cardNumber: card.number,
          birthDate: card.birthDate,
          startPin,
        });
      const old = await enroll('4721');
      expect(old.ok).toBe(false);
      expect(await enroll(pin!)).toMatchObject({ ok: true });

      const audit = await auditActions(member.id);
      expect(audit.map((a) => a.action)).toEqual(['member.verify', 'card.reissue_start_pin']);
      expect(JSON.stringify(audit)).not.toContain(pin!);
      expect(await verifyAuditChain(deps.db)).toMatchObject({ ok: true });
    });

    it('needs a verified caller: without one nothing changes and no letter is queued', async () => {
      const { deps } = t;
      const member = await createMember(deps);
      const card = await createCard(deps, member.id, { holderName: 'NOT VERIFIED' });
      const { client } = await signedIn('operator');
      const res = await client.post(`/support/members/${member.id}/cards/${card.id}/reissue-pin`, {});
      expect(res.status).toBe(409);
      expect(await mailTo(card.holderName)).toEqual([]);
      expect(
        await enrollCard(deps, {
          memberId: member.id,
          cardNumber: card.number,
          birthDate: card.birthDate,
          startPin: '4721',
        }),
      ).toMatchObject({ ok: true });
    });

    it('the SMTP worker never claims a letter; the print step hands it over and erases the PIN', async () => {
      const { deps } = t;
      const member = await createMember(deps);
      const card = await createCard(deps, member.id, { holderName: 'PRINT STEP TEST' });
      const { client } = await verified('operator', member.id, card);
      await client.post(`/support/members/${member.id}/cards/${card.id}/reissue-pin`, {});
      const claimed = await claimDueMail(deps.db, new Date(Date.now() + HOUR), 1000, 60_000);
      expect(claimed.map((r) => r.template)).not.toContain('start_pin_letter');
      expect(claimed.some((r) => r.to_address === member.email)).toBe(true);

      const dir = await mkdtemp(join(tmpdir(), 'cardnavi-letters-'));
      expect(await handOverLetters(deps.db, deps.config, dir, deps.now())).toBeGreaterThanOrEqual(1);
      const files = await readdir(dir);
      const mine = [];
      for (const f of files) {
        const text = await readFile(join(dir, f), 'utf8');
        if (text.includes('PRINT STEP TEST')) mine.push({ f, text });
      }
      expect(mine).toHaveLength(1);
      expect(mine[0]!.text).toContain(`card-id: ${card.id}`);
      expect((await stat(join(dir, mine[0]!.f))).mode & 0o777).toBe(0o600);
      const row = await deps.db
        .selectFrom('mail_outbox')
        .select(['status', 'payload_enc'])
        .where('channel', '=', 'letter')
        .where('to_address', '=', 'PRINT STEP TEST')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'sent', payload_enc: null });
      expect(await handOverLetters(deps.db, deps.config, dir, deps.now())).toBe(0);
    });

    it('the development mailbox shows the letter marked as a letter, to the card’s registered address', async () => {
      const { deps } = t;
      const member = await createMember(deps);
      const card = await createCard(deps, member.id, { holderName: 'MAILBOX LETTER' });
      const { client } = await verified('operator', member.id, card);
      await client.post(`/support/members/${member.id}/cards/${card.id}/reissue-pin`, {});
      const page = await (await new TestClient(t).get('/dev/mailbox?lang=en')).text();
      expect(page).toContain('Letter (by post)');
      expect(page).toContain(`MAILBOX LETTER, at the registered address of the card ending in ${card.last4}`);
    });
  });

  describe('operator-assisted email change', () => {
    async function memberWithDeadMailbox() {
      const member = await createMember(t.deps, {
        lang: 'en',
        userId: `dead${Date.now().toString(36)}@example.jp`,
      });
      const card = await createCard(t.deps, member.id);
      return { member, card, newEmail: `new.${member.userId}`.replace('@example.jp', '@example.net') };
    }

    /** A verified operator asks for the change; returns the path a supervisor posts to approve it. */
    async function operatorRequestsEmailChange(memberId: number, card: TestCard, newEmail: string) {
      const operator = await verified('operator', memberId, card);
      const asked = await operator.client.post(`/support/members/${memberId}/email-change`, {
        newEmail,
        changeReason: 'mailbox is gone',
      });
      expect(asked.status).toBe(303);
      const { id } = await t.deps.db
        .selectFrom('support_email_changes')
        .select('id')
        .where('member_id', '=', memberId)
        .executeTakeFirstOrThrow();
      return `/support/members/${memberId}/email-change/${id}/approve`;
    }

    it('an operator requests, the same staff member cannot approve, another supervisor approves; the old address is told', async () => {
      const { deps } = t;
      const { member, card, newEmail } = await memberWithDeadMailbox();
      // A supervisor takes the call: even a supervisor cannot approve their own request.
      const requester = await verified('supervisor', member.id, card);
      const asked = await requester.client.post(`/support/members/${member.id}/email-change`, {
        newEmail,
        changeReason: 'carrier address lost with the old phone',
      });
      expect(asked.status).toBe(303);
      const told = await mailTo(member.email);
      expect(told.map((m) => m.template)).toEqual(['support_email_change_requested']);
      expect(told[0]!.text).not.toContain(newEmail);

      const open = await deps.db
        .selectFrom('support_email_changes')
        .select('id')
        .where('member_id', '=', member.id)
        .executeTakeFirstOrThrow();
      const own = await requester.client.post(
        `/support/members/${member.id}/email-change/${open.id}/approve`,
        {},
      );
      expect(own.status).toBe(403);
      const ownPage = await (await requester.client.get(`/support/members/${member.id}?lang=en`)).text();
      expect(ownPage).not.toContain('Approve the email change');
      expect(
        (
          await deps.db
            .selectFrom('members')
            .select('email')
            .where('id', '=', member.id)
            .executeTakeFirstOrThrow()
        ).email,
      ).toBe(member.email);

      // An operator cannot approve at all (role).
      const operator = await signedIn('operator');
      expect(
        (await operator.client.post(`/support/members/${member.id}/email-change/${open.id}/approve`, {}))
          .status,
      ).toBe(403);

      const supervisor = await signedIn('supervisor');
      const approved = await supervisor.client.post(
        `/support/members/${member.id}/email-change/${open.id}/approve`,
        {},
      );
      expect(approved.status).toBe(303);
      const row = await deps.db
        .selectFrom('members')
        .select(['email', 'user_id'])
        .where('id', '=', member.id)
        .executeTakeFirstOrThrow();
      // The user ID was the email: it follows.
      expect(row).toEqual({ email: newEmail, user_id: newEmail });
      expect((await mailTo(member.email)).map((m) => m.template)).toEqual([
        'email_changed',
        'support_email_change_requested',
      ]);
      const [confirmation] = await mailTo(newEmail);
      expect(confirmation?.template).toBe('support_email_changed');
      const audit = await auditActions(member.id);
      expect(audit.map((a) => a.action)).toEqual([
        'member.verify',
        'member.email_change_requested',
        'member.email_change_approved',
      ]);
      expect(await verifyAuditChain(deps.db)).toMatchObject({ ok: true });
      // A second approval finds nothing open.
      expect(
        (await supervisor.client.post(`/support/members/${member.id}/email-change/${open.id}/approve`, {}))
          .status,
      ).toBe(404);
    });

    it('a token issued before the change dies with it, and every session ends', async () => {
      const { member, card, newEmail } = await memberWithDeadMailbox();
      const session = new TestClient(t);
      expect((await session.login(member.userId, 'correct-horse-battery-9')).status).toBe(303);
      await new TestClient(t).post('/forgot/password', { identifier: member.userId });
      const resetMail = (await mailTo(member.email)).find((m) => m.template === 'password_reset');
      const token = new URL(resetMail!.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token');
      expect((await new TestClient(t).get(`/reset-password?token=${token}`)).status).toBe(200);

      const approvePath = await operatorRequestsEmailChange(member.id, card, newEmail);
      const supervisor = await signedIn('supervisor');
      expect((await supervisor.client.post(approvePath, {})).status).toBe(303);

      expect((await new TestClient(t).get(`/reset-password?token=${token}`)).status).toBe(410);
      expect(
        (
          await new TestClient(t).post('/reset-password', {
            token: token!,
            password: 'a-brand-new-pass-2026',
          })
        ).status,
      ).toBe(410);
      expect((await session.get('/settings')).status).not.toBe(200);
      // The password still works for the member, with the new user ID.
      expect((await new TestClient(t).login(newEmail, 'correct-horse-battery-9')).status).toBe(303);
    });

    it('no reset link reaches the new address during the hold; after it, one does', async () => {
      const { member, card, newEmail } = await memberWithDeadMailbox();
      const approvePath = await operatorRequestsEmailChange(member.id, card, newEmail);
      const supervisor = await signedIn('supervisor');
      await supervisor.client.post(approvePath, {});

      const start = Date.now();
      try {
        t.setNow(new Date(start + 23 * HOUR));
        const page = await new TestClient(t).post('/forgot/password', { identifier: newEmail });
        expect(page.status).toBe(200);
        const during = await mailTo(newEmail);
        expect(during[0]?.template).toBe('password_reset_held');
        expect(during.some((m) => m.template === 'password_reset')).toBe(false);
        expect(during.some((m) => /reset-password\?token=/.test(m.text))).toBe(false);
        // The console's reset link is held too.
        const op2 = await verified('operator', member.id, card);
        expect((await op2.client.post(`/support/members/${member.id}/password-reset`, {})).status).toBe(303);
        expect((await mailTo(newEmail)).some((m) => m.template === 'password_reset')).toBe(false);

        t.setNow(new Date(start + 25 * HOUR));
        await new TestClient(t).post('/forgot/password', { identifier: newEmail });
        const [latest] = await mailTo(newEmail);
        expect(latest?.template).toBe('password_reset');
      } finally {
        t.setNow(undefined);
      }
    });

    it('two supervisors approving at once make one change, one mail to each address and one audit row', async () => {
      const { member, card, newEmail } = await memberWithDeadMailbox();
      const approvePath = await operatorRequestsEmailChange(member.id, card, newEmail);
      const [a, b] = [await signedIn('supervisor'), await signedIn('supervisor')];
      const statuses = (
        await Promise.all([a.client.post(approvePath, {}), b.client.post(approvePath, {})])
      ).map((r) => r.status);
      expect(statuses.sort()).toEqual([303, 404]);
      expect((await mailTo(newEmail)).map((m) => m.template)).toEqual(['support_email_changed']);
      expect((await mailTo(member.email)).filter((m) => m.template === 'email_changed')).toHaveLength(1);
      const approvals = (await auditActions(member.id)).filter(
        (r) => r.action === 'member.email_change_approved',
      );
      expect(approvals).toHaveLength(1);
    });

    it('refuses a second open request, and a rejection changes nothing', async () => {
      const { deps } = t;
      const { member, card, newEmail } = await memberWithDeadMailbox();
      const operator = await verified('operator', member.id, card);
      const first = await operator.client.post(`/support/members/${member.id}/email-change`, {
        newEmail,
        changeReason: 'mailbox is gone',
      });
      expect(first.status).toBe(303);
      const second = await operator.client.post(`/support/members/${member.id}/email-change`, {
        newEmail: `x.${newEmail}`,
        changeReason: 'mailbox is gone',
      });
      expect(second.status).toBe(409);
      const bad = await operator.client.post(`/support/members/${member.id}/email-change`, {
        newEmail: 'not an email',
        changeReason: 'x',
      });
      expect(bad.status).toBe(400);
      const { id } = await deps.db
        .selectFrom('support_email_changes')
        .select('id')
        .where('member_id', '=', member.id)
        .executeTakeFirstOrThrow();
      const supervisor = await signedIn('supervisor');
      expect(
        (
          await supervisor.client.post(`/support/members/${member.id}/email-change/${id}/reject`, {
            rejectReason: '',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await supervisor.client.post(`/support/members/${member.id}/email-change/${id}/reject`, {
            rejectReason: 'caller could not explain',
          })
        ).status,
      ).toBe(303);
      expect(
        (
          await deps.db
            .selectFrom('members')
            .select('email')
            .where('id', '=', member.id)
            .executeTakeFirstOrThrow()
        ).email,
      ).toBe(member.email);
    });
  });
});
