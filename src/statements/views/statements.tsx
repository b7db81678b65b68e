import { monthOf } from '../../cards/billing.ts';
import { formatDay, formatMonth, formatYen } from '../../i18n/format.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import { Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { BilledLine } from '../breakdown.ts';
import { methodLabel } from '../csv.ts';
import type {
  SpendingOverview,
  Statement,
  StatementCard,
  StatementMonthSummary,
  StatementPayment,
} from '../statement.ts';
import { SpendingCharts } from './charts.tsx';
import { lastChangeDay } from './payment-change.tsx';

type ChangeWindow = { cutoffDate: string; changedLineIds: Set<number> };

/** ?card=ID kept on links when the member picked a card other than the default one. */
function cardQuery(card: StatementCard, chosen: boolean): string {
  return chosen ? `?card=${card.id}` : '';
}

function StatusBadge(props: { t: Translate; status: Statement['status']; finalDate: string }) {
  const { t } = props;
  const text =
    props.status === 'closed'
      ? t('statement.status.closed', { day: Number(props.finalDate.slice(8)) })
      : t(`statement.status.${props.status}`);
  return <span class={props.status === 'final' ? 'badge status-final' : 'badge status-pending'}>{text}</span>;
}

function paymentText(t: Translate, lang: Lang, p: StatementPayment): string {
  if (p.state === 'paid' && p.paidOn) return t('statement.paid.yes', { date: formatDay(lang, p.paidOn) });
  return t(p.state === 'not_due' ? 'statement.paid.notYet' : 'statement.paid.no');
}

/** Links to the member's other enrolled cards. */
function OtherCards(props: { t: Translate; cards: StatementCard[]; current: StatementCard; path: string }) {
  const others = props.cards.filter((c) => c.id !== props.current.id);
  if (others.length === 0) return null;
  return (
    <ul class="card-list">
      {others.map((c) => (
        <li>
          <a href={`${props.path}?card=${c.id}`}>{props.t('statement.page.otherCard', { last4: c.last4 })}</a>
        </li>
      ))}
    </ul>
  );
}

