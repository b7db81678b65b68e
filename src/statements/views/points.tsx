import { formatDay, formatMonth } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { PointsHistoryEntry, PointsLedger } from '../points.ts';
import type { StatementCard } from '../statement.ts';

const numbers = { ja: new Intl.NumberFormat('ja-JP'), en: new Intl.NumberFormat('en-US') };
const signed = {
  ja: new Intl.NumberFormat('ja-JP', { signDisplay: 'exceptZero' }),
  en: new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' }),
};

/** /portal/points: balance, next expiry (date and amount), history of earned, used and expired points. */
export function renderPointsPage(
  c: AppContext,
  data: {
    card: StatementCard;
    cards: StatementCard[];
    cardChosen: boolean;
    ledger: PointsLedger;
    /** Months with a statement page (earned rows link to them). */
    statementMonths: string[];
  },
) {
  const t = c.get('t');
  const lang: Lang = c.get('lang');
  const { config } = c.get('deps');
  const { ledger } = data;
  const q = data.cardChosen ? `?card=${data.card.id}` : '';
  const what = (h: PointsHistoryEntry) => {
    switch (h.kind) {
      case 'earned':
        return t('points.history.earned', { month: formatMonth(lang, h.month) });
      case 'used':
        return t('points.history.used', { description: h.description });
      case 'adjusted':
        return t('points.history.adjusted', { description: h.description });
      case 'expired':
        return t('points.history.expired');
    }
  };
  return renderPage(
    c,
    { title: t('points.title') },
    <>
      <h1>{t('points.title')}</h1>
      <p class="lead">{t('points.lead', { last4: data.card.last4, yen: config.points.yenPerPoint })}</p>
      {data.cards.length > 1 ? (
        <ul class="card-list">
          {data.cards
            .filter((card) => card.id !== data.card.id)
            .map((card) => (
              <li>
                <a href={`/portal/points?card=${card.id}`}>
                  {t('statement.page.otherCard', { last4: card.last4 })}
                </a>
              </li>
            ))}
        </ul>
      ) : null}
      <div class="grid dashboard-stats">
        <section class="stat">
          <h2 class="label">{t('points.balance')}</h2>
          <p class="value" id="points-balance">
            {t('points.value', { points: numbers[lang].format(ledger.balance) })}
          </p>
        </section>
        <section class="stat">
          <h2 class="label">{t('points.nextExpiry')}</h2>
          <p class="value" id="points-expiry">
            {ledger.nextExpiry
              ? t('points.nextExpiry.value', {
                  date: formatDay(lang, ledger.nextExpiry.on),
                  points: numbers[lang].format(ledger.nextExpiry.points),
                })
              : t('points.nextExpiry.none')}
          </p>
        </section>
      </div>
      <p class="muted">{t('points.expiryRule', { months: config.points.expiryMonths })}</p>
      <section aria-labelledby="points-history-title">
        <h2 id="points-history-title">{t('points.history.heading')}</h2>
        {ledger.history.length === 0 ? (
          <p>{t('points.history.none')}</p>
        ) : (
          <section class="table-scroll" aria-labelledby="points-history-title" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('points.history.date')}</th>
                  <th scope="col">{t('points.history.what')}</th>
                  <th scope="col" class="num">
                    {t('points.history.points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ledger.history.map((h) => (
                  <tr>
                    <td>{formatDay(lang, h.on)}</td>
                    <td>
                      {h.kind === 'earned' && data.statementMonths.includes(h.month) ? (
                        <a href={`/portal/statements/${h.month}${q}`}>{what(h)}</a>
                      ) : (
                        what(h)
                      )}
                    </td>
                    <td class="num">{signed[lang].format(h.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <p class="muted small">{t('points.history.details')}</p>
      </section>
      <p class="button-row">
        <a class="button" href={`/portal/statements${q}`}>
          {t('statement.page.title')}
        </a>
        <a class="button" href={`/portal${q}`}>
          {t('nav.portal')}
        </a>
      </p>
    </>,
  );
}
