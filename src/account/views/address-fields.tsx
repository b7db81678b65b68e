import type { Translate } from '../../i18n/index.ts';
import { Field, type FieldErrors } from '../../web/components.tsx';
import { type PostalAddress, prefectureCodes } from '../address.ts';

/** '〒100-0001 東京都 千代田区千代田1-1 ○○ビル' in the page's language. */
export function formatAddress(t: Translate, a: PostalAddress): string {
  return [`〒${a.postalCode}`, t(`prefecture.${a.prefecture}`), a.addressLine1, a.addressLine2 ?? '']
    .filter(Boolean)
    .join(' ');
}

/** Postal code, prefecture, city/street and building: the settings address form and the card application. */
export function AddressFields(props: {
  t: Translate;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
}) {
  const { t, values: v, errors } = props;
  const prefectureError = errors.prefecture;
  return (
    <>
      <Field
        name="postalCode"
        label={t('registration.postalCode')}
        hint={t('registration.postalCode.hint')}
        value={v.postalCode}
        error={errors.postalCode}
        autocomplete="postal-code"
        inputmode="numeric"
        required
        maxlength={20}
      />
      <div class={prefectureError ? 'field has-error' : 'field'}>
        <label for="f-prefecture">{t('registration.prefecture')}</label>
        {prefectureError ? (
          <p class="field-error" id="f-prefecture-error">
            {prefectureError}
          </p>
        ) : null}
        <select
          id="f-prefecture"
          name="prefecture"
          autocomplete="address-level1"
          required
          aria-invalid={prefectureError ? 'true' : undefined}
          aria-describedby={prefectureError ? 'f-prefecture-error' : undefined}
        >
          <option value="">—</option>
          {prefectureCodes.map((code) => (
            <option value={code} selected={v.prefecture === code}>
              {t(`prefecture.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="addressLine1"
        label={t('registration.addressLine1')}
        value={v.addressLine1}
        error={errors.addressLine1}
        autocomplete="address-line1"
        required
        maxlength={100}
      />
      <Field
        name="addressLine2"
        label={t('registration.addressLine2')}
        value={v.addressLine2}
        error={errors.addressLine2}
        autocomplete="address-line2"
        maxlength={100}
      />
    </>
  );
}
