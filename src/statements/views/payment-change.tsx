import { addDays, todayIn } from '../../cards/billing.ts';
import { formatDay, formatMonth, formatYen } from '../../i18n/format.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import { ErrorSummary, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import { instalmentPlan } from '../breakdown.ts';
import { instalmentCounts } from '../categories.ts';
import { methodLabel } from '../csv.ts';
import type { ChangeableLine, PaymentChoice, PaymentSchedule } from '../payment-change.ts';

/** The last day a line can be changed: the day before its cut-off date. */
export function lastChangeDay(cutoffDate: string): string {
  return addDays(cutoffDate, -1);
}

function rateText(c: AppContext): string {
  return (c.get('deps').config.statements.feeRateBasisPoints / 100).toFixed(2);
}

function LineFacts(props: { t: Translate; lang: Lang; data: ChangeableLine }) {
  const { t, lang, data } = props;
  const { line } = data;
  const method =
    line.paymentMethod === 'instalment' && line.instalments
      ? methodLabel(lang, { paymentMethod: 'instalment', instalment: { number: 1, of: line.instalments } })
      : methodLabel(lang, { paymentMethod: line.paymentMethod, instalment: null });
  return (
    <dl class="facts">
      <dt>{t('change.line.date')}</dt>
      <dd>{formatDay(lang, line.usedOn)}</dd>
      <dt>{t('change.line.merchant')}</dt>
      <dd>{line.merchant}</dd>
      <dt>{t('change.line.amount')}</dt>
      <dd class="value">{formatYen(lang, line.amount)}</dd>
      <dt>{t('change.line.method')}</dt>
      <dd>{method}</dd>
      <dt>{t('change.line.card')}</dt>
      <dd>{t('change.line.cardValue', { last4: data.last4 })}</dd>
      <dt>{t('change.line.deadline')}</dt>
      <dd>{formatDay(lang, lastChangeDay(data.cutoffDate), true)}</dd>
    </dl>
  );
}

/** The schedule table: one row per statement that bills the line. */
function ScheduleTable(props: { t: Translate; lang: Lang; schedule: PaymentSchedule }) {
  const { t, lang, schedule } = props;
  const yen = (n: number) => formatYen(lang, n);
  const principal = schedule.rows.reduce((s, r) => s + r.principal, 0);
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('change.schedule.heading')}</h2>
      <section class="table-scroll" aria-labelledby="schedule-title" tabindex={0}>
        <table class="schedule">
          <thead>
            <tr>
              <th scope="col">{t('change.schedule.number')}</th>
              <th scope="col">{t('change.schedule.month')}</th>
              <th scope="col">{t('change.schedule.paymentDate')}</th>
              <th scope="col" class="num">
                {t('change.schedule.principal')}
              </th>
              <th scope="col" class="num">
                {t('change.schedule.fee')}
              </th>
              <th scope="col" class="num">
                {t('change.schedule.total')}
              </th>
              <th scope="col" class="num">
                {t('change.schedule.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {schedule.rows.map((r) => (
              <tr>
                <th scope="row">{r.number}</th>
                <td>{formatMonth(lang, r.month)}</td>
                <td>{formatDay(lang, r.paymentDate)}</td>
                <td class="num">{yen(r.principal)}</td>
                <td class="num">{yen(r.fee)}</td>
                <td class="num">{yen(r.principal + r.fee)}</td>
                <td class="num">{yen(r.balanceAfter)}</td>
              </tr>
            ))}
            <tr class="total">
              <th scope="row" colspan={3}>
                {t('change.schedule.sum')}
              </th>
              <td class="num">{yen(principal)}</td>
              <td class="num">{yen(schedule.fee)}</td>
              <td class="num">{yen(principal + schedule.fee)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </section>
      <p class="muted small">{t('change.rule')}</p>
    </section>
  );
}

function statementLink(data: ChangeableLine): string {
  return `/portal/statements/${data.month}?card=${data.cardId}`;
}

/**
 * /portal/statements/changes/:lineId — a line and what can be done with it: the two choices ("Change to
 * revolving", "Change to instalments") while it is one-time and before the cut-off, or the change made with
 * its schedule and the undo button.
 */
