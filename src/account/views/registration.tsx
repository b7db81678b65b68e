import type { Translate } from '../../i18n/index.ts';
import { ErrorSummary, Field, type FieldErrors, Form } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { RegistrationDetails, RegistrationItem } from '../registration.ts';
import { AddressFields, formatAddress } from './address-fields.tsx';

/** The details as settings and the console show them (the account number as its last 3 digits only). */
export function RegistrationFacts(props: { t: Translate; details: RegistrationDetails }) {
  const { t, details: d } = props;
  const notSet = <span class="muted">{t('registration.notSet')}</span>;
  return (
    <dl class="account-facts">
      <dt>{t('registration.address')}</dt>
      <dd>{d.address ? formatAddress(t, d.address) : notSet}</dd>
      <dt>{t('registration.phone')}</dt>
      <dd>{d.phone ?? notSet}</dd>
      <dt>{t('registration.bank')}</dt>
      <dd>
        {d.bank
          ? t('registration.bank.value', {
              bank: d.bank.bankName,
              branch: d.bank.bankBranch,
              type: t(`registration.bank.type.${d.bank.accountType}`),
              last3: d.bank.last3,
              holder: d.bank.holder,
            })
          : notSet}
      </dd>
      <dt>{t('registration.notifications')}</dt>
      <dd>
        {t('registration.notifications.value', {
          lang: t(`registration.lang.${d.mailLang}`),
          marketing: t(d.marketingMail ? 'registration.marketing.on' : 'registration.marketing.off'),
        })}
      </dd>
    </dl>
  );
}

function PasswordField(props: { t: Translate; errors: FieldErrors }) {
  return (
    <Field
      name="currentPassword"
      type="password"
      label={props.t('registration.currentPassword')}
      error={props.errors.currentPassword}
      autocomplete="current-password"
      required
    />
  );
}

export interface RegistrationPageProps {
  /** The item whose form the page shows. */
  item: RegistrationItem;
  details: RegistrationDetails;
  /** The form that was sent with problems: its values are kept (never the password) and its errors shown. */
  failed?: { item: RegistrationItem; values: Record<string, string>; errors: FieldErrors };
  status?: 200 | 400 | 429;
}

/**
 * /settings/registration/{address,phone,bank,notifications}: the form of one item, asking for the current
 * password. A form sent with problems comes back with what was typed (never the password or the account
 * number) and a message per field.
 */
