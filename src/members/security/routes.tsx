import { Hono } from 'hono';
import { z } from 'zod';
import { formatMoment } from '../../i18n/format.ts';
import type { MemberContext, MemberEnv } from '../../web/context.ts';
import { parseForm } from '../../web/form.ts';
import { requireMember } from '../../web/route-groups.ts';
import { memberCookie } from '../../web/sessions.ts';
import {
  beginPasskeyRegistration,
  deleteMemberPasskey,
  finishPasskeyRegistration,
  listMemberPasskeys,
  PASSKEY_NAME_MAX,
  renameMemberPasskey,
} from '../passkeys.ts';
import { disownSignInsOfMember, listMemberSessions, listSignInHistory, signOutSession } from '../sign-ins.ts';
import {
  beginTwoStepSetup,
  confirmTwoStepSetup,
  forgetMyRememberedDevices,
  getTwoStepStatus,
  renewRecoveryCodes,
  turnOffTwoStep,
} from '../two-step.ts';
import {
  renderPasskeyCreatePage,
  renderRecoveryCodesPage,
  renderSecurityPage,
  renderSignInsPage,
  renderTwoStepSetupPage,
  type SecurityPageProps,
} from '../views/security.tsx';
import { renderNotMeDonePage, renderNotMePage } from '../views/sign-in.tsx';

/** Sign-in and security settings, member pages only: passkeys, two-step login, sign-in history, sessions. */
export const securityRoutes = new Hono<MemberEnv>().use(requireMember());

const passwordForm = z.object({
  currentPassword: z
    .string()
    .min(1, 'validation.currentPassword.required')
    .max(1024, 'validation.currentPassword.required'),
});
const passkeyForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'validation.passkeyName.required')
    .max(PASSKEY_NAME_MAX, 'validation.passkeyName.required'),
  response: z.string().max(32_000),
});
const renameForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'validation.passkeyName.required')
    .max(PASSKEY_NAME_MAX, 'validation.passkeyName.required'),
});
const setupForm = passwordForm.extend({
  code: z
    .string()
    .trim()
    .min(1, 'validation.twoStepCode.required')
    .max(10, 'validation.twoStepCode.required'),
});
const idParam = z.coerce.number().int().positive().max(2_147_483_647);

const clientOf = (c: MemberContext) => ({ ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null });

/** The re-authentication failures as a field error on the current-password field. */
function reauthErrors(c: MemberContext, code: 'wrong_password' | 'R01') {
  const t = c.get('t');
  return {
    errors: { currentPassword: t(code === 'R01' ? 'security.tooMany' : 'security.wrongPassword') },
    status: code === 'R01' ? (429 as const) : (401 as const),
  };
}

async function securityPage(
  c: MemberContext,
  extra: Partial<Pick<SecurityPageProps, 'notice' | 'errors' | 'status'>> = {},
) {
  const deps = c.get('deps');
  const member = c.get('member');
  const lang = c.get('lang');
  const [twoStep, passkeys] = await Promise.all([
    getTwoStepStatus(deps, member.id),
    listMemberPasskeys(deps, member.id),
  ]);
  return renderSecurityPage(c, {
    twoStep,
    passkeys,
    formatDate: (d) => formatMoment(lang, d, deps.config.contact.timeZone, 'minute'),
    ...extra,
  });
}

securityRoutes.get('/settings/security', (c) => securityPage(c));

// ---- passkeys -------------------------------------------------------------------------------------------

securityRoutes.post('/settings/passkeys/new', async (c) => {
  const form = await parseForm(c, passwordForm);
  if (!form.ok) return securityPage(c, { errors: { passkey: form.errors }, status: 400 });
  const member = c.get('member');
  const begun = await beginPasskeyRegistration(c.get('deps'), member, form.data.currentPassword);
  if (!begun.ok) {
    const r = reauthErrors(c, begun.code);
    return securityPage(c, { errors: { passkey: r.errors }, status: r.status });
  }
  return renderPasskeyCreatePage(c, JSON.stringify(begun.options));
});

securityRoutes.post('/settings/passkeys', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, passkeyForm);
  if (!form.ok) return securityPage(c, { errors: { passkey: form.errors }, status: 400 });
  let response: unknown;
  try {
    response = JSON.parse(form.data.response);
  } catch {
    response = undefined;
  }
  const done =
    response && typeof response === 'object'
      ? await finishPasskeyRegistration(
          c.get('deps'),
          c.get('member'),
          response as Parameters<typeof finishPasskeyRegistration>[2],
          form.data.name,
          clientOf(c),
        )
      : ({ ok: false, code: 'passkey_refused' } as const);
  if (!done.ok) return securityPage(c, { errors: { passkey: { form: t('passkeys.failed') } }, status: 400 });
  return securityPage(c, { notice: t('passkeys.added') });
});

securityRoutes.post('/settings/passkeys/:id/rename', async (c) => {
  const t = c.get('t');
  const id = idParam.safeParse(c.req.param('id'));
  const form = await parseForm(c, renameForm);
  if (!form.ok) return securityPage(c, { errors: { passkey: form.errors }, status: 400 });
  const done = id.success
    ? await renameMemberPasskey(c.get('deps'), c.get('member').id, id.data, form.data.name)
    : undefined;
  if (!done?.ok) return securityPage(c, { errors: { passkey: { form: t('passkeys.failed') } }, status: 400 });
  return securityPage(c, { notice: t('passkeys.renamed') });
});

