import { dateTimeFormat, formatMonth, formatYen } from '../../i18n/format.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import type { SpendingOverview } from '../statement.ts';

/**
 * Spending charts drawn on the server as inline SVG: no script, no chart library, nothing the CSP would have to
 * allow (colours and sizes are SVG attributes or classes in app.css, never inline styles). The SVG is a picture
 * of the table that follows it: the table (visually hidden, read by screen readers) carries the figures.
 */

const compact = {
  ja: new Intl.NumberFormat('ja-JP', { notation: 'compact', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }),
};

function shortMonth(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'UTC', month: 'short' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Bars for the last 12 months, the selected month highlighted; a table with the same figures follows. */
export function MonthlySpendingChart(props: {
  t: Translate;
  lang: Lang;
  spending: SpendingOverview;
  selected: string;
  id: string;
}) {
  const { t, lang, spending, selected, id } = props;
  const width = 600;
  const height = 200;
  const top = 22;
  const bottom = 24;
  const slot = width / spending.byMonth.length;
  const max = Math.max(1, ...spending.byMonth.map((m) => m.total));
  const barHeight = (total: number) => Math.round((Math.max(0, total) / max) * (height - top - bottom));
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{t('statement.chart.monthly')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" class="chart-svg">
        <line x1="0" y1={height - bottom} x2={width} y2={height - bottom} class="chart-axis" />
        {spending.byMonth.map((m, i) => {
          const h = barHeight(m.total);
          const x = Math.round(i * slot + slot * 0.15);
          const w = Math.round(slot * 0.7);
          const y = height - bottom - h;
          return (
            <g>
              <rect
                x={x}
                y={y}
                width={w}
                height={h}
                class={m.month === selected ? 'bar bar-selected' : 'bar'}
              />
              <text x={x + w / 2} y={y - 5} text-anchor="middle" class="chart-value">
                {compact[lang].format(m.total)}
              </text>
              <text x={x + w / 2} y={height - 7} text-anchor="middle" class="chart-label">
                {shortMonth(lang, m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="visually-hidden">
        <table>
          <caption>{t('statement.chart.monthly')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statement.chart.month')}</th>
              <th scope="col">{t('statement.chart.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {spending.byMonth.map((m) => (
              <tr>
                <th scope="row">{formatMonth(lang, m.month)}</th>
                <td>{formatYen(lang, m.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Horizontal bars per category for one month, largest first, with the amounts written out. */
export function CategorySpendingChart(props: {
  t: Translate;
  lang: Lang;
  spending: SpendingOverview;
  month: string;
  id: string;
}) {
  const { t, lang, spending, month, id } = props;
  const rows = spending.byCategory.filter((c) => c.total > 0);
  const title = t('statement.chart.category', { month: formatMonth(lang, month) });
  if (rows.length === 0)
    return (
      <figure class="chart" aria-labelledby={`${id}-title`}>
        <figcaption id={`${id}-title`}>{title}</figcaption>
        <p class="muted">{t('statement.chart.none')}</p>
      </figure>
    );
  const width = 600;
  const rowHeight = 30;
  const labelWidth = 190;
  const valueWidth = 100;
  const max = Math.max(...rows.map((r) => r.total));
  const height = rows.length * rowHeight + 4;
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" class="chart-svg">
        {rows.map((r, i) => {
          const y = i * rowHeight + 4;
          const w = Math.max(2, Math.round((r.total / max) * (width - labelWidth - valueWidth - 10)));
          return (
            <g>
              <text x="0" y={y + 17} class="chart-label">
                {t(`statement.category.${r.category}`)}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 10} class="bar" />
              <text x={labelWidth + w + 6} y={y + 17} class="chart-value">
                {formatYen(lang, r.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statement.chart.category.name')}</th>
              <th scope="col">{t('statement.chart.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{t(`statement.category.${r.category}`)}</th>
                <td>{formatYen(lang, r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Both charts side by side (stacked on phones), with the note that the tables hold the same figures. */
export function SpendingCharts(props: {
  t: Translate;
  lang: Lang;
  spending: SpendingOverview;
  month: string;
}) {
  return (
    <section class="spending" aria-labelledby="spending-title">
      <h2 id="spending-title" class="visually-hidden">
        {props.t('statement.chart.amount')}
      </h2>
      <div class="chart-grid">
        <MonthlySpendingChart
          t={props.t}
          lang={props.lang}
          spending={props.spending}
          selected={props.month}
          id="chart-monthly"
        />
        <CategorySpendingChart
          t={props.t}
          lang={props.lang}
          spending={props.spending}
          month={props.month}
          id="chart-category"
        />
      </div>
      <p class="muted small">{props.t('statement.chart.note')}</p>
    </section>
  );
}
