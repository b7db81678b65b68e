import type { Child } from 'hono/jsx';
import { isContactCenterOpen } from '../../web/contact.ts';
import type { AppContext } from '../../web/context.ts';
import { type PageOptions, renderPage } from '../../web/layout.tsx';
import { roleAtLeast } from '../roles.ts';

/**
 * A console page: the shared layout with the console bar (who is signed in, console navigation, sign out)
 * and the contact center line (numbers, hours, open now) that operators quote to callers.
 */
export function renderConsolePage(c: AppContext, options: PageOptions, body: Child) {
  const t = c.get('t');
  const staff = c.get('staff');
  const { config, now } = c.get('deps');
  const open = isContactCenterOpen(config, now());
  return renderPage(
    c,
    options,
    <>
      <div class="console-bar">
        <p class="console-title">
          <strong>{t('support.console')}</strong>
        </p>
        {staff ? (
          <>
            <nav aria-label={t('support.nav')} class="console-nav">
              <ul>
                <li>
                  <a href="/support">{t('support.nav.search')}</a>
                </li>
                {roleAtLeast(staff.role, 'supervisor') ? (
                  <li>
                    <a href="/support/audit">{t('support.nav.audit')}</a>
                  </li>
                ) : null}
                {roleAtLeast(staff.role, 'admin') ? (
                  <li>
                    <a href="/support/staff">{t('support.nav.staff')}</a>
                  </li>
                ) : null}
              </ul>
            </nav>
            <p class="console-who">
              {t('support.signedInAs', { name: staff.displayName, role: t(`support.role.${staff.role}`) })}
            </p>
            <form method="post" action="/support/logout" class="inline">
              <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
              <button type="submit" class="link-button">
                {t('support.logout')}
              </button>
            </form>
          </>
        ) : null}
      </div>
      <p class="console-contact">
        {t('support.contactLine', {
          navi: config.contact.phoneNavi,
          landline: config.contact.phoneLandline,
          opens: config.contact.opens,
          closes: config.contact.closes,
          zone: config.contact.timeZone,
        })}{' '}
        <span class={open ? 'badge badge-open' : 'badge badge-closed'}>
          {t(open ? 'contact.open' : 'contact.closed')}
        </span>
      </p>
      {body}
    </>,
  );
}