export function renderPaymentChangePage(
  c: AppContext,
  data: ChangeableLine,
  props: {
    done?: 'changed' | 'undone';
    already?: boolean;
    errors?: FieldErrors;
    values?: Record<string, string>;
    status?: 200 | 400 | 409;
  } = {},
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const { config } = c.get('deps');
  const rate = rateText(c);
  const last = formatDay(lang, lastChangeDay(data.cutoffDate));
  const errors = props.errors ?? {};
  const countError = errors.count;
  const changedOn = data.change ? formatDay(lang, todayIn(data.change.at, config.contact.timeZone)) : '';
  return renderPage(
    c,
    { title: t('change.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('change.title')}</h1>
      {props.done ? <Notice kind="success">{t(`change.done.${props.done}`)}</Notice> : null}
      {props.already ? <Notice kind="warning">{t('change.already')}</Notice> : null}
      <p class="lead">{t('change.lead', { date: last })}</p>
      <LineFacts t={t} lang={lang} data={data} />
      {data.change ? (
        <>
          <section aria-labelledby="current-title">
            <h2 id="current-title">{t('change.current.heading')}</h2>
            <p>
              {data.change.choice.to === 'instalment'
                ? t('change.current.instalment', { count: data.change.choice.count, date: changedOn })
                : t('change.current.revolving', { date: changedOn })}
            </p>
          </section>
          <ScheduleTable t={t} lang={lang} schedule={data.change.schedule} />
          {data.undoable ? (
            <Form c={c} action={`/portal/statements/changes/${data.line.id}/undo`} class="stack">
              <p>{t('change.undo.lead', { date: last })}</p>
              <button type="submit" class="button">
                {t('change.undo.submit')}
              </button>
            </Form>
          ) : (
            <p class="muted">{t('change.undo.closed')}</p>
          )}
        </>
      ) : data.blocked ? (
        <Notice kind="info" role="note">
          <p>{t(`change.blocked.${data.blocked}`, { date: last })}</p>
        </Notice>
      ) : (
        <>
          <ErrorSummary t={t} errors={errors} />
          <section class="panel" aria-labelledby="revolving-title">
            <h2 id="revolving-title">{t('change.revolving.heading')}</h2>
            <p>
              {t('change.revolving.lead', {
                principal: formatYen(lang, config.statements.revolvingMonthlyPrincipal),
                rate,
              })}
            </p>
            <Form c={c} action={`/portal/statements/changes/${data.line.id}/confirm`}>
              <input type="hidden" name="to" value="revolving" />
              <button type="submit" class="button primary">
                {t('change.revolving.submit')}
              </button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="instalment-title">
            <h2 id="instalment-title">{t('change.instalment.heading')}</h2>
            <p>{t('change.instalment.lead', { rate })}</p>
            <Form
              c={c}
              action={`/portal/statements/changes/${data.line.id}/confirm`}
              class="stack"
              novalidate
            >
              <input type="hidden" name="to" value="instalment" />
              <div class={countError ? 'field has-error' : 'field'}>
                <label for="f-count">{t('change.instalment.count')}</label>
                {countError ? (
                  <p class="field-error" id="f-count-error">
                    {countError}
                  </p>
                ) : null}
                <select
                  id="f-count"
                  name="count"
                  required
                  aria-invalid={countError ? 'true' : undefined}
                  aria-describedby={countError ? 'f-count-error' : undefined}
                >
                  {instalmentCounts.map((n) => (
                    <option value={String(n)} selected={props.values?.count === String(n)}>
                      {t('change.instalment.option', {
                        count: n,
                        fee: formatYen(
                          lang,
                          instalmentPlan(data.line.amount, n, config.statements.feeRateBasisPoints).fee,
                        ),
                      })}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button primary">
                {t('change.instalment.submit')}
              </button>
            </Form>
          </section>
        </>
      )}
      <p>
        <a href={statementLink(data)}>{t('change.back')}</a>
      </p>
    </>,
  );
}

/** The confirmation page: the choice, the fee at the configured rate and the schedule; nothing changed yet. */
export function renderPaymentChangeConfirmPage(
  c: AppContext,
  data: ChangeableLine & { schedule: PaymentSchedule },
  choice: PaymentChoice,
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const { config } = c.get('deps');
  const to =
    choice.to === 'instalment'
      ? t('change.confirm.to.instalment', { count: choice.count })
      : t('change.confirm.to.revolving', {
          principal: formatYen(lang, config.statements.revolvingMonthlyPrincipal),
        });
  return renderPage(
    c,
    { title: t('change.confirm.title'), narrow: true },
    <>
      <h1>{t('change.confirm.title')}</h1>
      <Notice kind="info" role="note">
        <p>{t('change.confirm.lead')}</p>
      </Notice>
      <LineFacts t={t} lang={lang} data={data} />
      <dl class="facts">
        <dt>{t('change.confirm.to')}</dt>
        <dd>{to}</dd>
        <dt>{t('change.confirm.fee')}</dt>
        <dd class="value">
          {formatYen(lang, data.schedule.fee)} ({t('statement.breakdown.rule', { rate: rateText(c) })})
        </dd>
      </dl>
      {choice.to === 'revolving' ? <p class="muted small">{t('change.confirm.feeRevolving')}</p> : null}
      <ScheduleTable t={t} lang={lang} schedule={data.schedule} />
      <Form c={c} action={`/portal/statements/changes/${data.line.id}`} class="stack">
        <input type="hidden" name="to" value={choice.to} />
        {choice.to === 'instalment' ? (
          <input type="hidden" name="count" value={String(choice.count)} />
        ) : null}
        <button type="submit" class="button primary wide">
          {t('change.confirm.submit')}
        </button>
      </Form>
      <p>
        <a href={`/portal/statements/changes/${data.line.id}`}>{t('change.confirm.cancel')}</a>
      </p>
    </>,
  );
}
