import { maskCardNumber } from '../../cards/card-number.ts';
import { formatMonth, plural } from '../../i18n/format.ts';
import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { WithdrawalTicket } from '../withdraw.ts';
import type { WithdrawalLosses } from '../withdrawal-losses.ts';

const numbers = { ja: new Intl.NumberFormat('ja-JP'), en: new Intl.NumberFormat('en-US') };

/** Step 1: the password again, with the gist of what withdrawal means. */
export function renderWithdrawPasswordPage(
  c: AppContext,
  props: { errors?: FieldErrors; notice?: string; status?: 200 | 400 | 429 } = {},
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('withdraw.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('withdraw.title')}</h1>
      <Notice kind="warning">
        <p>{t('withdraw.entry.lead')}</p>
      </Notice>
      {props.notice ? <Notice kind="info">{props.notice}</Notice> : null}
      <p>{t('withdraw.password.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/settings/withdraw" class="stack" novalidate>
        <input type="hidden" name="username" value={c.get('member')?.userId ?? ''} autocomplete="username" />
        <Field
          name="password"
          type="password"
          label={t('account.currentPassword')}
          error={errors.password}
          autocomplete="current-password"
          required
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('withdraw.password.submit')}
          </button>
          <a class="button" href="/settings">
            {t('withdraw.cancel')}
          </a>
        </div>
      </Form>
    </>,
  );
}

/** Step 2: in plain words what is lost, an "I understand" box and a danger button (with data-confirm). */
export function renderWithdrawConfirmPage(
  c: AppContext,
  props: {
    userId: string;
    ticket: WithdrawalTicket;
    coolingOffDays: number;
    /** What this member loses, from their own data: services by name, enrolled cards, points, statements. */
    losses: WithdrawalLosses;
    errors?: FieldErrors;
  },
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const errors = props.errors ?? {};
  const { services, cards } = props.losses;
  const count = (n: number) => numbers[lang].format(n);
  return renderPage(
    c,
    { title: t('withdraw.confirm.title'), status: Object.keys(errors).length ? 400 : 200, narrow: true },
    <>
      <h1>{t('withdraw.confirm.title')}</h1>
      <p class="lead">{t('withdraw.confirm.lead', { userId: props.userId })}</p>
      <ul class="withdraw-losses">
        <li>
          {t('withdraw.loss.services')}
          {services.length ? (
            <>
              <p>{t('withdraw.services.lead')}</p>
              <ul class="withdraw-services">
                {services.map((name) => (
                  <li>
                    <strong>{name}</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
        <li>
          {t('withdraw.loss.portal')}
          {cards.length ? (
            <>
              <p>{t('withdraw.cards.lead')}</p>
              <ul class="withdraw-cards">
                {cards.map((card) => (
                  <li>
                    <strong class="card-mask">{maskCardNumber(card.last4)}</strong>
                    <ul>
                      <li>
                        {t(
                          plural(lang, card.points, {
                            one: 'withdraw.card.points.one',
                            other: 'withdraw.card.points',
                          }),
                          {
                            points: count(card.points),
                          },
                        )}
                      </li>
                      <li>
                        {card.firstMonth && card.lastMonth
                          ? t(
                              plural(lang, card.statementMonths, {
                                one: 'withdraw.card.statements.one',
                                other: 'withdraw.card.statements',
                              }),
                              {
                                months: count(card.statementMonths),
                                from: formatMonth(lang, card.firstMonth),
                                to: formatMonth(lang, card.lastMonth),
                              },
                            )
                          : t('withdraw.card.noStatements')}
                      </li>
                    </ul>
                  </li>
                ))}
              </ul>
              <p>{t('withdraw.cards.kept')}</p>
            </>
          ) : null}
        </li>
        <li>
          {cards.length
            ? t(
                plural(lang, props.losses.points, {
                  one: 'withdraw.loss.pointsTotal.one',
                  other: 'withdraw.loss.pointsTotal',
                }),
                {
                  points: count(props.losses.points),
                },
              )
            : t('withdraw.loss.points')}
        </li>
        <li>{t('withdraw.loss.history')}</li>
        <li>
          <strong>{t('withdraw.loss.restore')}</strong>
        </li>
        <li>{t('withdraw.loss.userId', { days: props.coolingOffDays })}</li>
      </ul>
      <Notice kind="info">
        <p>{t('withdraw.card')}</p>
      </Notice>
      <p>{t('withdraw.again')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action="/settings/withdraw/confirm"
        class="stack"
        data-confirm={t('withdraw.dialog')}
      >
        <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
        <input type="hidden" name="ticket" value={props.ticket.ticket} />
        <input type="hidden" name="expires" value={props.ticket.expires} />
        <div class={errors.understand ? 'field has-error checkbox-field' : 'field checkbox-field'}>
          {errors.understand ? (
            <p class="field-error" id="f-understand-error">
              {errors.understand}
            </p>
          ) : null}
          <input
            type="checkbox"
            id="f-understand"
            name="understand"
            value="yes"
            required
            aria-describedby={errors.understand ? 'f-understand-error' : undefined}
          />
          <label for="f-understand">{t('withdraw.understand')}</label>
        </div>
        <div class="button-row">
          <button type="submit" class="button danger">
            {t('withdraw.submit')}
          </button>
          <a class="button" href="/settings">
            {t('withdraw.cancel')}
          </a>
        </div>
      </form>
    </>,
  );
}

export function renderWithdrawDonePage(c: AppContext) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('withdraw.done.title'), narrow: true, loggedOut: true },
    <>
      <h1>{t('withdraw.done.title')}</h1>
      <Notice kind="success">
        <p>{t('withdraw.done.body')}</p>
      </Notice>
      <p>{t('withdraw.card')}</p>
      <p>{t('withdraw.done.again')}</p>
      <p>
        <a class="button" href="/register">
          {t('login.registerLink')}
        </a>
      </p>
    </>,
  );
}
