import { Hono } from 'hono';
import { Notice } from '../web/components.tsx';
import type { AppContext, AppEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage } from '../web/pages.tsx';
import { verifyAuditChain } from './audit.ts';
import { createStaff } from './create-staff.ts';
import { findCardsByLast4, findMembers } from './find-members.ts';
import { logInStaff } from './login.ts';
import {
  type ActionResult,
  changeCardStatus,
  forceWithdraw,
  sendPasswordResetLink,
  unlockCardStartPin,
  unlockMemberLogin,
} from './member-actions.ts';
import { loadMemberCase } from './member-case.ts';
import { listRecentAuditRows, listStaff } from './repository.ts';
import { enforceConsoleAccess } from './roles.ts';
import {
  cardSearchForm,
  cardStatusForm,
  createStaffForm,
  idParam,
  memberSearchForm,
  reasonForm,
  staffLoginForm,
  verifyForm,
} from './schemas.ts';
import {
  type CurrentStaff,
  clearStaffCookie,
  endStaffSession,
  loadStaffSession,
  readStaffCookie,
  setStaffCookie,
} from './session.ts';
import { verifyCallerIdentity } from './verify-identity.ts';
import { renderAuditPage, renderStaffPage } from './views/admin.tsx';
import { renderConsolePage } from './views/frame.tsx';
import { renderStaffLoginPage } from './views/login.tsx';
import { DONE_NOTICES, type DoneNotice, type MemberPageProps, renderMemberPage } from './views/member.tsx';
import { renderSearchPage } from './views/search.tsx';

/**
 * Support console routes (mounted under /support). Who may call each one is declared in roles.ts and
 * enforced by one middleware; handlers only parse, call a flow and render.
 */
export const supportRoutes = new Hono<AppEnv>();

supportRoutes.use('*', loadStaffSession());
supportRoutes.use('*', enforceConsoleAccess());

/** The signed-in staff member; enforceConsoleAccess guarantees one on every non-public route. */
function staffOf(c: AppContext): CurrentStaff {
  const staff = c.get('staff');
  if (!staff) throw new Error('console route reached without a staff session');
  return staff;
}

supportRoutes.get('/login', (c) => {
  if (c.get('staff')) return c.redirect('/support', 303);
  const t = c.get('t');
  const notice = c.req.query('expired')
    ? t('support.login.expired')
    : c.req.query('loggedOut')
      ? t('support.login.loggedOut')
      : undefined;
  return renderStaffLoginPage(c, notice ? { notice } : {});
});

supportRoutes.post('/login', async (c) => {
  const form = await parseForm(c, staffLoginForm);
  if (!form.ok)
    return renderStaffLoginPage(c, { login: form.raw.login ?? '', errors: form.errors, status: 400 });
  const result = await logInStaff(c.get('deps'), form.data, c.get('ip'));
  if (result.ok) {
    setStaffCookie(c, result.sessionToken);
    return c.redirect('/support', 303);
  }
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01');
  return renderStaffLoginPage(c, { login: form.data.login, failed: true, status: 401 });
});

supportRoutes.post('/logout', async (c) => {
  const token = readStaffCookie(c);
  if (token) await endStaffSession(c.get('deps').db, token);
  clearStaffCookie(c);
  return c.redirect('/support/login?loggedOut=1', 303);
});

supportRoutes.get('/', (c) => renderSearchPage(c));

supportRoutes.get('/members', async (c) => {
  const parsed = memberSearchForm.safeParse({ q: c.req.query('q') ?? '' });
  if (!parsed.success)
    return renderSearchPage(c, { errors: { q: c.get('t')('support.v.query') }, status: 400 });
  const members = await findMembers(c.get('deps'), parsed.data.q);
  return renderSearchPage(c, { query: parsed.data.q, members });
});

supportRoutes.get('/cards', async (c) => {
  const raw = { last4: c.req.query('last4') ?? '', birthDate: c.req.query('birthDate') ?? '' };
  const parsed = cardSearchForm.safeParse(raw);
  if (!parsed.success) {
    const t = c.get('t');
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] = t(issue.message as 'support.v.last4');
    return renderSearchPage(c, { ...raw, errors, status: 400 });
  }
  const cards = await findCardsByLast4(c.get('deps'), parsed.data.last4, parsed.data.birthDate);
  return renderSearchPage(c, { ...parsed.data, cards });
});

/** Renders the member page, or 404 when the id names no member. */
async function memberPage(c: AppContext, memberId: number, props: MemberPageProps = {}) {
  const data = await loadMemberCase(c.get('deps'), staffOf(c), memberId);
  if (!data) return notFound(c);
  return renderMemberPage(c, data, props);
}

function notFound(c: AppContext) {
  const t = c.get('t');
  return renderConsolePage(
    c,
    { title: t('support.notFound'), status: 404 },
    <>
      <h1>{t('support.notFound')}</h1>
      <p>
        <a href="/support">{t('support.nav.search')}</a>
      </p>
    </>,
  );
}

function memberIdOf(c: AppContext): number | undefined {
  const r = idParam.safeParse(c.req.param('memberId'));
  return r.success ? r.data : undefined;
}

