import { Hono, type MiddlewareHandler } from 'hono';
import { Notice } from '../web/components.tsx';
import type { AppContext, AppEnv, StaffContext, StaffEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage, renderHttpErrorPage } from '../web/pages.tsx';
import { loadStaffSession, staffCookie } from '../web/sessions.ts';
import { verifyAuditChain } from './audit.ts';
import { createStaff } from './create-staff.ts';
import {
  approveOperatorEmailChange,
  type EmailChangeResult,
  rejectOperatorEmailChange,
  requestOperatorEmailChange,
} from './email-change.ts';
import { findCallerByCard } from './find-caller.ts';
import { findMembers } from './find-members.ts';
import { logInStaff } from './login.ts';
import {
  type ActionResult,
  changeCardStatus,
  forceWithdraw,
  removeMemberTwoStep,
  sendPasswordResetLink,
  unlockCardStartPin,
  unlockMemberLogin,
} from './member-actions.ts';
import { loadMemberCase } from './member-case.ts';
import { reissueStartPin } from './reissue-start-pin.ts';
import { findAuditRowTime, listRecentAuditRows, listStaff } from './repository.ts';
import { accessFor, roleAtLeast } from './roles.ts';
import {
  callerForm,
  cardStatusForm,
  createStaffForm,
  emailChangeForm,
  idParam,
  maskCardNumbersInText,
  memberSearchForm,
  noteForm,
  reasonForm,
  rejectEmailChangeForm,
  staffLoginForm,
  verifyForm,
} from './schemas.ts';
import { staffSessions } from './session.ts';
import { verifyCallerIdentity } from './verify-identity.ts';
import { renderAuditPage, renderStaffPage } from './views/admin.tsx';
import { renderConsolePage } from './views/frame.tsx';
import { renderStaffLoginPage } from './views/login.tsx';
import { DONE_NOTICES, type DoneNotice, type MemberPageProps, renderMemberPage } from './views/member.tsx';
import { renderSearchPage } from './views/search.tsx';
import { writeMemberNote } from './write-note.ts';

const consolePath = (c: AppContext) => c.req.path.replace(/^\/support/, '');

/** Console-wide: a path that roles.ts does not declare answers 404, signed in or not. */
function declaredRoutesOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!accessFor(c.req.method, consolePath(c)))
      return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
    await next();
    return undefined;
  };
}

/**
 * Guards the console's staff group: no staff session → the login page (saying the session timed out if it
 * did); a role below the one roles.ts declares for the route → 403. After it, StaffEnv's staff member is set.
 */
function requireStaff(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const staff = c.get('staff');
    if (!staff)
      return c.redirect(c.get('staffSessionExpired') ? '/support/login?expired=1' : '/support/login', 303);
    const access = accessFor(c.req.method, consolePath(c));
    if (!access) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
    if (access !== 'public' && !roleAtLeast(staff.role, access))
      return renderHttpErrorPage(c, 403, 'http.403.title', 'support.forbidden');
    await next();
    return undefined;
  };
}

/**
 * Support console (mounted under /support), public part: the staff session is loaded for every console
 * path, undeclared paths answer 404, and login/logout need no session. Who may call each staff route is
 * declared in roles.ts; handlers only parse, call a flow and render.
 */
export const consoleRoutes = new Hono<AppEnv>();

consoleRoutes.use('*', loadStaffSession());
consoleRoutes.use('*', declaredRoutesOnly());

/** The console's pages for signed-in staff (mounted under /support after consoleRoutes). */
export const staffRoutes = new Hono<StaffEnv>().use(requireStaff());

consoleRoutes.get('/login', (c) => {
  if (c.get('staff')) return c.redirect('/support', 303);
  const t = c.get('t');
  const notice = c.req.query('expired')
    ? t('support.login.expired')
    : c.req.query('loggedOut')
      ? t('support.login.loggedOut')
      : undefined;
  return renderStaffLoginPage(c, notice ? { notice } : {});
});

