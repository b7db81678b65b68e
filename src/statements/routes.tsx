import { Hono } from 'hono';
import { monthOf, todayIn } from '../cards/billing.ts';
import type { MemberContext, MemberEnv } from '../web/context.ts';
import { parseForm, readForm } from '../web/form.ts';
import { renderHttpErrorPage } from '../web/pages.tsx';
import { requireMember } from '../web/route-groups.ts';
import { statementCsv, statementFileName } from './csv.ts';
import {
  changePaymentMethod,
  loadChangeableLine,
  loadChangeWindow,
  type PaymentChangeFailure,
  previewPaymentChange,
  undoPaymentChange,
} from './payment-change.ts';
import { statementPdf } from './pdf.ts';
import { paymentChoiceForm } from './schemas.ts';
import {
  listStatementMonths,
  loadPoints,
  loadSpending,
  loadStatement,
  type StatementFailure,
  statementMonths,
} from './statement.ts';
import { renderPaymentChangeConfirmPage, renderPaymentChangePage } from './views/payment-change.tsx';
import { renderPointsPage } from './views/points.tsx';
import { renderStatementMonthPage, renderStatementsIndexPage } from './views/statements.tsx';

/** Statements, their downloads and points: member pages only (issue 12). */
export const statementRoutes = new Hono<MemberEnv>().use(requireMember());

/** ?card=ID picks one of the member's enrolled cards; anything else means "the default card". */
function chosenCard(c: MemberContext): number | undefined {
  const value = c.req.query('card');
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * No enrolled card: the portal home decides (start procedure, lock page). A card or month that is not the
 * member's, or out of range: 404, the same answer whether it exists for someone else or not at all.
 */
function refuse(c: MemberContext, failure: StatementFailure) {
  if (failure.code === 'no_card') return c.redirect('/portal', 303);
  return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
}

statementRoutes.get('/portal/statements', async (c) => {
  const deps = c.get('deps');
  const cardId = chosenCard(c);
  const result = await listStatementMonths(deps, c.get('member').id, cardId);
  if (!result.ok) return refuse(c, result);
  // The charts show the newest closed month (the bill being paid), or the open one before any has closed.
  const spendingMonth = result.months[1]?.month ?? monthOf(todayIn(deps.now(), deps.config.contact.timeZone));
  const spending = await loadSpending(deps, result.card.id, spendingMonth);
  return renderStatementsIndexPage(c, {
    ...result,
    cardChosen: cardId !== undefined,
    spending,
    spendingMonth,
  });
});

/** /portal/statements/YYYY-MM, and the downloads YYYY-MM.csv and YYYY-MM.pdf (closed months only). */
statementRoutes.get('/portal/statements/:month', async (c) => {
  const deps = c.get('deps');
  const match = /^(\d{4}-\d{2})(?:\.(csv|pdf))?$/.exec(c.req.param('month'));
  if (!match) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
  const [, month = '', format] = match;
  const cardId = chosenCard(c);
  const result = await loadStatement(deps, c.get('member').id, month, cardId);
  if (!result.ok) return refuse(c, result);
  const { statement } = result;
  const lang = c.get('lang');
  if (format && statement.status === 'open')
    return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
  if (format === 'csv')
    return c.body(statementCsv(statement, lang), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${statementFileName(statement, 'csv')}"`,
    });
  if (format === 'pdf') {
    const today = todayIn(deps.now(), deps.config.contact.timeZone);
    const pdf = await statementPdf(statement, lang, today, deps.config.statements.feeRateBasisPoints);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${statementFileName(statement, 'pdf')}"`,
    });
  }
  const [spending, changes] = await Promise.all([
    loadSpending(deps, statement.card.id, month),
    loadChangeWindow(
      deps,
      statement,
      statement.lines.filter((l) => l.usedThisMonth).map((l) => l.id),
    ),
  ]);
  return renderStatementMonthPage(c, {
    statement,
    changes,
    cards: result.cards,
    cardChosen: cardId !== undefined,
    months: statementMonths(todayIn(deps.now(), deps.config.contact.timeZone)),
    spending,
  });
});

