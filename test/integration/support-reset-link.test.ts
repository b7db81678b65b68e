/**
 * An operator sends a password-reset link to the registered email (issue 7). The operator never sees or
 * sets a password: the console only triggers the member's own recovery flow (issuePasswordReset, issue 6),
 * in the same transaction as its audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createCard, createTestStaff, rightAnswers, staffLogIn } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('POST /support/members/:id/password-reset on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(() => testApp?.close());

  it('mails a reset link to the registered email after verification, and audits it', async () => {
    const { deps } = testApp;
    const member = await createMember(deps);
    const card = await createCard(deps, member.id);
    const operator = new TestClient(testApp);
    await staffLogIn(operator, deps, await createTestStaff(deps, 'operator'));
    expect((await operator.post(`/support/members/${member.id}/verify`, rightAnswers(card))).status).toBe(
      200,
    );

    const res = await operator.post(`/support/members/${member.id}/password-reset`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/support/members/${member.id}?done=reset`);
    const [mail] = await listRecentMail(deps.db, deps.config, 1, member.email);
    expect(mail?.text).toContain(deps.config.publicUrl.origin);
    const page = await operator.get(`/support/members/${member.id}`);
    expect(await page.text()).not.toContain(mail?.text.match(/https?:\/\/\S+/)?.[0] ?? 'no link');
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('member_id', '=', member.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['member.verify', 'member.password_reset_link']);
  });
});
