import { AddressFields } from '../../account/views/address-fields.tsx';
import { formatYen } from '../../i18n/format.ts';
import { ErrorSummary, Field, type FieldErrors, Form } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { CardApplicationResult } from '../apply.ts';
import { incomeBands } from '../screening.ts';

/** The card application form. */
export function renderApplyPage(
  c: AppContext,
  props: { values?: Record<string, string>; errors?: FieldErrors; status?: 200 | 400 } = {},
) {
  const t = c.get('t');
  const v = props.values ?? {};
  const bandError = props.errors?.incomeBand;
  return renderPage(
    c,
    { title: t('cards.apply.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('cards.apply.title')}</h1>
      <p class="lead">{t('cards.apply.lead')}</p>
      <ErrorSummary t={t} errors={props.errors ?? {}} />
      <Form c={c} action="/cards/apply" class="stack" novalidate>
        <Field
          name="nameKanji"
          label={t('cards.apply.nameKanji')}
          hint={t('cards.apply.nameKanji.hint')}
          value={v.nameKanji}
          error={props.errors?.nameKanji}
          autocomplete="name"
          required
          maxlength={50}
        />
        <Field
          name="nameKana"
          label={t('cards.apply.nameKana')}
          hint={t('cards.apply.nameKana.hint')}
          value={v.nameKana}
          error={props.errors?.nameKana}
          required
          maxlength={50}
        />
        <Field
          name="holderName"
          label={t('cards.apply.holderName')}
          hint={t('cards.apply.holderName.hint')}
          value={v.holderName}
          error={props.errors?.holderName}
          autocomplete="cc-name"
          required
          maxlength={100}
        />
        <Field
          name="birthDate"
          type="date"
          label={t('cards.apply.birthDate')}
          value={v.birthDate}
          error={props.errors?.birthDate}
          autocomplete="bday"
          required
        />
        <Field
          name="phone"
          type="tel"
          label={t('cards.apply.phone')}
          value={v.phone}
          error={props.errors?.phone}
          autocomplete="tel"
          required
          maxlength={20}
        />
        <fieldset class="field">
          <legend>{t('cards.apply.address')}</legend>
          <p class="hint">{t('cards.apply.address.hint')}</p>
          <AddressFields t={t} values={v} errors={props.errors ?? {}} />
        </fieldset>
        <div class={bandError ? 'field has-error' : 'field'}>
          <label for="f-incomeBand">{t('cards.apply.incomeBand')}</label>
          {bandError ? (
            <p class="field-error" id="f-incomeBand-error">
              {bandError}
            </p>
          ) : null}
          <select
            id="f-incomeBand"
            name="incomeBand"
            required
            aria-invalid={bandError ? 'true' : undefined}
            aria-describedby={bandError ? 'f-incomeBand-error' : undefined}
          >
            <option value="">—</option>
            {incomeBands.map((band) => (
              <option value={band} selected={v.incomeBand === band}>
                {t(`cards.apply.income.${band}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="startPin"
          type="password"
          label={t('cards.apply.startPin')}
          hint={t('cards.apply.startPin.hint')}
          error={props.errors?.startPin}
          autocomplete="off"
          inputmode="numeric"
          required
          maxlength={4}
        />
        <Field
          name="startPinConfirm"
          type="password"
          label={t('cards.apply.startPinConfirm')}
          error={props.errors?.startPinConfirm}
          autocomplete="off"
          inputmode="numeric"
          required
          maxlength={4}
        />
        <button type="submit" class="button primary wide">
          {t('cards.apply.submit')}
        </button>
      </Form>
    </>,
  );
}

/** The screening result: issued with its limit and last 4 digits, or declined with the reason. */
export function renderApplyResultPage(c: AppContext, result: CardApplicationResult) {
  const t = c.get('t');
  const lang = c.get('lang');
  const issued = result.decision === 'issued';
  const title = t(issued ? 'cards.apply.issued.title' : 'cards.apply.declined.title');
  return renderPage(
    c,
    { title, narrow: true },
    <>
      <h1>{title}</h1>
      <div class={issued ? 'notice notice-success' : 'notice notice-warning'} role="status">
        <p>
          {result.decision === 'issued'
            ? t('cards.apply.issued.body', {
                limit: formatYen(lang, result.creditLimit),
                last4: result.last4,
              })
            : t(`cards.apply.declined.${result.reason}`)}
        </p>
      </div>
      <p class="button-row">
        <a class="button primary" href="/portal">
          {t('cards.apply.toPortal')}
        </a>
      </p>
    </>,
  );
}