consoleRoutes.post('/login', async (c) => {
  const form = await parseForm(c, staffLoginForm);
  if (!form.ok)
    return renderStaffLoginPage(c, { login: form.raw.login ?? '', errors: form.errors, status: 400 });
  const result = await logInStaff(c.get('deps'), form.data, c.get('ip'));
  if (result.ok) {
    staffCookie.set(c, result.sessionToken);
    return c.redirect('/support', 303);
  }
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01');
  return renderStaffLoginPage(c, {
    login: form.data.login,
    failed: result.code === 'staff_code_reused' ? 'codeReused' : true,
    status: 401,
  });
});

consoleRoutes.post('/logout', async (c) => {
  const token = staffCookie.read(c);
  if (token) await staffSessions.end(c.get('deps').db, token);
  staffCookie.clear(c);
  return c.redirect('/support/login?loggedOut=1', 303);
});

staffRoutes.get('/', (c) => renderSearchPage(c));

staffRoutes.get('/members', async (c) => {
  const t = c.get('t');
  const parsed = memberSearchForm.safeParse({ q: c.req.query('q') ?? '' });
  if (!parsed.success) return renderSearchPage(c, { errors: { q: t('support.v.query') }, status: 400 });
  const query = parsed.data.q;
  const found = await findMembers(c.get('deps'), c.get('staff'), query);
  if (!found.ok)
    return renderSearchPage(c, {
      query,
      errors: { q: t(found.code === 'too_many_attempts' ? 'support.search.tooMany' : 'support.v.query') },
      status: found.code === 'too_many_attempts' ? 429 : 400,
    });
  return renderSearchPage(c, { query, members: found.members, prefix: found.prefix });
});

staffRoutes.post('/caller', async (c) => {
  const form = await parseForm(c, callerForm);
  // What was typed stays in the form, never the card number.
  const { cardNumber: _never, ...typed } = form.raw;
  if (!form.ok) return renderSearchPage(c, { caller: typed, callerErrors: form.errors, status: 400 });
  const result = await findCallerByCard(c.get('deps'), c.get('staff'), form.data);
  if (result.ok) return c.redirect(`/support/members/${result.memberId}?done=verified`, 303);
  if (result.code === 'too_many_attempts')
    return renderSearchPage(c, {
      caller: typed,
      callerErrors: { cardNumber: c.get('t')('support.search.tooMany') },
      status: 429,
    });
  return renderSearchPage(c, { caller: typed, callerNotVerified: true, status: 422 });
});

/** Renders the member page, or 404 when the id names no member. */
async function memberPage(c: StaffContext, memberId: number, props: MemberPageProps = {}) {
  const data = await loadMemberCase(c.get('deps'), c.get('staff'), memberId, c.get('lang'));
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

staffRoutes.get('/members/:memberId', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const done = c.req.query('done');
  return memberPage(c, memberId, done && done in DONE_NOTICES ? { done: done as DoneNotice } : {});
});

staffRoutes.post('/members/:memberId/verify', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const form = await parseForm(c, verifyForm);
  if (!form.ok)
    return memberPage(c, memberId, { verifyErrors: form.errors, verifyValues: form.raw, status: 400 });
  const result = await verifyCallerIdentity(c.get('deps'), c.get('staff'), memberId, form.data);
  if (!result.ok && result.code === 'too_many_attempts')
    return memberPage(c, memberId, {
      verifyErrors: { cardId: c.get('t')('support.verify.tooMany') },
      status: 429,
    });
  if (!result.ok)
    return memberPage(c, memberId, { verifyErrors: { cardId: c.get('t')('support.v.card') }, status: 400 });
  return memberPage(c, memberId, {
    attempt: { passed: result.passed, items: result.items },
    // A mismatch keeps what the operator typed (never the card number: only its last 4 are ever shown).
    verifyValues: result.passed
      ? { cardId: String(form.data.cardId) }
      : {
          cardId: String(form.data.cardId),
          fullName: form.data.fullName,
          birthDate: form.data.birthDate,
          phone: form.data.phone,
        },
    status: result.passed ? 200 : 422,
  });
});