supportRoutes.get('/members/:memberId', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const done = c.req.query('done');
  return memberPage(c, memberId, done && done in DONE_NOTICES ? { done: done as DoneNotice } : {});
});

supportRoutes.post('/members/:memberId/verify', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const form = await parseForm(c, verifyForm);
  if (!form.ok)
    return memberPage(c, memberId, { verifyErrors: form.errors, verifyValues: form.raw, status: 400 });
  const result = await verifyCallerIdentity(c.get('deps'), staffOf(c), memberId, form.data);
  if (!result.ok && result.code === 'too_many_attempts')
    return memberPage(c, memberId, {
      verifyErrors: { cardId: c.get('t')('support.verify.tooMany') },
      status: 429,
    });
  if (!result.ok)
    return memberPage(c, memberId, { verifyErrors: { cardId: c.get('t')('support.v.card') }, status: 400 });
  return memberPage(c, memberId, {
    attempt: { passed: result.passed, items: result.items },
    verifyValues: { cardId: String(form.data.cardId) },
    status: result.passed ? 200 : 422,
  });
});

/** Maps an action's result to a redirect back to the member page, or a page that says what is missing. */
function afterAction(c: AppContext, memberId: number, result: ActionResult, done: DoneNotice) {
  if (result.ok) return c.redirect(`/support/members/${memberId}?done=${done}`, 303);
  if (result.code === 'not_found') return notFound(c);
  const t = c.get('t');
  const key = result.code === 'not_verified' ? 'support.actions.verifyFirst' : 'support.actions.notActive';
  return renderConsolePage(
    c,
    { title: t(key), status: 409 },
    <>
      <h1>{t(key)}</h1>
      <Notice kind="warning">{t(`${key}.body`)}</Notice>
      <p>
        <a href={`/support/members/${memberId}`}>{t('support.backToMember')}</a>
      </p>
    </>,
  );
}

function cardIdOf(c: AppContext): number | undefined {
  const r = idParam.safeParse(c.req.param('cardId'));
  return r.success ? r.data : undefined;
}

supportRoutes.post('/members/:memberId/cards/:cardId/unlock-pin', async (c) => {
  const memberId = memberIdOf(c);
  const cardId = cardIdOf(c);
  if (!memberId || !cardId) return notFound(c);
  return afterAction(
    c,
    memberId,
    await unlockCardStartPin(c.get('deps'), staffOf(c), memberId, cardId),
    'pin',
  );
});

supportRoutes.post('/members/:memberId/unlock-login', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  return afterAction(c, memberId, await unlockMemberLogin(c.get('deps'), staffOf(c), memberId), 'login');
});

supportRoutes.post('/members/:memberId/password-reset', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  return afterAction(c, memberId, await sendPasswordResetLink(c.get('deps'), staffOf(c), memberId), 'reset');
});

supportRoutes.post('/members/:memberId/force-withdraw', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const form = await parseForm(c, reasonForm);
  if (!form.ok) return memberPage(c, memberId, { reasonErrors: form.errors, status: 400 });
  const result = await forceWithdraw(c.get('deps'), staffOf(c), memberId, form.data.reason);
  return afterAction(c, memberId, result, 'withdrawn');
});

supportRoutes.post('/members/:memberId/cards/:cardId/status', async (c) => {
  const memberId = memberIdOf(c);
  const cardId = cardIdOf(c);
  if (!memberId || !cardId) return notFound(c);
  const form = await parseForm(c, cardStatusForm);
  if (!form.ok) return memberPage(c, memberId, { reasonErrors: form.errors, status: 400 });
  const { status, reason } = form.data;
  return afterAction(
    c,
    memberId,
    await changeCardStatus(c.get('deps'), staffOf(c), memberId, cardId, status, reason),
    'card',
  );
});

supportRoutes.get('/audit', async (c) => {
  const { db } = c.get('deps');
  const [check, rows] = await Promise.all([verifyAuditChain(db), listRecentAuditRows(db, 100)]);
  return renderAuditPage(c, check, rows);
});

supportRoutes.get('/staff', async (c) => renderStaffPage(c, await listStaff(c.get('deps').db)));

supportRoutes.post('/staff', async (c) => {
  const deps = c.get('deps');
  const form = await parseForm(c, createStaffForm);
  if (!form.ok)
    return renderStaffPage(c, await listStaff(deps.db), {
      values: form.raw,
      errors: form.errors,
      status: 400,
    });
  const result = await createStaff(deps, form.data, staffOf(c).id);
  const t = c.get('t');
  if (!result.ok) {
    const errors =
      result.code === 'login_taken'
        ? { login: t('support.v.loginTaken') }
        : { password: t(`validation.password.${result.problem}`) };
    return renderStaffPage(c, await listStaff(deps.db), {
      values: form.raw,
      errors,
      status: result.code === 'login_taken' ? 409 : 400,
    });
  }
  return renderStaffPage(c, await listStaff(deps.db), {
    created: { login: form.data.login, totpSecret: result.totpSecret, totpUri: result.totpUri },
  });
});
