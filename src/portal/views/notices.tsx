import { maskCardNumber } from '../../cards/card-number.ts';
import { formatDay, formatMonth, formatYen } from '../../i18n/format.ts';
import type { AppContext } from '../../web/context.ts';
import type { PortalNotice } from '../notices.ts';

/** One notice: its text and, where there is something to do, a link to do it. */
function NoticeItem(props: { c: AppContext; notice: PortalNotice }) {
  const t = props.c.get('t');
  const lang = props.c.get('lang');
  const n = props.notice;
  switch (n.kind) {
    case 'card_locked':
      return (
        <li class="notice-warning" id="notice-card-locked">
          {t('portal.notice.cardLocked', { card: maskCardNumber(n.last4) })}{' '}
          <a href={`/portal/card?card=${n.cardId}`}>{t('portal.notice.cardLocked.link')}</a>
        </li>
      );
    case 'replacement_requested':
      return (
        <li id="notice-replacement">
          {t('portal.notice.replacementRequested', { card: maskCardNumber(n.last4) })}
        </li>
      );
    case 'replacement_on_its_way':
      return (
        <li id="notice-replacement">
          {t('portal.notice.replacementOnItsWay', { lost: n.lostLast4, last4: n.last4 })}{' '}
          <a href="/portal/enroll">{t('portal.notice.replacementOnItsWay.link')}</a>
        </li>
      );
    case 'payment_overdue':
      return (
        <li class="notice-warning" id="notice-payment">
          {t('portal.notice.paymentOverdue', {
            amount: formatYen(lang, n.amount),
            date: formatDay(lang, n.date),
          })}{' '}
          <a href="/help/card-payment/payment-date">{t('portal.notice.payment.link')}</a>
        </li>
      );
    case 'payment_due':
      return (
        <li id="notice-payment">
          {t('portal.notice.paymentDue', {
            amount: formatYen(lang, n.amount),
            date: formatDay(lang, n.date, true),
          })}
        </li>
      );
    case 'renewal_coming':
      return (
        <li id="notice-renewal">
          {t('portal.notice.renewal', { card: maskCardNumber(n.last4), month: formatMonth(lang, n.expiry) })}
        </li>
      );
    case 'enrollment_completed':
      return <li id="notice-enrolled">{t('portal.notice.enrolled', { card: maskCardNumber(n.last4) })}</li>;
    case 'last_login':
      return (
        <li id="notice-last-login">
          {t('portal.notice.lastLogin', { at: n.at })}{' '}
          <a href="/settings/sign-ins">{t('portal.notice.lastLogin.link')}</a>
        </li>
      );
  }
}

/** The dashboard's "what needs attention" list (nothing when there is nothing to say). */
export function PortalNotices(props: { c: AppContext; notices: PortalNotice[] }) {
  if (props.notices.length === 0) return null;
  const t = props.c.get('t');
  return (
    <section class="panel portal-notices" aria-labelledby="notices-title">
      <h2 id="notices-title">{t('portal.notice.heading')}</h2>
      <ul>
        {props.notices.map((notice) => (
          <NoticeItem c={props.c} notice={notice} />
        ))}
      </ul>
    </section>
  );
}