statementRoutes.get('/portal/points', async (c) => {
  const deps = c.get('deps');
  const cardId = chosenCard(c);
  const result = await loadPoints(deps, c.get('member').id, cardId);
  if (!result.ok) return refuse(c, result);
  const months = statementMonths(todayIn(deps.now(), deps.config.contact.timeZone));
  return renderPointsPage(c, { ...result, cardChosen: cardId !== undefined, statementMonths: months });
});

// ---- after-the-fact revolving and instalments (あとからリボ・あとから分割) ----------------------------------

/** The line id in the path, or undefined for anything that is not one (→ 404 like a line of someone else). */
function lineIdOf(c: MemberContext): number | undefined {
  const value = c.req.param('lineId') ?? '';
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

function notFound(c: MemberContext) {
  return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
}

statementRoutes.get('/portal/statements/changes/:lineId', async (c) => {
  const lineId = lineIdOf(c);
  if (lineId === undefined) return notFound(c);
  const loaded = await loadChangeableLine(c.get('deps'), c.get('member').id, lineId);
  if (!loaded.ok) return notFound(c);
  const done = c.req.query('done');
  return renderPaymentChangePage(c, loaded, done === 'changed' || done === 'undone' ? { done } : {});
});

/** Confirmation page: validates the choice and shows the fee and schedule; changes nothing. */
statementRoutes.post('/portal/statements/changes/:lineId/confirm', async (c) => {
  const deps = c.get('deps');
  const memberId = c.get('member').id;
  const lineId = lineIdOf(c);
  if (lineId === undefined) return notFound(c);
  const form = await parseForm(c, paymentChoiceForm);
  if (!form.ok) {
    const loaded = await loadChangeableLine(deps, memberId, lineId);
    if (!loaded.ok) return notFound(c);
    return renderPaymentChangePage(c, loaded, { errors: form.errors, values: form.raw, status: 400 });
  }
  const preview = await previewPaymentChange(deps, memberId, lineId, form.data);
  if (preview.ok) return renderPaymentChangeConfirmPage(c, preview, form.data);
  return refuseChange(c, lineId, preview.code);
});

statementRoutes.post('/portal/statements/changes/:lineId', async (c) => {
  const deps = c.get('deps');
  const memberId = c.get('member').id;
  const lineId = lineIdOf(c);
  if (lineId === undefined) return notFound(c);
  const form = await parseForm(c, paymentChoiceForm);
  if (!form.ok) {
    const loaded = await loadChangeableLine(deps, memberId, lineId);
    if (!loaded.ok) return notFound(c);
    return renderPaymentChangePage(c, loaded, { errors: form.errors, values: form.raw, status: 400 });
  }
  const result = await changePaymentMethod(deps, memberId, lineId, form.data);
  if (result.ok) return c.redirect(`/portal/statements/changes/${lineId}?done=changed`, 303);
  return refuseChange(c, lineId, result.code);
});

statementRoutes.post('/portal/statements/changes/:lineId/undo', async (c) => {
  const deps = c.get('deps');
  const memberId = c.get('member').id;
  const lineId = lineIdOf(c);
  if (lineId === undefined) return notFound(c);
  await readForm(c);
  const result = await undoPaymentChange(deps, memberId, lineId);
  if (result.ok) return c.redirect(`/portal/statements/changes/${lineId}?done=undone`, 303);
  return refuseChange(c, lineId, result.code);
});

/** Someone else's line → 404; a line that cannot (or can no longer) change → its page saying why, 409. */
async function refuseChange(c: MemberContext, lineId: number, code: PaymentChangeFailure['code']) {
  if (code === 'statement_not_found') return notFound(c);
  const loaded = await loadChangeableLine(c.get('deps'), c.get('member').id, lineId);
  if (!loaded.ok) return notFound(c);
  return renderPaymentChangePage(c, loaded, {
    already: code === 'payment_change_already_made',
    status: 409,
  });
}