staffRoutes.post('/members/:memberId/notes', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const form = await parseForm(c, noteForm);
  // Bad input keeps what was typed, with a message that says what to fix.
  if (!form.ok)
    return memberPage(c, memberId, {
      noteErrors: form.errors,
      noteValue: maskCardNumbersInText(form.raw.body ?? ''),
      status: 400,
    });
  const result = await writeMemberNote(c.get('deps'), c.get('staff'), memberId, form.data.body);
  if (!result.ok) return notFound(c);
  return c.redirect(`/support/members/${memberId}?done=note#notes-title`, 303);
});

/** Maps an action's result to a redirect back to the member page, or a page that says what is missing. */
function afterAction(c: StaffContext, memberId: number, result: ActionResult, done: DoneNotice) {
  if (result.ok) return c.redirect(`/support/members/${memberId}?done=${done}`, 303);
  if (result.code === 'not_found') return notFound(c);
  const key =
    result.code === 'not_verified'
      ? 'support.actions.verifyFirst'
      : result.code === 'two_step_not_on'
        ? 'support.twoStep.notOn'
        : 'support.actions.notActive';
  return refusal(c, memberId, key, 409);
}

function cardIdOf(c: AppContext): number | undefined {
  const r = idParam.safeParse(c.req.param('cardId'));
  return r.success ? r.data : undefined;
}

staffRoutes.post('/members/:memberId/cards/:cardId/unlock-pin', async (c) => {
  const memberId = memberIdOf(c);
  const cardId = cardIdOf(c);
  if (!memberId || !cardId) return notFound(c);
  return afterAction(
    c,
    memberId,
    await unlockCardStartPin(c.get('deps'), c.get('staff'), memberId, cardId),
    'pin',
  );
});

staffRoutes.post('/members/:memberId/cards/:cardId/reissue-pin', async (c) => {
  const memberId = memberIdOf(c);
  const cardId = cardIdOf(c);
  if (!memberId || !cardId) return notFound(c);
  return afterAction(
    c,
    memberId,
    await reissueStartPin(c.get('deps'), c.get('staff'), memberId, cardId),
    'pinReissued',
  );
});

staffRoutes.post('/members/:memberId/email-change', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const form = await parseForm(c, emailChangeForm);
  if (!form.ok)
    return memberPage(c, memberId, { emailErrors: form.errors, emailValues: form.raw, status: 400 });
  const result = await requestOperatorEmailChange(c.get('deps'), c.get('staff'), memberId, {
    newEmail: form.data.newEmail,
    reason: form.data.changeReason,
  });
  if (!result.ok && (result.code === 'same_email' || result.code === 'user_id_taken')) {
    const t = c.get('t');
    return memberPage(c, memberId, {
      emailErrors: {
        newEmail: t(result.code === 'same_email' ? 'support.v.sameEmail' : 'support.v.emailIdTaken'),
      },
      emailValues: form.raw,
      status: result.code === 'same_email' ? 400 : 409,
    });
  }
  return afterEmailChange(c, memberId, result, 'emailRequested');
});

function requestIdOf(c: AppContext): number | undefined {
  const r = idParam.safeParse(c.req.param('requestId'));
  return r.success ? r.data : undefined;
}

staffRoutes.post('/members/:memberId/email-change/:requestId/approve', async (c) => {
  const memberId = memberIdOf(c);
  const requestId = requestIdOf(c);
  if (!memberId || !requestId) return notFound(c);
  const result = await approveOperatorEmailChange(c.get('deps'), c.get('staff'), memberId, requestId);
  return afterEmailChange(c, memberId, result, 'emailApproved');
});

staffRoutes.post('/members/:memberId/email-change/:requestId/reject', async (c) => {
  const memberId = memberIdOf(c);
  const requestId = requestIdOf(c);
  if (!memberId || !requestId) return notFound(c);
  const form = await parseForm(c, rejectEmailChangeForm);
  if (!form.ok) return memberPage(c, memberId, { decisionErrors: form.errors, status: 400 });
  const result = await rejectOperatorEmailChange(
    c.get('deps'),
    c.get('staff'),
    memberId,
    requestId,
    form.data.rejectReason,
  );
  return afterEmailChange(c, memberId, result, 'emailRejected');
});

