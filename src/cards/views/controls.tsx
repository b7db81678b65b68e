import { formatMoment, formatYen } from '../../i18n/format.ts';
import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { ControlledCard } from '../card-controls.ts';
import { maskCardNumber } from '../card-number.ts';

/** Notices after an action (the ?done= value of the redirect). */
export const CONTROL_DONE = ['locked', 'unlocked', 'reported', 'notify-on', 'notify-off'] as const;
export type ControlDone = (typeof CONTROL_DONE)[number];

export interface CardControlsProps {
  done?: ControlDone | undefined;
  /** The action was refused because the card is not active. */
  notActive?: boolean;
  lostErrors?: FieldErrors;
  notifyValues?: Record<string, string>;
  notifyErrors?: FieldErrors;
  status?: 200 | 400 | 401 | 409;
}

/**
 * /portal/card: lock and unlock (利用停止・再開), report lost or stolen (紛失・盗難), usage notifications.
 * English button labels "Lock card", "Unlock card", "Report lost or stolen" and the heading "Usage
 * notifications" are a contract. Only the last 4 digits of the number appear.
 */
export function renderCardControlsPage(
  c: AppContext,
  data: { card: ControlledCard; others: { id: number; last4: string }[] },
  props: CardControlsProps = {},
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const zone = c.get('deps').config.contact.timeZone;
  const when = (d: Date | string | null) => formatMoment(lang, d, zone, 'minute');
  const { card } = data;
  const masked = maskCardNumber(card.last4);
  const base = `/portal/card/${card.id}`;
  const active = card.status === 'active';
  const locked = card.locked_by_member_at !== null;
  const doneText: Record<ControlDone, string> = {
    locked: t('controls.done.locked', { card: masked }),
    unlocked: t('controls.done.unlocked', { card: masked }),
    reported: t('controls.done.reported', { card: masked }),
    'notify-on': t('controls.done.notificationsOn', { amount: formatYen(lang, card.notify_min_amount ?? 0) }),
    'notify-off': t('controls.done.notificationsOff'),
  };
  const notifyOn = props.notifyValues ? props.notifyValues.enabled === 'on' : card.notify_min_amount !== null;
  const notifyAmount = props.notifyValues?.minAmount ?? (card.notify_min_amount?.toString() || '');
  return renderPage(
    c,
    { title: t('controls.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('controls.title')}</h1>
      {props.done ? (
        <Notice kind="success">
          <p id="controls-done">{doneText[props.done]}</p>
        </Notice>
      ) : null}
      {props.notActive ? (
        <Notice kind="error">
          <p>{t('controls.notActive')}</p>
        </Notice>
      ) : null}
      <dl class="facts">
        <dt>{t('controls.card')}</dt>
        <dd class="card-mask">{masked}</dd>
        <dt>{t('controls.status')}</dt>
        <dd id="card-status">
          {active && locked ? t('controls.status.locked') : t(`portal.status.${card.status}`)}
        </dd>
      </dl>
      {data.others.length > 0 ? (
        <p>
          {t('controls.chooseCard')}:{' '}
          {data.others.map((o) => (
            <>
              <a href={`/portal/card?card=${o.id}`}>{maskCardNumber(o.last4)}</a>{' '}
            </>
          ))}
        </p>
      ) : null}

      <section class="panel" aria-labelledby="lock-title" id="lock">
        <h2 id="lock-title">{t('controls.lock.heading')}</h2>
        <p>{t('controls.lock.lead')}</p>
        {!active ? (
          <p>{t('controls.lock.unavailable')}</p>
        ) : locked ? (
          <>
            <p>
              <strong>{t('controls.lock.locked', { at: when(card.locked_by_member_at) })}</strong>
            </p>
            <Form c={c} action={`${base}/unlock`}>
              <button type="submit" class="button primary">
                {t('controls.unlock.submit')}
              </button>
            </Form>
          </>
        ) : (
          <Form c={c} action={`${base}/lock`}>
            <button type="submit" class="button primary">
              {t('controls.lock.submit')}
            </button>
          </Form>
        )}
      </section>

      <section class="panel" aria-labelledby="lost-title" id="lost">
        <h2 id="lost-title">{t('controls.lost.heading')}</h2>
        {card.status === 'reissue_requested' ? (
          <>
            <p>
              <strong>{t('controls.lost.reported', { at: when(card.replacement_requested_at) })}</strong>
            </p>
            {card.replacement_issued_at && card.replacement_last4 ? (
              <p>
                {t('controls.lost.replacementIssued', { last4: card.replacement_last4 })}{' '}
                <a href="/portal/enroll">{t('controls.lost.enroll')}</a>
              </p>
            ) : (
              <p>{t('controls.lost.replacementRequested')}</p>
            )}
          </>
        ) : active ? (
          <>
            <p>{t('controls.lost.lead')}</p>
            <ErrorSummary t={t} errors={props.lostErrors ?? {}} />
            <Form c={c} action={`${base}/report-lost`} class="stack" novalidate>
              <Field
                name="password"
                type="password"
                label={t('controls.lost.password')}
                hint={t('controls.lost.password.hint')}
                error={props.lostErrors?.password}
                autocomplete="current-password"
                required
                maxlength={1024}
              />
              <button type="submit" class="button danger">
                {t('controls.lost.submit')}
              </button>
            </Form>
          </>
        ) : (
          <p>{t('controls.lock.unavailable')}</p>
        )}
        <p>
          <a href="/help/card-payment/lost-stolen-card">{t('controls.lost.help')}</a>
        </p>
      </section>

      <section class="panel" aria-labelledby="notify-title" id="usage-notifications">
        <h2 id="notify-title">{t('controls.notify.heading')}</h2>
        <p>{t('controls.notify.lead')}</p>
        <p id="notify-current">
          {card.notify_min_amount === null
            ? t('controls.notify.off')
            : t('controls.notify.current', { amount: formatYen(lang, card.notify_min_amount) })}
        </p>
        <ErrorSummary t={t} errors={props.notifyErrors ?? {}} />
        <Form c={c} action={`${base}/notifications`} class="stack" novalidate>
          <div class="field checkbox-field">
            <input type="checkbox" id="f-enabled" name="enabled" value="on" checked={notifyOn} />
            <label for="f-enabled">{t('controls.notify.enabled')}</label>
          </div>
          <Field
            name="minAmount"
            label={t('controls.notify.amount')}
            hint={t('controls.notify.amount.hint')}
            value={notifyAmount}
            error={props.notifyErrors?.minAmount}
            inputmode="numeric"
            maxlength={20}
            autocomplete="off"
          />
          <button type="submit" class="button">
            {t('controls.notify.submit')}
          </button>
        </Form>
      </section>
      <p>
        <a href={`/portal?card=${card.id}`}>{t('controls.back')}</a>
      </p>
    </>,
  );
}
