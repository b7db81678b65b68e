import { Hono } from 'hono';
import { type DataKey, decrypt, encrypt } from '../security/data-keys.ts';
import type { MemberContext, MemberEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage, renderHttpErrorPage } from '../web/pages.tsx';
import { requireMember } from '../web/route-groups.ts';
import { applyForCard } from './apply.ts';
import { loadCardControls } from './card-controls.ts';
import { setCardLock } from './card-lock.ts';
import { enrollCard } from './enroll.ts';
import { reportCardLost } from './report-lost.ts';
import { findEnrolledCards } from './repository.ts';
import { applyForm, enrollFormKeeping, reportLostForm, usageNotificationsForm } from './schemas.ts';
import { setUsageNotifications } from './usage-notifications.ts';
import { renderApplyPage, renderApplyResultPage } from './views/apply.tsx';
import {
  type CardControlsProps,
  CONTROL_DONE,
  type ControlDone,
  renderCardControlsPage,
} from './views/controls.tsx';
import {
  type KeptCard,
  renderEnrollPage,
  renderOtherMemberIdPage,
  renderStartPinLockedPage,
} from './views/enroll.tsx';

/** Card application and enrollment (start procedure) routes. Member pages only. */
export const cardRoutes = new Hono<MemberEnv>().use(requireMember());

/** Only what is safe to echo back: never the PIN, never the card number (PCI DSS 3.4.1: no page shows it). */
function echo(raw: Record<string, string>) {
  return { birthDate: raw.birthDate ?? '' };
}

/** Opens a kept card (see enrollFormKeeping); anything that does not decrypt is no card. */
function unseal(keys: DataKey[], sealed: string): string | undefined {
  try {
    return decrypt(keys, sealed);
  } catch {
    return undefined;
  }
}

/** The card typed, kept for the next try as a sealed value and its last 4 digits (a 16-digit number). */
function keepCard(keys: DataKey[], cardNumber: string): KeptCard {
  return { sealed: encrypt(keys, cardNumber), last4: cardNumber.slice(-4) };
}

cardRoutes.get('/portal/enroll', async (c) => {
  const member = c.get('member');
  const enrolled = await findEnrolledCards(c.get('deps').db, member.id);
  return renderEnrollPage(c, { hasEnrolledCard: enrolled.length > 0 });
});

cardRoutes.post('/portal/enroll', async (c) => {
  const member = c.get('member');
  const deps = c.get('deps');
  const hasEnrolledCard = (await findEnrolledCards(deps.db, member.id)).length > 0;
  const form = await parseForm(
    c,
    enrollFormKeeping((sealed) => unseal(deps.config.dataKeys, sealed)),
  );
  if (!form.ok) {
    // A kept card stays kept while the member fixes another field (it decrypted to a valid number before).
    const kept = form.errors.cardNumber
      ? undefined
      : unseal(deps.config.dataKeys, form.raw.cardNumberKept ?? '');
    const keptCard = kept && !form.raw.cardNumber?.trim() ? keepCard(deps.config.dataKeys, kept) : undefined;
    return renderEnrollPage(c, {
      values: echo(form.raw),
      errors: form.errors,
      keptCard,
      hasEnrolledCard,
      status: 400,
    });
  }
  const result = await enrollCard(deps, { memberId: member.id, ...form.data });
  if (result.ok) return c.redirect(`/portal?card=${result.cardId}&enrolled=1`, 303);
  switch (result.code) {
    case 'P01':
      return renderStartPinLockedPage(c);
    case 'P02':
      return renderOtherMemberIdPage(c, result.maskedMemberId);
    case 'P04':
      return renderCodedErrorPage(c, 'P04');
    case 'P03':
      return renderEnrollPage(c, { values: echo(form.raw), failure: result, hasEnrolledCard, status: 422 });
    case 'P05':
      return renderEnrollPage(c, {
        values: echo(form.raw),
        keptCard: keepCard(deps.config.dataKeys, form.data.cardNumber),
        failure: result,
        hasEnrolledCard,
        status: 401,
      });
  }
});

cardRoutes.get('/cards/apply', (c) => renderApplyPage(c));

