import { telHref } from '../../i18n/format.ts';
import { isContactCenterOpen } from '../../web/contact.ts';
import type { AppContext } from '../../web/context.ts';
import { helpLibrary } from '../articles.ts';
import { ArticleList } from './articles.tsx';
import { renderHelpPage } from './shell.tsx';

/** /help/contact: numbers, paid-call note, hours, open now, what to have ready, busy days, online options. */
export function renderContactPage(c: AppContext) {
  const t = c.get('t');
  const { config, now } = c.get('deps');
  const open = isContactCenterOpen(config, now());
  const { phoneNavi, phoneLandline, opens, closes } = config.contact;
  return renderHelpPage(
    c,
    {
      title: t('help.contact.title'),
      crumbs: [{ href: '/help/contact', label: t('help.category.contact') }],
    },
    <>
      <h1>{t('help.contact.title')}</h1>
      <p class="lead">{t('help.contact.lead')}</p>
      <section class="panel contact-page" aria-labelledby="contact-numbers">
        <h2 id="contact-numbers">{t('help.contact.numbers')}</h2>
        <dl class="phones">
          <dt>{t('help.contact.navi')}</dt>
          <dd class="phone">
            <a href={telHref(phoneNavi)}>{phoneNavi}</a>
          </dd>
          <dt>{t('help.contact.landline')}</dt>
          <dd class="phone">
            <a href={telHref(phoneLandline)}>{phoneLandline}</a>
          </dd>
        </dl>
        <p>{t('help.contact.paid')}</p>
        <h3>{t('help.contact.hours')}</h3>
        <p>
          {t('help.contact.hoursValue', { opens, closes })}{' '}
          <span class="muted">{t('help.contact.timeZone')}</span>
        </p>
        <p class={open ? 'badge badge-open' : 'badge badge-closed'} id="contact-open-now">
          {t(open ? 'help.contact.openNow' : 'help.contact.closedNow')}
        </p>
      </section>
      <section aria-labelledby="contact-ready">
        <h2 id="contact-ready">{t('help.contact.ready')}</h2>
        <ul>
          <li>{t('help.contact.readyCard')}</li>
          <li>{t('help.contact.readyBirth')}</li>
          <li>{t('help.contact.readyCode')}</li>
        </ul>
        <p class="muted">{t('help.contact.readySelf')}</p>
      </section>
      <section aria-labelledby="contact-busy">
        <h2 id="contact-busy">{t('help.contact.busy')}</h2>
        <ul>
          <li>{t('help.contact.busyPayday')}</li>
          <li>{t('help.contact.busyMonday')}</li>
          <li>{t('help.contact.busyMorning')}</li>
        </ul>
        <p>{t('help.contact.busyHint')}</p>
      </section>
      <section aria-labelledby="contact-online">
        <h2 id="contact-online">{t('help.contact.online')}</h2>
        <ul class="next-links">
          <li>
            <a href="/forgot/id">{t('help.contact.onlineForgotId')}</a>
          </li>
          <li>
            <a href="/forgot/password">{t('help.contact.onlineForgotPassword')}</a>
          </li>
          <li>
            <a href="/portal/enroll">{t('help.contact.onlineEnroll')}</a>
          </li>
          <li>
            <a href="/help/errors">{t('help.contact.onlineErrors')}</a>
          </li>
          <li>
            <a href="/help/login-trouble">{t('help.contact.onlineTrouble')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="contact-articles">
        <h2 id="contact-articles">{t('help.contact.articles')}</h2>
        <ArticleList articles={helpLibrary().inCategory(c.get('lang'), 'contact')} />
      </section>
    </>,
  );
}
