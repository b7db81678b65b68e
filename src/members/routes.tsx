import { Hono } from 'hono';
import { loginOutcomes } from '../metrics.ts';
import { tryConsume } from '../security/rate-limit.ts';
import type { AppEnv, PublicContext } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage } from '../web/pages.tsx';
import { takeReturnTo } from '../web/return-to.ts';
import { memberCookie } from '../web/sessions.ts';
import { deviceHashFor, setPendingLoginCookie } from '../web/sign-in-cookies.ts';
import { requestPasswordReset } from './forgot-password.ts';
import { requestUserIdReminder } from './forgot-user-id.ts';
import { logIn } from './login.ts';
import { logOut } from './logout.ts';
import { completeRegistration, requestRegistration } from './register.ts';
import { completePasswordReset, findPasswordResetMember } from './reset-password.ts';
import {
  forgotPasswordForm,
  forgotUserIdForm,
  loginForm,
  registerForm,
  resetPasswordForm,
  tokenForm,
} from './schemas.ts';
import { renderLoginPage } from './views/login.tsx';
import {
  renderForgotPasswordPage,
  renderForgotPasswordSentPage,
  renderForgotUserIdPage,
  renderForgotUserIdSentPage,
  renderResetPasswordPage,
} from './views/recovery.tsx';
import {
  renderRegisterPage,
  renderRegisterSentPage,
  renderVerifyPage,
  renderVerifyTakenPage,
} from './views/register.tsx';

/** Member ID routes, public: login, logout, registration and its email verification, forgot ID/password. */
export const memberIdRoutes = new Hono<AppEnv>();

/** Anonymous recovery forms share the per-IP form budget with registration. */
const ipAllows = async (c: PublicContext) => tryConsume(c.get('deps').limiters.formByIp, c.get('ip'));

memberIdRoutes.get('/login', (c) => {
  const member = c.get('member');
  // ?again=1: a group service asked for a login of its own (prompt=login), so a logged-in member logs in again.
  const again = c.req.query('again') === '1';
  if (member && !again) return c.redirect(takeReturnTo(c), 303);
  // The device cookie is issued with the form, so the sign-in that follows is from a known browser.
  deviceHashFor(c);
  const t = c.get('t');
  const notice = again
    ? t('login.again')
    : c.req.query('expired') || c.get('sessionExpired')
      ? t('login.expired')
      : c.req.query('loggedOut')
        ? t('login.loggedOut')
        : undefined;
  return renderLoginPage(c, {
    ...(notice ? { notice } : {}),
    ...(again && member ? { identifier: member.userId } : {}),
  });
});

memberIdRoutes.post('/login', async (c) => {
  const form = await parseForm(c, loginForm);
  if (!form.ok)
    return renderLoginPage(c, { identifier: form.raw.identifier ?? '', errors: form.errors, status: 400 });
  const result = await logIn(c.get('deps'), form.data, {
    ip: c.get('ip'),
    userAgent: c.req.header('user-agent') ?? null,
    deviceHash: deviceHashFor(c),
  });
  loginOutcomes.inc({ result: result.ok ? 'ok' : result.code });
  if (result.ok) {
    memberCookie.set(c, result.sessionToken);
    return c.redirect(takeReturnTo(c), 303);
  }
  if (result.code === 'second_factor_required') {
    setPendingLoginCookie(c, result.pendingToken);
    return c.redirect('/login/two-step', 303);
  }
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01');
  if (result.code === 'M01') return renderCodedErrorPage(c, 'M01');
  return renderLoginPage(c, {
    identifier: form.raw.identifier ?? '',
    failure: { swappedHint: result.swappedHint },
    status: 401,
  });
});

memberIdRoutes.post('/logout', async (c) => {
  const token = memberCookie.read(c);
  if (token)
    await logOut(c.get('deps'), token, { ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null });
  memberCookie.clear(c);
  return c.redirect('/login?loggedOut=1', 303);
});

memberIdRoutes.get('/register', (c) => renderRegisterPage(c));

memberIdRoutes.post('/register', async (c) => {
  const deps = c.get('deps');
  if (!(await tryConsume(deps.limiters.formByIp, c.get('ip')))) return renderCodedErrorPage(c, 'R01');
  const form = await parseForm(c, registerForm);
  if (!form.ok) return renderRegisterPage(c, { values: form.raw, errors: form.errors });
  await requestRegistration(deps, { ...form.data, lang: c.get('lang') });
  return renderRegisterSentPage(c, form.data.email);
});