cardRoutes.post('/cards/apply', async (c) => {
  const form = await parseForm(c, applyForm);
  if (!form.ok) {
    const { startPin: _pin, startPinConfirm: _confirm, ...values } = form.raw;
    return renderApplyPage(c, { values, errors: form.errors, status: 400 });
  }
  const {
    startPinConfirm: _confirm,
    postalCode,
    prefecture,
    addressLine1,
    addressLine2,
    ...application
  } = form.data;
  const result = await applyForCard(c.get('deps'), {
    memberId: c.get('member').id,
    ...application,
    address: { postalCode, prefecture, addressLine1, addressLine2 },
  });
  return renderApplyResultPage(c, result);
});

// ---------------------------------------------------------------------------------------------------------
// Card controls (/portal/card): lock and unlock, report lost or stolen, usage notifications.

const notFound = (c: MemberContext) => renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');

/** A card id from the path or the query: digits only, else no card. */
function cardIdOf(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** Renders the controls page of a card the member enrolled, or 404 for any other card. */
async function controlsPage(c: MemberContext, cardId: number | undefined, props: CardControlsProps = {}) {
  const controls = await loadCardControls(c.get('deps'), c.get('member').id, cardId);
  if (controls.kind === 'no_card') return c.redirect('/portal/enroll', 303);
  if (controls.kind === 'not_found') return notFound(c);
  return renderCardControlsPage(c, controls, props);
}

const done = (cardId: number, what: ControlDone) => `/portal/card?card=${cardId}&done=${what}`;

cardRoutes.get('/portal/card', (c) => {
  const query = c.req.query('card');
  const cardId = cardIdOf(query);
  if (query !== undefined && cardId === undefined) return notFound(c);
  const doneValue = c.req.query('done');
  const shown = CONTROL_DONE.find((d) => d === doneValue);
  return controlsPage(c, cardId, { done: shown });
});

for (const locked of [true, false]) {
  cardRoutes.post(`/portal/card/:cardId/${locked ? 'lock' : 'unlock'}`, async (c) => {
    const cardId = cardIdOf(c.req.param('cardId'));
    if (cardId === undefined) return notFound(c);
    const result = await setCardLock(c.get('deps'), { memberId: c.get('member').id, cardId, locked });
    if (result.ok) return c.redirect(done(cardId, locked ? 'locked' : 'unlocked'), 303);
    if (result.code === 'card_not_found') return notFound(c);
    return controlsPage(c, cardId, { notActive: true, status: 409 });
  });
}

cardRoutes.post('/portal/card/:cardId/report-lost', async (c) => {
  const t = c.get('t');
  const cardId = cardIdOf(c.req.param('cardId'));
  if (cardId === undefined) return notFound(c);
  const form = await parseForm(c, reportLostForm);
  if (!form.ok) return controlsPage(c, cardId, { lostErrors: form.errors, status: 400 });
  const result = await reportCardLost(c.get('deps'), {
    memberId: c.get('member').id,
    cardId,
    password: form.data.password,
  });
  if (result.ok) return c.redirect(done(cardId, 'reported'), 303);
  switch (result.code) {
    case 'card_not_found':
      return notFound(c);
    case 'card_not_active':
      return controlsPage(c, cardId, { notActive: true, status: 409 });
    case 'R01':
      return renderCodedErrorPage(c, 'R01', <p>{t('account.tooMany')}</p>);
    case 'wrong_password':
      return controlsPage(c, cardId, {
        lostErrors: { password: t('validation.currentPassword.wrong') },
        status: 401,
      });
  }
});

cardRoutes.post('/portal/card/:cardId/notifications', async (c) => {
  const cardId = cardIdOf(c.req.param('cardId'));
  if (cardId === undefined) return notFound(c);
  const form = await parseForm(c, usageNotificationsForm);
  if (!form.ok)
    return controlsPage(c, cardId, { notifyValues: form.raw, notifyErrors: form.errors, status: 400 });
  const result = await setUsageNotifications(c.get('deps'), {
    memberId: c.get('member').id,
    cardId,
    minAmount: form.data.minAmount,
  });
  if (!result.ok) return notFound(c);
  return c.redirect(done(cardId, result.minAmount === null ? 'notify-off' : 'notify-on'), 303);
});
