import { formatDay, formatMonth, formatYen } from '../../i18n/format.ts';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { Statements } from '../dashboard.ts';

/** Usage by month for the last 15 months. */
export function renderStatementsPage(c: AppContext, s: Extract<Statements, { kind: 'statements' }>) {
  const t = c.get('t');
  const lang = c.get('lang');
  return renderPage(
    c,
    { title: t('portal.statements.title') },
    <>
      <h1>{t('portal.statements.title')}</h1>
      <p class="lead">{t('portal.statements.lead', { last4: s.card.last4 })}</p>
      {s.months.length === 0 ? (
        <p>{t('portal.statements.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('portal.statements.month')}</th>
                <th scope="col" class="num">
                  {t('portal.statements.count')}
                </th>
                <th scope="col" class="num">
                  {t('portal.statements.total')}
                </th>
                <th scope="col">{t('portal.statements.paymentDate')}</th>
              </tr>
            </thead>
            <tbody>
              {s.months.map((m) => (
                <tr>
                  <td>{formatMonth(lang, m.month)}</td>
                  <td class="num">{m.count}</td>
                  <td class="num">{formatYen(lang, m.total)}</td>
                  <td>{formatDay(lang, m.paymentDate, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/portal?card=${s.card.id}`}>{t('cards.enroll.back')}</a>
      </p>
    </>,
  );
}