/** An email-change step's result: the member page with its notice, or a page that says why not. */
function afterEmailChange(c: StaffContext, memberId: number, result: EmailChangeResult, done: DoneNotice) {
  if (
    result.ok ||
    result.code === 'not_found' ||
    result.code === 'not_verified' ||
    result.code === 'not_active'
  )
    return afterAction(c, memberId, result as ActionResult, done);
  const key =
    result.code === 'own_request'
      ? 'support.emailChange.ownRequest'
      : result.code === 'change_already_requested'
        ? 'support.emailChange.alreadyRequested'
        : 'support.emailChange.idTaken';
  return refusal(c, memberId, key, result.code === 'own_request' ? 403 : 409);
}

function refusal(
  c: StaffContext,
  memberId: number,
  key:
    | 'support.actions.verifyFirst'
    | 'support.actions.notActive'
    | 'support.emailChange.ownRequest'
    | 'support.emailChange.alreadyRequested'
    | 'support.emailChange.idTaken'
    | 'support.twoStep.notOn',
  status: 403 | 409,
) {
  const t = c.get('t');
  return renderConsolePage(
    c,
    { title: t(key), status },
    <>
      <h1>{t(key)}</h1>
      <Notice kind="warning">{t(`${key}.body`)}</Notice>
      <p>
        <a href={`/support/members/${memberId}`}>{t('support.backToMember')}</a>
      </p>
    </>,
  );
}

staffRoutes.post('/members/:memberId/unlock-login', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  return afterAction(c, memberId, await unlockMemberLogin(c.get('deps'), c.get('staff'), memberId), 'login');
});

staffRoutes.post('/members/:memberId/password-reset', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  return afterAction(
    c,
    memberId,
    await sendPasswordResetLink(c.get('deps'), c.get('staff'), memberId),
    'reset',
  );
});

staffRoutes.post('/members/:memberId/force-withdraw', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  const form = await parseForm(c, reasonForm);
  if (!form.ok) return memberPage(c, memberId, { reasonErrors: form.errors, status: 400 });
  const result = await forceWithdraw(c.get('deps'), c.get('staff'), memberId, form.data.reason);
  return afterAction(c, memberId, result, 'withdrawn');
});

staffRoutes.post('/members/:memberId/two-step/remove', async (c) => {
  const memberId = memberIdOf(c);
  if (!memberId) return notFound(c);
  return afterAction(
    c,
    memberId,
    await removeMemberTwoStep(c.get('deps'), c.get('staff'), memberId),
    'twoStep',
  );
});

staffRoutes.post('/members/:memberId/cards/:cardId/status', async (c) => {
  const memberId = memberIdOf(c);
  const cardId = cardIdOf(c);
  if (!memberId || !cardId) return notFound(c);
  const form = await parseForm(c, cardStatusForm);
  if (!form.ok) return memberPage(c, memberId, { reasonErrors: form.errors, status: 400 });
  const { status, reason } = form.data;
  return afterAction(
    c,
    memberId,
    await changeCardStatus(c.get('deps'), c.get('staff'), memberId, cardId, status, reason),
    'card',
  );
});

staffRoutes.get('/audit', async (c) => {
  const { db } = c.get('deps');
  const [check, rows] = await Promise.all([verifyAuditChain(db), listRecentAuditRows(db, 100)]);
  const brokenAt = check.ok ? undefined : await findAuditRowTime(db, check.brokenId);
  return renderAuditPage(c, check, brokenAt, rows);
});

staffRoutes.get('/staff', async (c) => renderStaffPage(c, await listStaff(c.get('deps').db)));

staffRoutes.post('/staff', async (c) => {
  const deps = c.get('deps');
  const form = await parseForm(c, createStaffForm);
  if (!form.ok)
    return renderStaffPage(c, await listStaff(deps.db), {
      values: form.raw,
      errors: form.errors,
      status: 400,
    });
  const result = await createStaff(deps, form.data, c.get('staff').id);
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
