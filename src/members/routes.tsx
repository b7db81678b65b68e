import { Hono } from 'hono';
import { tryConsume } from '../security/rate-limit.ts';
import type { AppEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage } from '../web/pages.tsx';
import { logIn } from './login.ts';
import { completeRegistration, requestRegistration } from './register.ts';
import { recordAuthEvent } from './repository.ts';
import { loginForm, registerForm, tokenForm } from './schemas.ts';
import { clearSessionCookie, endMemberSession, readSessionCookie, setSessionCookie } from './session.ts';
import { renderLoginPage } from './views/login.tsx';
import {
  renderRegisterPage,
  renderRegisterSentPage,
  renderVerifyPage,
  renderVerifyTakenPage,
} from './views/register.tsx';

/** Member ID routes, public: login, logout, registration and its email verification. */
export const memberIdRoutes = new Hono<AppEnv>();

memberIdRoutes.get('/login', (c) => {
  if (c.get('member')) return c.redirect('/portal', 303);
  const t = c.get('t');
  const notice =
    c.req.query('expired') || c.get('sessionExpired')
      ? t('login.expired')
      : c.req.query('loggedOut')
        ? t('login.loggedOut')
        : undefined;
  return renderLoginPage(c, notice ? { notice } : {});
});

memberIdRoutes.post('/login', async (c) => {
  const form = await parseForm(c, loginForm);
  if (!form.ok)
    return renderLoginPage(c, { identifier: form.raw.identifier ?? '', errors: form.errors, status: 400 });
  const result = await logIn(c.get('deps'), form.data, {
    ip: c.get('ip'),
    userAgent: c.req.header('user-agent') ?? null,
  });
  if (result.ok) {
    setSessionCookie(c, result.sessionToken);
    return c.redirect('/portal', 303);
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
  const token = readSessionCookie(c);
  if (token) {
    const { db } = c.get('deps');
    const memberId = await endMemberSession(db, token);
    if (memberId)
      await recordAuthEvent(db, {
        kind: 'logout',
        memberId,
        ip: c.get('ip'),
        userAgent: c.req.header('user-agent') ?? null,
      });
  }
  clearSessionCookie(c);
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
