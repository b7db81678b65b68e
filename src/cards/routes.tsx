import { Hono } from 'hono';
import type { MemberEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage } from '../web/pages.tsx';
import { requireMember } from '../web/route-groups.ts';
import { applyForCard } from './apply.ts';
import { enrollCard } from './enroll.ts';
import { findEnrolledCards } from './repository.ts';
import { applyForm, enrollForm } from './schemas.ts';
import { renderApplyPage, renderApplyResultPage } from './views/apply.tsx';
import { renderEnrollPage, renderOtherMemberIdPage, renderStartPinLockedPage } from './views/enroll.tsx';

/** Card application and enrollment (start procedure) routes. Member pages only. */
export const cardRoutes = new Hono<MemberEnv>().use(requireMember());

/** Only what is safe to echo back: never the PIN, never the card number (PCI DSS 3.4.1: no page shows it). */
function echo(raw: Record<string, string>) {
  return { birthDate: raw.birthDate ?? '' };
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
  const form = await parseForm(c, enrollForm);
  if (!form.ok)
    return renderEnrollPage(c, { values: echo(form.raw), errors: form.errors, hasEnrolledCard, status: 400 });
  const result = await enrollCard(deps, { memberId: member.id, ...form.data });
  if (result.ok) return c.redirect(`/portal?card=${result.cardId}`, 303);
  switch (result.code) {
    case 'P01':
      return renderStartPinLockedPage(c);
    case 'P02':
      return renderOtherMemberIdPage(c, result.maskedMemberId);
    case 'P04':
      return renderCodedErrorPage(c, 'P04');
    case 'P03':
      return renderEnrollPage(c, { values: echo(form.raw), failure: result, hasEnrolledCard, status: 422 });
    case 'wrong_pin':
      return renderEnrollPage(c, { values: echo(form.raw), failure: result, hasEnrolledCard, status: 401 });
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
