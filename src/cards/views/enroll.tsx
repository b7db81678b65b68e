import { errorHelpPath } from '../../errors/catalog.ts';
import { plural } from '../../i18n/format.ts';
import { ErrorSummary, Field, type FieldErrors, Form } from '../../web/components.tsx';
import type { AppContext, MemberContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import { renderCodedErrorPage } from '../../web/pages.tsx';
import { maskCardNumber } from '../card-number.ts';
import { startPinLimit } from '../start-pin.ts';

/** The card of the previous try: sealed for the hidden field, and the last 4 digits to show. */
export interface KeptCard {
  sealed: string;
  last4: string;
}

export interface EnrollViewProps {
  values?: Record<string, string>;
  keptCard?: KeptCard;
  errors?: FieldErrors;
  /** P03 (no match) or a wrong PIN with the attempts left. */
  failure?: { code: 'P03' } | { code: 'P05'; remaining: number };
  hasEnrolledCard?: boolean;
  status?: 200 | 400 | 401 | 422;
}

/** The start procedure form. English labels "Card number", "Date of birth", "Start PIN", button "Enroll". */
export function renderEnrollPage(c: AppContext, props: EnrollViewProps = {}) {
  const t = c.get('t');
  const { config } = c.get('deps');
  const failure = props.failure;
  return renderPage(
    c,
    { title: t('cards.enroll.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('cards.enroll.title')}</h1>
      <p class="lead">{t('cards.enroll.lead')}</p>
      {failure?.code === 'P03' ? (
        <div class="notice notice-error" role="alert" id="enroll-error">
          <p>
            <strong>{t('error.P03.title')}</strong>
          </p>
          <p>{t('error.P03.explanation')}</p>
          <p>{t('error.P03.action')}</p>
          <p>
            <a href={errorHelpPath('P03')}>{t('error.code', { code: 'P03' })}</a>
          </p>
        </div>
      ) : null}
      {failure?.code === 'P05' ? (
        <div class="notice notice-error" role="alert" id="enroll-error">
          <p>
            <strong>{t('error.P05.title')}</strong>
          </p>
          <p class="remaining-attempts">
            {t(
              plural(c.get('lang'), failure.remaining, {
                one: 'cards.enroll.wrongPin.remaining.one',
                other: 'cards.enroll.wrongPin.remaining.other',
              }),
              { remaining: failure.remaining },
            )}
          </p>
          <p>{t('cards.enroll.wrongPin.forgot')}</p>
          <p>
            <a href={errorHelpPath('P05')}>{t('error.code', { code: 'P05' })}</a>
          </p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={props.errors ?? {}} />
      <Form c={c} action="/portal/enroll" class="stack" novalidate>
        {props.keptCard ? (
          <>
            <input type="hidden" name="cardNumberKept" value={props.keptCard.sealed} />
            <p class="notice" id="kept-card">
              {t('cards.enroll.keptCard', { card: maskCardNumber(props.keptCard.last4) })}
            </p>
          </>
        ) : null}
        <Field
          name="cardNumber"
          label={t('cards.enroll.cardNumber')}
          hint={t(props.keptCard ? 'cards.enroll.cardNumber.keptHint' : 'cards.enroll.cardNumber.hint')}
          value={props.values?.cardNumber}
          error={props.errors?.cardNumber}
          autocomplete="cc-number"
          inputmode="numeric"
          required={!props.keptCard}
          maxlength={40}
        />
        <Field
          name="birthDate"
          type="date"
          label={t('cards.enroll.birthDate')}
          hint={t('cards.enroll.birthDate.hint')}
          value={props.values?.birthDate}
          error={props.errors?.birthDate}
          autocomplete="bday"
          required
        />
        <Field
          name="startPin"
          type="password"
          label={t('cards.enroll.startPin')}
          hint={t('cards.enroll.startPin.hint', { max: startPinLimit(config) })}
          error={props.errors?.startPin}
          autocomplete="off"
          inputmode="numeric"
          required
          maxlength={4}
        />
        <button type="submit" class="button primary wide">
          {t('cards.enroll.submit')}
        </button>
      </Form>
      <section class="panel">
        <h2>{t('cards.enroll.noCard')}</h2>
        <p class="button-row">
          <a class="button" href="/cards/apply">
            {t('cards.enroll.apply')}
          </a>
          {props.hasEnrolledCard ? (
            <a class="button" href="/portal">
              {t('cards.enroll.back')}
            </a>
          ) : null}
        </p>
      </section>
    </>,
  );
}

/** P01: the start procedure is locked; what to have ready when calling, and the contact box. */
export function renderStartPinLockedPage(c: AppContext) {
  const t = c.get('t');
  return renderCodedErrorPage(
    c,
    'P01',
    <section class="prepare" aria-labelledby="prepare-title">
      <h2 id="prepare-title">{t('cards.enroll.prepare.title')}</h2>
      <ul>
        <li>{t('cards.enroll.prepare.card')}</li>
        <li>{t('cards.enroll.prepare.birth')}</li>
        <li>{t('cards.enroll.prepare.memberId')}</li>
        <li>{t('cards.enroll.prepare.phone')}</li>
      </ul>
    </section>,
  );
}

/** P02: the card belongs to another member ID, shown masked, with a way to switch IDs. */
export function renderOtherMemberIdPage(c: MemberContext, maskedId: string) {
  const t = c.get('t');
  return renderCodedErrorPage(
    c,
    'P02',
    <>
      <p class="notice notice-warning" id="applied-with">
        {t('cards.enroll.appliedWith', { maskedId, currentId: c.get('member').userId })}
      </p>
      <Form c={c} action="/logout" class="inline">
        <button type="submit" class="button">
          {t('cards.enroll.logoutAndRetry')}
        </button>
      </Form>
    </>,
  );
}
