import { formatMoment } from '../../i18n/format.ts';
import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import type { AuditVerification } from '../audit.ts';
import { auditActionLabel, auditDetailLines } from '../labels.ts';
import type { listRecentAuditRows, listStaff } from '../repository.ts';
import { STAFF_ROLES } from '../tables.ts';
import { renderConsolePage } from './frame.tsx';

/** Supervisor: the chain check and the newest audit rows, in words (no codes, ids or JSON). */
export function renderAuditPage(
  c: AppContext,
  check: AuditVerification,
  brokenAt: Date | undefined,
  rows: Awaited<ReturnType<typeof listRecentAuditRows>>,
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const zone = c.get('deps').config.contact.timeZone;
  return renderConsolePage(
    c,
    { title: t('support.audit.title') },
    <>
      <h1>{t('support.audit.title')}</h1>
      {check.ok ? (
        <Notice kind="success">{t('support.audit.ok', { rows: check.rows })}</Notice>
      ) : (
        <Notice kind="error">{t('support.audit.broken', { at: formatMoment(lang, brokenAt, zone) })}</Notice>
      )}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('support.events.at')}</th>
              <th scope="col">{t('support.audit.staff')}</th>
              <th scope="col">{t('support.audit.action')}</th>
              <th scope="col">{t('support.audit.member')}</th>
              <th scope="col">{t('support.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{formatMoment(lang, r.at, zone)}</td>
                <td>{r.staff_login ?? '—'}</td>
                <td>{auditActionLabel(t, r.action)}</td>
                <td>
                  {r.member_id === null ? (
                    '—'
                  ) : r.member_user_id ? (
                    <a href={`/support/members/${r.member_id}`}>{r.member_user_id}</a>
                  ) : (
                    t('support.audit.memberGone')
                  )}
                  {r.card_last4 ? ` / ${t('support.card.last4', { last4: r.card_last4 })}` : ''}
                </td>
                <td>
                  {r.reason ? <p>{r.reason}</p> : null}
                  <DetailLines lines={auditDetailLines(t, lang, zone, r)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  );
}

/** An audit row's before/after as labelled lines (also on the member case). */
export function DetailLines(props: { lines: string[] }) {
  if (props.lines.length === 0) return null;
  return (
    <ul class="details">
      {props.lines.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  );
}

export interface StaffPageProps {
  values?: Record<string, string>;
  errors?: FieldErrors;
  created?: { login: string; totpSecret: string; totpUri: string };
  status?: 200 | 400 | 409;
}

/** Admin: staff accounts, and a form to create one (its TOTP secret is shown once, here). */
export function renderStaffPage(
  c: AppContext,
  staff: Awaited<ReturnType<typeof listStaff>>,
  props: StaffPageProps = {},
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const zone = c.get('deps').config.contact.timeZone;
  const aids = { show: t('password.show'), hide: t('password.hide'), capsLock: t('password.capsLock') };
  return renderConsolePage(
    c,
    { title: t('support.staff.title'), status: props.status ?? 200 },
    <>
      <h1>{t('support.staff.title')}</h1>
      {props.created ? (
        <div class="notice notice-success" role="status">
          <p>
            <strong>{t('support.staff.created', { login: props.created.login })}</strong>
          </p>
          <p>{t('support.staff.secretOnce')}</p>
          <p>
            {t('support.staff.secret')}: <code>{props.created.totpSecret}</code>
          </p>
          <p class="break">
            <code>{props.created.totpUri}</code>
          </p>
        </div>
      ) : null}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('support.login.login')}</th>
              <th scope="col">{t('support.staff.name')}</th>
              <th scope="col">{t('support.staff.role')}</th>
              <th scope="col">{t('support.staff.state')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr>
                <td>{s.login}</td>
                <td>{s.display_name}</td>
                <td>{t(`support.role.${s.role}`)}</td>
                <td>
                  {!s.active
                    ? t('support.staff.inactive')
                    : s.locked_until && s.locked_until > c.get('deps').now()
                      ? t('support.member.lockedUntil', { until: formatMoment(lang, s.locked_until, zone) })
                      : t('support.staff.active')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-staff-title" class="panel">
        <h2 id="new-staff-title">{t('support.staff.new')}</h2>
        <ErrorSummary t={t} errors={props.errors ?? {}} />
        <Form c={c} action="/support/staff" class="stack" novalidate>
          <Field
            name="login"
            label={t('support.login.login')}
            hint={t('support.staff.login.hint')}
            value={props.values?.login}
            error={props.errors?.login}
            autocomplete="off"
            maxlength={64}
          />
          <Field
            name="displayName"
            label={t('support.staff.name')}
            value={props.values?.displayName}
            error={props.errors?.displayName}
            autocomplete="off"
            maxlength={100}
          />
          <div class="field">
            <label for="f-role">{t('support.staff.role')}</label>
            <select id="f-role" name="role">
              {STAFF_ROLES.map((r) => (
                <option value={r} selected={props.values?.role === r}>
                  {t(`support.role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="password"
            type="password"
            label={t('support.login.password')}
            hint={t('support.staff.password.hint')}
            error={props.errors?.password}
            autocomplete="new-password"
            passwordAids={aids}
          />
          <button type="submit" class="button primary">
            {t('support.staff.create')}
          </button>
        </Form>
      </section>
    </>,
  );
}
