import type { Child } from 'hono/jsx';
import { type ErrorCode, errorCatalog, errorHelpPath } from '../errors/catalog.ts';
import { telHref } from '../i18n/format.ts';
import type { Translate } from '../i18n/index.ts';
import { isContactCenterOpen } from './contact.ts';
import type { AppContext } from './context.ts';

/** Field-level validation messages, already translated, keyed by field name. */
export type FieldErrors = Partial<Record<string, string>>;

/** A POST form with the anti-CSRF token. */
export function Form(props: {
  c: AppContext;
  action: string;
  children: Child;
  class?: string;
  novalidate?: boolean;
}) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate={props.novalidate}>
      <input type="hidden" name="_csrf" value={props.c.get('csrfToken')} />
      {props.children}
    </form>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'number';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text' | 'tel';
  required?: boolean;
  maxlength?: number;
  pattern?: string;
  /** Adds the show-password toggle and caps-lock warning (progressive enhancement in app.js). */
  passwordAids?: { show: string; hide: string; capsLock: string };
  /** A multi-line text area of this many rows instead of a one-line input. */
  rows?: number;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field(props: FieldProps) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.rows ? (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows}
          required={props.required}
          maxlength={props.maxlength}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
        >
          {props.value ?? ''}
        </textarea>
      ) : (
        <div class={props.passwordAids ? 'input-row' : undefined}>
          <input
            id={id}
            name={props.name}
            type={props.type ?? 'text'}
            value={props.type === 'password' ? undefined : props.value}
            autocomplete={props.autocomplete}
            inputmode={props.inputmode}
            required={props.required}
            maxlength={props.maxlength}
            pattern={props.pattern}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={describedBy || undefined}
            data-password-aids={props.passwordAids ? '' : undefined}
            autocapitalize="off"
            spellcheck={false}
          />
          {props.passwordAids ? (
            <button
              type="button"
              class="toggle-password"
              hidden
              aria-controls={id}
              aria-pressed="false"
              data-show={props.passwordAids.show}
              data-hide={props.passwordAids.hide}
            >
              {props.passwordAids.show}
            </button>
          ) : null}
        </div>
      )}
      {props.passwordAids ? (
        <p class="caps-warning" id={`${id}-caps`} hidden role="status">
          {props.passwordAids.capsLock}
        </p>
      ) : null}
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field (GOV.UK pattern). */
export function ErrorSummary(props: { t: Translate; errors: FieldErrors }) {
  const entries = Object.entries(props.errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{props.t('form.errors.heading')}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#f-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice(props: {
  kind: 'info' | 'success' | 'warning' | 'error';
  children: Child;
  role?: string;
}) {
  return (
    <div
      class={`notice notice-${props.kind}`}
      role={props.role ?? (props.kind === 'error' ? 'alert' : 'status')}
    >
      {props.children}
    </div>
  );
}

/** The contact center's numbers, hours and whether it is open now. */
export function ContactBox(props: { c: AppContext }) {
  const t = props.c.get('t');
  const { config, now } = props.c.get('deps');
  const open = isContactCenterOpen(config, now());
  return (
    <section class="contact-box" aria-labelledby="contact-box-title">
      <h2 id="contact-box-title">{t('nav.contact')}</h2>
      <p class="phone">
        <span>{t('contact.phone')}: </span>
        <a href={telHref(config.contact.phoneNavi)}>{config.contact.phoneNavi}</a>
        {' / '}
        <a href={telHref(config.contact.phoneLandline)}>{config.contact.phoneLandline}</a>
      </p>
      <p>{t('contact.hours', { opens: config.contact.opens, closes: config.contact.closes })}</p>
      <p class="muted">{t('contact.paid')}</p>
      <p class={open ? 'badge badge-open' : 'badge badge-closed'}>
        {t(open ? 'contact.open' : 'contact.closed')}
      </p>
    </section>
  );
}

/** A coded error from the catalog: title, explanation, what to do, the code with its help link, and the contact box when only the contact center can help. */
export function CodedError(props: { c: AppContext; code: ErrorCode; children?: Child }) {
  const t = props.c.get('t');
  const { code } = props;
  return (
    <section class="coded-error" aria-labelledby="coded-error-title">
      <h1 id="coded-error-title">{t(`error.${code}.title`)}</h1>
      <p class="error-code">{t('error.code', { code })}</p>
      <p>{t(`error.${code}.explanation`)}</p>
      <p>
        <strong>{t(`error.${code}.action`)}</strong>
      </p>
      {props.children}
      <p>
        <a href={errorHelpPath(code)}>{t('error.more')}</a>
      </p>
      {errorCatalog[code].contactCenter ? <ContactBox c={props.c} /> : null}
    </section>
  );
}

/**
 * A scrollable table: column headings and rows of cells (tables on phones scroll sideways, not the page).
 * With `label`, the scrolling box is a named region that takes keyboard focus, so a table without links or
 * buttons can still be scrolled from the keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function DataTable(props: { head: Child[]; rows: Child[][]; caption?: string; label?: string }) {
  return (
    <div
      class="table-scroll"
      {...(props.label ? { role: 'region', 'aria-label': props.label, tabindex: 0 } : {})}
    >
      <table>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
