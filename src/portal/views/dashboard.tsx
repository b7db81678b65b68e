import { maskCardNumber } from '../../cards/card-number.ts';
import { formatDay, formatMonth, formatYen } from '../../i18n/format.ts';
import { SpendingCharts } from '../../statements/views/charts.tsx';
import { Form } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { Dashboard, PortalCard } from '../dashboard.ts';
import { PortalNotices } from './notices.tsx';

/** The other enrolled cards, with a link to show each, and the way to enroll one more. */
export function CardSwitcher(props: { c: AppContext; cards: PortalCard[]; currentId?: number }) {
  const t = props.c.get('t');
  return (
    <section class="panel" aria-labelledby="cards-title">
      <h2 id="cards-title">{t('portal.cards.heading')}</h2>
      <ul class="card-list">
        {props.cards.map((card) => (
          <li>
            <span class="card-mask">{maskCardNumber(card.last4)}</span>{' '}
            <span class="badge">
              {card.lockedByMember && card.status === 'active'
                ? t('portal.status.locked')
                : t(`portal.status.${card.status}`)}
            </span>{' '}
            {card.id === props.currentId ? (
              <span class="muted">{t('portal.cards.current')}</span>
            ) : (
              <a href={`/portal?card=${card.id}`}>{t('portal.cards.switch')}</a>
            )}
          </li>
        ))}
      </ul>
      <p class="button-row">
        <a class="button" href="/portal/enroll">
          {t('portal.addCard')}
        </a>
        <a class="button" href="/cards/apply">
          {t('portal.apply')}
        </a>
      </p>
    </section>
  );
}

/** The dashboard of one active enrolled card. Only the last 4 digits of the number ever appear. */
export function renderDashboardPage(c: AppContext, d: Dashboard, options: { justEnrolled?: boolean } = {}) {
  const t = c.get('t');
  const lang = c.get('lang');
  const yen = (n: number) => formatYen(lang, n);
  const { bill, points, spending } = d.overview;
  return renderPage(
    c,
    { title: t('portal.title') },
    <>
      <h1>{t('portal.title')}</h1>
      {options.justEnrolled ? (
        <p class="notice notice-success" role="status" id="enrolled">
          {t('portal.enrolled', { card: maskCardNumber(d.card.last4) })}
        </p>
      ) : null}
      <PortalNotices c={c} notices={d.notices} />
      <section class="card-face" aria-labelledby="card-title">
        <h2 id="card-title">{t('portal.card.heading')}</h2>
        <dl class="card-facts">
          <div class="card-number">
            <dt>{t('portal.card.number')}</dt>
            <dd class="card-mask">{maskCardNumber(d.card.last4)}</dd>
          </div>
          <div>
            <dt>{t('portal.card.brand')}</dt>
            <dd>{t(`portal.brand.${d.card.brand}`)}</dd>
          </div>
          <div>
            <dt>{t('portal.card.status')}</dt>
            <dd id="card-status">
              {d.card.lockedByMember && d.card.status === 'active'
                ? t('portal.status.locked')
                : t(`portal.status.${d.card.status}`)}
            </dd>
          </div>
          <div>
            <dt>{t('portal.card.expiry')}</dt>
            <dd>{d.card.expiry}</dd>
          </div>
        </dl>
        <p class="button-row">
          <a class="button" href={`/portal/card?card=${d.card.id}`}>
            {t('portal.card.controls')}
          </a>
          <a class="button" href={`/portal/card?card=${d.card.id}#usage-notifications`}>
            {t('portal.card.notifications')}
          </a>
        </p>
      </section>
      <div class="grid dashboard-stats">
        <section class="stat">
          <h2 class="label">{t('portal.billing')}</h2>
          <p class="value" id="billing-amount">
            {yen(bill.total)}
          </p>
          <p class="muted">
            {t('portal.billing.note', { month: formatMonth(lang, bill.month) })}{' '}
            <a href={`/portal/statements/${bill.month}?card=${d.card.id}`}>{t('portal.billing.details')}</a>
          </p>
        </section>
        <section class="stat">
          <h2 class="label">{t('portal.paymentDate')}</h2>
          <p class="value" id="payment-date">
            {formatDay(lang, bill.paymentDate, true)}
          </p>
          <p class="muted">
            {bill.payment.state === 'paid' && bill.payment.paidOn
              ? t('statement.paid.yes', { date: formatDay(lang, bill.payment.paidOn) })
              : t(bill.payment.state === 'not_due' ? 'statement.paid.notYet' : 'statement.paid.no')}
          </p>
          <p class="muted">{t('portal.paymentDate.note')}</p>
        </section>
        <section class="stat">
          <h2 class="label">{t('portal.available')}</h2>
          <p class="value" id="available-credit">
            {yen(d.availableCredit)}
          </p>
          <p class="muted">
            {t('portal.creditLimit')}: {yen(d.card.creditLimit)}
          </p>
        </section>
        <section class="stat">
          <h2 class="label">{t('portal.points')}</h2>
          <p class="value" id="points-balance">
            {t('portal.points.value', {
              points: points.balance.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'),
            })}
          </p>
          <p class="muted">
            <a href={`/portal/points?card=${d.card.id}`}>{t('points.title')}</a>
          </p>
          <p class="muted">
            {t('portal.unbilled')}: {yen(d.unbilled)}
          </p>
        </section>
      </div>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('portal.recent.heading')}</h2>
        {d.transactions.length === 0 ? (
          <p>{t('portal.recent.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('portal.recent.date')}</th>
                  <th scope="col">{t('portal.recent.merchant')}</th>
                  <th scope="col" class="num">
                    {t('portal.recent.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.transactions.map((tx) => (
                  <tr>
                    <td>{formatDay(lang, tx.used_on)}</td>
                    <td>{tx.merchant}</td>
                    <td class="num">{yen(tx.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="button-row">
          <a class="button" href={`/portal/statements?card=${d.card.id}`}>
            {t('statement.page.title')}
          </a>
          <a class="button" href={`/portal/points?card=${d.card.id}`}>
            {t('points.title')}
          </a>
        </p>
      </section>
      <SpendingCharts t={t} lang={lang} spending={spending} month={bill.month} />
      <CardSwitcher c={c} cards={d.cards} currentId={d.card.id} />
    </>,
  );
}

/** "What still works" under a card's coded error: help, member settings, logout (never a nudge to withdraw). */
export function StillWorks(props: { c: AppContext; cards: PortalCard[] }) {
  const t = props.c.get('t');
  return (
    <section class="still-works" aria-labelledby="still-works-title">
      <h2 id="still-works-title">{t('portal.stillWorks.title')}</h2>
      <ul>
        <li>
          <a href="/help">{t('portal.stillWorks.help')}</a>
        </li>
        <li>
          <a href="/settings">{t('portal.stillWorks.settings')}</a>
        </li>
        <li>
          <a href="/portal/enroll">{t('portal.stillWorks.enroll')}</a>
        </li>
        <li>
          <Form c={props.c} action="/logout" class="inline">
            <button type="submit" class="link-button">
              {t('portal.stillWorks.logout')}
            </button>
          </Form>
        </li>
      </ul>
      {props.cards.length > 1 ? <CardSwitcher c={props.c} cards={props.cards} /> : null}
    </section>
  );
}