securityRoutes.post('/settings/passkeys/:id/delete', async (c) => {
  const t = c.get('t');
  const id = idParam.safeParse(c.req.param('id'));
  const done = id.success
    ? await deleteMemberPasskey(c.get('deps'), c.get('member').id, id.data, clientOf(c))
    : undefined;
  if (!done?.ok) return securityPage(c, { errors: { passkey: { form: t('passkeys.failed') } }, status: 400 });
  return securityPage(c, { notice: t('passkeys.deleted') });
});

// ---- two-step login -------------------------------------------------------------------------------------

securityRoutes.get('/settings/two-step/setup', async (c) => {
  const begun = await beginTwoStepSetup(c.get('deps'), c.get('member'));
  if (!begun.ok) return c.redirect('/settings/security', 303);
  return renderTwoStepSetupPage(c, { secret: begun.secret, qrSvg: begun.qrSvg });
});

securityRoutes.post('/settings/two-step/setup', async (c) => {
  const t = c.get('t');
  const deps = c.get('deps');
  const member = c.get('member');
  const form = await parseForm(c, setupForm);
  const again = async (errors: Record<string, string>, status: 400 | 401 | 429) => {
    const begun = await beginTwoStepSetup(deps, member);
    if (!begun.ok) return c.redirect('/settings/security', 303);
    return renderTwoStepSetupPage(c, { secret: begun.secret, qrSvg: begun.qrSvg, errors, status });
  };
  if (!form.ok) return again(form.errors as Record<string, string>, 400);
  const on = await confirmTwoStepSetup(
    deps,
    member,
    { password: form.data.currentPassword, code: form.data.code },
    clientOf(c),
  );
  if (on.ok) return renderRecoveryCodesPage(c, on.recoveryCodes, t('twoStep.enabled'));
  if (on.code === 'wrong_password' || on.code === 'R01') {
    const r = reauthErrors(c, on.code);
    return again(r.errors, r.status);
  }
  if (on.code === 'wrong_code') return again({ code: t('twoStep.setup.wrongCode') }, 400);
  return again({ code: t('twoStep.setup.notStarted') }, 400);
});

securityRoutes.post('/settings/two-step/off', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, passwordForm);
  if (!form.ok) return securityPage(c, { errors: { twoStepOff: form.errors }, status: 400 });
  const done = await turnOffTwoStep(c.get('deps'), c.get('member'), form.data.currentPassword, clientOf(c));
  if (done.ok || done.code === 'two_step_not_on') return securityPage(c, { notice: t('twoStep.turnedOff') });
  const r = reauthErrors(c, done.code);
  return securityPage(c, { errors: { twoStepOff: r.errors }, status: r.status });
});

securityRoutes.post('/settings/two-step/recovery-codes', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, passwordForm);
  if (!form.ok) return securityPage(c, { errors: { renew: form.errors }, status: 400 });
  const done = await renewRecoveryCodes(
    c.get('deps'),
    c.get('member'),
    form.data.currentPassword,
    clientOf(c),
  );
  if (done.ok) return renderRecoveryCodesPage(c, done.recoveryCodes, t('recoveryCodes.renew.lead'));
  if (done.code === 'two_step_not_on') return c.redirect('/settings/security', 303);
  const r = reauthErrors(c, done.code);
  return securityPage(c, { errors: { renew: r.errors }, status: r.status });
});

securityRoutes.post('/settings/two-step/forget-devices', async (c) => {
  await forgetMyRememberedDevices(c.get('deps'), c.get('member').id, clientOf(c));
  return securityPage(c, { notice: c.get('t')('twoStep.forgotten') });
});

// ---- sign-in history and sessions -----------------------------------------------------------------------

async function signInsPage(c: MemberContext, notice?: string, status: 200 | 404 = 200) {
  const deps = c.get('deps');
  const member = c.get('member');
  const lang = c.get('lang');
  const [history, sessions] = await Promise.all([
    listSignInHistory(deps, member.id, lang),
    listMemberSessions(deps, member, lang),
  ]);
  return renderSignInsPage(c, { history, sessions, status, ...(notice ? { notice } : {}) });
}

securityRoutes.get('/settings/sign-ins', (c) => signInsPage(c));

securityRoutes.post('/settings/sessions/:id/sign-out', async (c) => {
  const t = c.get('t');
  const done = await signOutSession(c.get('deps'), c.get('member').id, c.req.param('id'), clientOf(c));
  return done.ok ? signInsPage(c, t('sessions.signedOut')) : signInsPage(c, t('sessions.gone'), 404);
});

// "This was not me" from the history: a confirmation page first, then the POST ends every session (this one
// too) and mails a password-reset link.
securityRoutes.get('/settings/sign-ins/not-me', (c) => renderNotMePage(c, { history: true }));

const notMeForm = z.object({ confirm: z.literal('yes', { message: 'validation.notMe.confirm' }) });

securityRoutes.post('/settings/sign-ins/not-me', async (c) => {
  const form = await parseForm(c, notMeForm);
  if (!form.ok) return renderNotMePage(c, { history: true }, { errors: form.errors, status: 400 });
  await disownSignInsOfMember(c.get('deps'), c.get('member').id, clientOf(c));
  memberCookie.clear(c);
  return renderNotMeDonePage(c, { loggedOut: true });
});