export function renderRegistrationPage(c: AppContext, props: RegistrationPageProps) {
  const t = c.get('t');
  const { details: d, failed } = props;
  const stored: Record<RegistrationItem, Record<string, string | undefined>> = {
    address: {
      postalCode: d.address?.postalCode,
      prefecture: d.address?.prefecture,
      addressLine1: d.address?.addressLine1,
      addressLine2: d.address?.addressLine2,
    },
    phone: { phone: d.phone ?? undefined },
    bank_account: {
      bankName: d.bank?.bankName,
      bankBranch: d.bank?.bankBranch,
      accountType: d.bank?.accountType,
      accountHolder: d.bank?.holder,
    },
    notifications: { mailLang: d.mailLang, marketingMail: d.marketingMail ? 'yes' : undefined },
  };
  const valuesOf = (item: RegistrationItem) => (failed?.item === item ? failed.values : stored[item]);
  const errorsOf = (item: RegistrationItem): FieldErrors => (failed?.item === item ? failed.errors : {});
  const bank = valuesOf('bank_account');
  const notifications = valuesOf('notifications');
  return renderPage(
    c,
    { title: t('registration.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('registration.title')}</h1>
      <p class="lead">{t('registration.lead')}</p>

      {props.item === 'address' ? (
        <section class="panel" aria-labelledby="reg-address">
          <h2 id="reg-address">{t('registration.address')}</h2>
          <ErrorSummary t={t} errors={errorsOf('address')} />
          <Form c={c} action="/settings/registration/address" class="stack" novalidate>
            <AddressFields t={t} values={valuesOf('address')} errors={errorsOf('address')} />
            <PasswordField t={t} errors={errorsOf('address')} />
            <button type="submit" class="button primary">
              {t('registration.submit.address')}
            </button>
          </Form>
        </section>
      ) : null}

      {props.item === 'phone' ? (
        <section class="panel" aria-labelledby="reg-phone">
          <h2 id="reg-phone">{t('registration.phone')}</h2>
          <ErrorSummary t={t} errors={errorsOf('phone')} />
          <Form c={c} action="/settings/registration/phone" class="stack" novalidate>
            <Field
              name="phone"
              type="tel"
              label={t('registration.phone')}
              hint={t('registration.phone.hint')}
              value={valuesOf('phone').phone}
              error={errorsOf('phone').phone}
              autocomplete="tel"
              inputmode="tel"
              required
              maxlength={20}
            />
            <PasswordField t={t} errors={errorsOf('phone')} />
            <button type="submit" class="button primary">
              {t('registration.submit.phone')}
            </button>
          </Form>
        </section>
      ) : null}

      {props.item === 'bank_account' ? (
        <section class="panel" aria-labelledby="reg-bank">
          <h2 id="reg-bank">{t('registration.bank')}</h2>
          <p class="hint">{t('registration.bank.masked')}</p>
          <ErrorSummary t={t} errors={errorsOf('bank_account')} />
          <Form c={c} action="/settings/registration/bank" class="stack" novalidate>
            <Field
              name="bankName"
              label={t('registration.bank.name')}
              value={bank.bankName}
              error={errorsOf('bank_account').bankName}
              required
              maxlength={40}
            />
            <Field
              name="bankBranch"
              label={t('registration.bank.branch')}
              value={bank.bankBranch}
              error={errorsOf('bank_account').bankBranch}
              required
              maxlength={40}
            />
            <fieldset class={errorsOf('bank_account').accountType ? 'field has-error' : 'field'}>
              <legend>{t('registration.bank.type')}</legend>
              {errorsOf('bank_account').accountType ? (
                <p class="field-error">{errorsOf('bank_account').accountType}</p>
              ) : null}
              {(['ordinary', 'current'] as const).map((type) => (
                <label class="choice">
                  <input type="radio" name="accountType" value={type} checked={bank.accountType === type} />{' '}
                  {t(`registration.bank.type.${type}`)}
                </label>
              ))}
            </fieldset>
            <Field
              name="accountNumber"
              label={t('registration.bank.number')}
              error={errorsOf('bank_account').accountNumber}
              autocomplete="off"
              inputmode="numeric"
              required
              maxlength={20}
            />
            <Field
              name="accountHolder"
              label={t('registration.bank.holder')}
              value={bank.accountHolder}
              error={errorsOf('bank_account').accountHolder}
              required
              maxlength={40}
            />
            <PasswordField t={t} errors={errorsOf('bank_account')} />
            <button type="submit" class="button primary">
              {t('registration.submit.bank')}
            </button>
          </Form>
        </section>
      ) : null}

      {props.item === 'notifications' ? (
        <section class="panel" aria-labelledby="reg-notifications">
          <h2 id="reg-notifications">{t('registration.notifications')}</h2>
          <ErrorSummary t={t} errors={errorsOf('notifications')} />
          <Form c={c} action="/settings/registration/notifications" class="stack" novalidate>
            <fieldset class={errorsOf('notifications').mailLang ? 'field has-error' : 'field'}>
              <legend>{t('registration.mailLang')}</legend>
              {errorsOf('notifications').mailLang ? (
                <p class="field-error">{errorsOf('notifications').mailLang}</p>
              ) : null}
              {(['ja', 'en'] as const).map((lang) => (
                <label class="choice">
                  <input
                    type="radio"
                    name="mailLang"
                    value={lang}
                    checked={notifications.mailLang === lang}
                  />{' '}
                  {t(`registration.lang.${lang}`)}
                </label>
              ))}
            </fieldset>
            <div class="field">
              <label class="choice">
                <input
                  type="checkbox"
                  name="marketingMail"
                  value="yes"
                  checked={notifications.marketingMail === 'yes'}
                  aria-describedby="f-marketingMail-hint"
                />{' '}
                {t('registration.marketing')}
              </label>
              <p class="hint" id="f-marketingMail-hint">
                {t('registration.marketing.hint')}
              </p>
            </div>
            <PasswordField t={t} errors={errorsOf('notifications')} />
            <button type="submit" class="button primary">
              {t('registration.submit.notifications')}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <a href="/settings">{t('account.title')}</a>
      </p>
    </>,
  );
}
