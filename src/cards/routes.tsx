import { Hono } from 'hono';
import { type DataKey, decrypt, encrypt } from '../security/data-keys.ts';
import type { MemberEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage } from '../web/pages.tsx';
import { requireMember } from '../web/route-groups.ts';
import { applyForCard } from './apply.ts';
import { enrollCard } from './enroll.ts';
import { findEnrolledCards } from './repository.ts';
import { applyForm, enrollFormKeeping } from './schemas.ts';
import { renderApplyPage, renderApplyResultPage } from './views/apply.tsx';
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
  const { startPinConfirm: _confirm, ...application } = form.data;
  const result = await applyForCard(c.get('deps'), { memberId: c.get('member').id, ...application });
  return renderApplyResultPage(c, result);
});