/** /portal/statements: the month picker (open month and the last 15 closed months) and the spending charts. */
export function renderStatementsIndexPage(
  c: AppContext,
  data: {
    card: StatementCard;
    cards: StatementCard[];
    cardChosen: boolean;
    months: StatementMonthSummary[];
    spending: SpendingOverview;
    spendingMonth: string;
  },
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const q = cardQuery(data.card, data.cardChosen);
  return renderPage(
    c,
    { title: t('statement.page.title') },
    <>
      <h1>{t('statement.page.title')}</h1>
      <p class="lead">{t('statement.page.lead', { last4: data.card.last4 })}</p>
      <OtherCards t={t} cards={data.cards} current={data.card} path="/portal/statements" />
      <section aria-labelledby="picker-title">
        <h2 id="picker-title">{t('statement.picker.heading')}</h2>
        <section class="table-scroll" aria-labelledby="picker-title" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('statement.picker.month')}</th>
                <th scope="col">{t('statement.picker.status')}</th>
                <th scope="col" class="num">
                  {t('statement.picker.usage')}
                </th>
                <th scope="col">{t('statement.picker.paymentDate')}</th>
                <th scope="col">{t('statement.picker.payment')}</th>
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={`/portal/statements/${m.month}${q}`}>{formatMonth(lang, m.month)}</a>
                  </th>
                  <td>
                    <StatusBadge t={t} status={m.status} finalDate={m.finalDate} />
                  </td>
                  <td class="num">{formatYen(lang, m.purchases)}</td>
                  <td>{formatDay(lang, m.paymentDate, true)}</td>
                  <td>{m.status === 'open' ? '—' : paymentText(t, lang, m.payment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
      <SpendingCharts t={t} lang={lang} spending={data.spending} month={data.spendingMonth} />
      <p class="button-row">
        <a class="button" href={`/portal/points${q}`}>
          {t('points.title')}
        </a>
        <a class="button" href={`/portal${q}`}>
          {t('nav.portal')}
        </a>
      </p>
    </>,
  );
}

/** A line that can be changed to revolving or instalments now (one-time purchase of this month). */
function isChangeable(line: BilledLine): boolean {
  return (
    line.usedThisMonth && line.kind === 'purchase' && line.amount > 0 && line.paymentMethod === 'one_time'
  );
}

function LineRow(props: { t: Translate; lang: Lang; line: BilledLine; changes: ChangeWindow | null }) {
  const { t, lang, line, changes } = props;
  const changeLink = changes?.changedLineIds.has(line.id)
    ? t('change.view')
    : changes && isChangeable(line)
      ? t('change.link')
      : null;
  const yen = (n: number) => formatYen(lang, n);
  return (
    <tr>
      <td>{formatDay(lang, line.usedOn)}</td>
      <td>
        {line.merchant}
        {line.usedThisMonth ? null : (
          <span class="muted small">
            {' '}
            {t('statement.lines.later', { month: formatMonth(lang, monthOf(line.usedOn)) })}
          </span>
        )}
      </td>
      <td>
        {line.kind === 'annual_fee'
          ? t('statement.kind.annual_fee')
          : t(`statement.category.${line.category}`)}
      </td>
      <td>
        {methodLabel(lang, line)}
        {changeLink ? (
          <>
            <br />
            <a class="small" href={`/portal/statements/changes/${line.id}`}>
              {changeLink}
              <span class="visually-hidden">
                {' '}
                ({line.merchant} {formatDay(lang, line.usedOn)})
              </span>
            </a>
          </>
        ) : null}
      </td>
      <td class="num">{yen(line.amount)}</td>
      <td class="num">
        {line.billed === null ? (
          <span class="muted small">{t('statement.lines.revolvingNote')}</span>
        ) : (
          yen(line.billed + line.fee)
        )}
      </td>
      <td class="num">
        {line.usedThisMonth ? line.points.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') : '—'}
      </td>
    </tr>
  );
}

/** /portal/statements/YYYY-MM: every line, status, billing breakdown, payment date and state, downloads, charts. */
export function renderStatementMonthPage(
  c: AppContext,
  data: {
    statement: Statement;
    cards: StatementCard[];
    cardChosen: boolean;
    months: string[];
    spending: SpendingOverview;
    /** Open for after-the-fact revolving and instalments, or null. */
    changes: ChangeWindow | null;
  },
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const { statement: s } = data;
  const { config } = c.get('deps');
  const q = cardQuery(s.card, data.cardChosen);
  const yen = (n: number) => formatYen(lang, n);
  const index = data.months.indexOf(s.month);
  const newer = index > 0 ? data.months[index - 1] : undefined;
  const older = index >= 0 ? data.months[index + 1] : undefined;
  const b = s.breakdown;
  const breakdown: [string, number][] = [
    [t('statement.breakdown.oneTime'), b.oneTime],
    [t('statement.breakdown.revolvingPrincipal'), b.revolvingPrincipal],
    [t('statement.breakdown.revolvingFee'), b.revolvingFee],
    [t('statement.breakdown.instalmentPrincipal'), b.instalmentPrincipal],
    [t('statement.breakdown.instalmentFee'), b.instalmentFee],
    [t('statement.breakdown.annualFee'), b.annualFee],
  ];
  const title = t('statement.month.title', { month: formatMonth(lang, s.month) });
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('statement.page.card', { last4: s.card.last4 })}</p>
      <dl class="facts">
        <dt>{t('statement.month.status')}</dt>
        <dd>
          <StatusBadge t={t} status={s.status} finalDate={s.finalDate} />
        </dd>
        <dt>{t('statement.month.paymentDate')}</dt>
        <dd>{formatDay(lang, s.paymentDate, true)}</dd>
        <dt>{t('statement.month.payment')}</dt>
        <dd>{s.status === 'open' ? '—' : paymentText(t, lang, s.payment)}</dd>
        <dt>{t('statement.breakdown.total')}</dt>
        <dd class="value">{yen(b.total)}</dd>
      </dl>
      {s.status === 'open' ? (
        <Notice kind="info" role="note">
          <p>{t('statement.month.openNote', { day: config.statements.finalDay })}</p>
        </Notice>
      ) : s.status === 'closed' ? (
        <p class="muted">{t('statement.month.finalNote')}</p>
      ) : null}
      {s.status === 'open' ? null : (
        <section aria-labelledby="download-title">
          <h2 id="download-title">{t('statement.download.heading')}</h2>
          <p class="button-row">
            <a class="button" href={`/portal/statements/${s.month}.csv${q}`} download>
              {t('statement.download.csv')}
            </a>
            <a class="button" href={`/portal/statements/${s.month}.pdf${q}`} download>
              {t('statement.download.pdf')}
            </a>
          </p>
          <p class="muted small">{t('statement.download.note')}</p>
        </section>
      )}
      <section aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t('statement.breakdown.heading')}</h2>
        <section class="table-scroll" aria-labelledby="breakdown-title" tabindex={0}>
          <table class="breakdown">
            <tbody>
              {breakdown.map(([label, amount]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td class="num">{yen(amount)}</td>
                </tr>
              ))}
              <tr class="total">
                <th scope="row">{t('statement.breakdown.total')}</th>
                <td class="num">{yen(b.total)}</td>
              </tr>
              {b.revolvingBalanceAfter > 0 ? (
                <tr>
                  <th scope="row">{t('statement.breakdown.revolvingBalance')}</th>
                  <td class="num">{yen(b.revolvingBalanceAfter)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
        <p class="muted small">
          {t('statement.breakdown.rule', { rate: (config.statements.feeRateBasisPoints / 100).toFixed(2) })}
        </p>
      </section>
      <section aria-labelledby="lines-title">
        <h2 id="lines-title">{t('statement.lines.heading')}</h2>
        {data.changes ? (
          <p>
            {t('change.until', { date: formatDay(lang, lastChangeDay(data.changes.cutoffDate)) })}{' '}
            <a href="/help/card-payment/after-the-fact-revolving">{t('change.title')}</a>
          </p>
        ) : null}
        {s.lines.length === 0 ? (
          <p>{t('statement.lines.none')}</p>
        ) : (
          <section class="table-scroll" aria-labelledby="lines-title" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('statement.csv.date')}</th>
                  <th scope="col">{t('statement.csv.merchant')}</th>
                  <th scope="col">{t('statement.csv.category')}</th>
                  <th scope="col">{t('statement.csv.method')}</th>
                  <th scope="col" class="num">
                    {t('statement.csv.amount')}
                  </th>
                  <th scope="col" class="num">
                    {t('statement.lines.billed')}
                  </th>
                  <th scope="col" class="num">
                    {t('statement.csv.points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.lines.map((line) => (
                  <LineRow t={t} lang={lang} line={line} changes={data.changes} />
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
      <SpendingCharts t={t} lang={lang} spending={data.spending} month={s.month} />
      <nav class="month-nav" aria-label={t('statement.picker.heading')}>
        {older ? <a href={`/portal/statements/${older}${q}`}>← {t('statement.month.previous')}</a> : <span />}
        <a href={`/portal/statements${q}`}>{t('statement.month.back')}</a>
        {newer ? <a href={`/portal/statements/${newer}${q}`}>{t('statement.month.next')} →</a> : <span />}
      </nav>
    </>,
  );
}
