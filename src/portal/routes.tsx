import { Hono } from 'hono';
import { renderStartPinLockedPage } from '../cards/views/enroll.tsx';
import type { MemberContext, MemberEnv } from '../web/context.ts';
import { renderCodedErrorPage } from '../web/pages.tsx';
import { requireMember } from '../web/route-groups.ts';
import { loadPortalHome } from './dashboard.ts';
import { renderDashboardPage, StillWorks } from './views/dashboard.tsx';

/** Card portal home: the dashboard (statements and points: statements/routes.tsx). Member pages only. */
export const portalRoutes = new Hono<MemberEnv>().use(requireMember());

/** ?card=ID picks one of the member's enrolled cards; anything else means "the default card". */
function chosenCard(c: MemberContext): number | undefined {
  const value = c.req.query('card');
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

portalRoutes.get('/portal', async (c) => {
  const home = await loadPortalHome(c.get('deps'), c.get('member').id, chosenCard(c), c.get('lang'));
  switch (home.kind) {
    case 'enroll':
      return c.redirect('/portal/enroll', 303);
    case 'start_pin_locked':
      return renderStartPinLockedPage(c);
    case 'card_unavailable':
      return renderCodedErrorPage(c, home.code, <StillWorks c={c} cards={home.cards} />);
    case 'dashboard':
      // Right after the start procedure (enroll redirects with ?enrolled=1): say it is done.
      return renderDashboardPage(c, home.dashboard, { justEnrolled: c.req.query('enrolled') === '1' });
  }
});
