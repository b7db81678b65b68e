import { Hono } from 'hono';
import { z } from 'zod';
import { tryConsume } from '../../security/rate-limit.ts';
import type { AppEnv } from '../../web/context.ts';
import { parseForm } from '../../web/form.ts';
import { renderCodedErrorPage } from '../../web/pages.tsx';
import { takeReturnTo } from '../../web/return-to.ts';
import { memberCookie } from '../../web/sessions.ts';
import { clearPendingLoginCookie, deviceHashFor, readPendingLoginCookie } from '../../web/sign-in-cookies.ts';
import { beginPasskeySignIn, finishPasskeySignIn } from '../passkeys.ts';
import { tokenForm } from '../schemas.ts';
import { disownSignIn, isSignInAlertUsable } from '../sign-ins.ts';
import { completeTwoStepLogin, isPendingLoginLive } from '../two-step-login.ts';
import { renderLoginPage } from '../views/login.tsx';
import { renderNotMeDonePage, renderNotMePage, renderTwoStepLoginPage } from '../views/sign-in.tsx';

/** The second step of a sign-in and the "This was not me" link of the new-device mail. */
export const signInRoutes = new Hono<AppEnv>();

const twoStepForm = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'validation.twoStepCode.required')
    .max(40, 'validation.twoStepCode.required'),
  remember: z.literal('yes').optional(),
});

signInRoutes.get('/login/two-step', async (c) => {
  const pending = readPendingLoginCookie(c);
  if (!pending || !(await isPendingLoginLive(c.get('deps'), pending)))
    return renderLoginPage(c, { notice: c.get('t')('twoStep.login.expired') });
  return renderTwoStepLoginPage(c);
});

signInRoutes.post('/login/two-step', async (c) => {
  const t = c.get('t');
  const pending = readPendingLoginCookie(c);
  if (!pending) return renderLoginPage(c, { notice: t('twoStep.login.expired'), status: 401 });
  const form = await parseForm(c, twoStepForm);
  if (!form.ok) return renderTwoStepLoginPage(c, { errors: form.errors, status: 400 });
  const result = await completeTwoStepLogin(
    c.get('deps'),
    pending,
    { code: form.data.code, rememberDevice: form.data.remember === 'yes' },
    { ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null, deviceHash: deviceHashFor(c) },
  );
  if (result.ok) {
    clearPendingLoginCookie(c);
    memberCookie.set(c, result.sessionToken);
    return c.redirect(takeReturnTo(c), 303);
  }
  if (result.code === 'wrong_code')
    return renderTwoStepLoginPage(c, { errors: { code: t('twoStep.login.wrong') }, status: 401 });
  clearPendingLoginCookie(c);
  if (result.code === 'A01' || result.code === 'M01') return renderCodedErrorPage(c, result.code);
  return renderLoginPage(c, { notice: t('twoStep.login.expired'), status: 401 });
});

// ---- "Sign in with a passkey" ----------------------------------------------------------------------------

/** Options for a discoverable passkey sign-in (fetched by /assets/passkeys.js; CSRF-checked like any POST). */
signInRoutes.post('/login/passkey/options', async (c) => {
  const deps = c.get('deps');
  if (!(await tryConsume(deps.limiters.loginByIp, c.get('ip')))) return c.json({ error: 'R01' }, 429);
  return c.json(await beginPasskeySignIn(deps));
});

const passkeySignInForm = z.object({ response: z.string().min(2).max(16_000) });

signInRoutes.post('/login/passkey', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, passkeySignInForm);
  let response: unknown;
  try {
    response = form.ok ? JSON.parse(form.data.response) : undefined;
  } catch {
    response = undefined;
  }
  const result =
    response && typeof response === 'object'
      ? await finishPasskeySignIn(c.get('deps'), response as Parameters<typeof finishPasskeySignIn>[1], {
          ip: c.get('ip'),
          userAgent: c.req.header('user-agent') ?? null,
          deviceHash: deviceHashFor(c),
        })
      : ({ ok: false, code: 'passkey_refused' } as const);
  if (result.ok) {
    memberCookie.set(c, result.sessionToken);
    return c.redirect(takeReturnTo(c), 303);
  }
  if (result.code === 'M01') return renderCodedErrorPage(c, 'M01');
  return renderLoginPage(c, { notice: t('passkeys.signIn.failed'), status: 401 });
});

signInRoutes.get('/sign-in/not-me', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!tokenForm.safeParse({ token }).success || !(await isSignInAlertUsable(c.get('deps'), token)))
    return renderCodedErrorPage(c, 'M02');
  return renderNotMePage(c, { token });
});

signInRoutes.post('/sign-in/not-me', async (c) => {
  const form = await parseForm(c, tokenForm);
  if (!form.ok) return renderCodedErrorPage(c, 'M02');
  const result = await disownSignIn(c.get('deps'), form.data.token, {
    ip: c.get('ip'),
    userAgent: c.req.header('user-agent') ?? null,
  });
  if (!result.ok) return renderCodedErrorPage(c, 'M02');
  memberCookie.clear(c);
  c.set('member', undefined);
  return renderNotMeDonePage(c);
});