memberIdRoutes.get('/register/verify', (c) => {
  const token = c.req.query('token') ?? '';
  if (!tokenForm.safeParse({ token }).success) return renderCodedErrorPage(c, 'M02');
  return renderVerifyPage(c, token);
});

memberIdRoutes.post('/register/verify', async (c) => {
  const form = await parseForm(c, tokenForm);
  if (!form.ok) return renderCodedErrorPage(c, 'M02');
  const result = await completeRegistration(c.get('deps'), form.data.token);
  if (result.ok) {
    const t = c.get('t');
    return renderLoginPage(c, {
      notice: t('login.registered', { userId: result.userId }),
      identifier: result.userId,
    });
  }
  if (result.code === 'user_id_taken') return renderVerifyTakenPage(c, result.userId);
  return renderCodedErrorPage(c, 'M02');
});

// ---- forgot user ID ------------------------------------------------------------------------------------

memberIdRoutes.get('/forgot/id', (c) => renderForgotUserIdPage(c));

memberIdRoutes.post('/forgot/id', async (c) => {
  if (!(await ipAllows(c))) return renderCodedErrorPage(c, 'R01');
  const form = await parseForm(c, forgotUserIdForm);
  if (!form.ok) return renderForgotUserIdPage(c, { email: form.raw.email ?? '', errors: form.errors });
  await requestUserIdReminder(c.get('deps'), form.data.email, c.get('lang'));
  return renderForgotUserIdSentPage(c, form.data.email);
});

// ---- forgot password and the reset link --------------------------------------------------------------

memberIdRoutes.get('/forgot/password', (c) => renderForgotPasswordPage(c));

memberIdRoutes.post('/forgot/password', async (c) => {
  if (!(await ipAllows(c))) return renderCodedErrorPage(c, 'R01');
  const form = await parseForm(c, forgotPasswordForm);
  if (!form.ok)
    return renderForgotPasswordPage(c, { identifier: form.raw.identifier ?? '', errors: form.errors });
  await requestPasswordReset(c.get('deps'), form.data.identifier, c.get('lang'));
  return renderForgotPasswordSentPage(c, form.data.identifier);
});

memberIdRoutes.get('/reset-password', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!tokenForm.safeParse({ token }).success) return renderCodedErrorPage(c, 'M02');
  const member = await findPasswordResetMember(c.get('deps'), token);
  if (!member) return renderCodedErrorPage(c, 'M02');
  return renderResetPasswordPage(c, { token, userId: member.user_id, secondFactor: member.two_step_enabled });
});

memberIdRoutes.post('/reset-password', async (c) => {
  const deps = c.get('deps');
  const tokenOnly = await parseForm(c, tokenForm);
  if (!tokenOnly.ok) return renderCodedErrorPage(c, 'M02');
  const { token } = tokenOnly.data;
  const member = await findPasswordResetMember(deps, token);
  if (!member) return renderCodedErrorPage(c, 'M02');
  const form = await parseForm(c, resetPasswordForm(member));
  const secondFactor = member.two_step_enabled;
  if (!form.ok)
    return renderResetPasswordPage(c, { token, userId: member.user_id, secondFactor, errors: form.errors });
  const code = (form.raw.code ?? '').slice(0, 40);
  const result = await completePasswordReset(deps, token, form.data.password, {
    code,
    client: { ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null },
  });
  if (result.ok) {
    // No automatic login (OWASP Forgot Password): the member logs in with the new password.
    if (c.get('member')) memberCookie.clear(c);
    c.set('member', undefined);
    return renderLoginPage(c, { notice: c.get('t')('reset.done'), identifier: result.userId });
  }
  if (result.code === 'second_factor_required' || result.code === 'wrong_code')
    return renderResetPasswordPage(c, {
      token,
      userId: member.user_id,
      secondFactor,
      errors: {
        code: c.get('t')(result.code === 'wrong_code' ? 'reset.code.wrong' : 'reset.code.required'),
      },
      status: result.code === 'wrong_code' ? 401 : 400,
    });
  return renderCodedErrorPage(c, result.code);
});
