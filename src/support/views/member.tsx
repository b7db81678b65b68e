import { formatMoment } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import { DataTable, ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { auditActionLabel, auditDetailLines, authEventLabel, authReasonLabel } from '../labels.ts';
import type { MemberCase } from '../member-case.ts';
import { roleAtLeast } from '../roles.ts';
import type { VerificationItems } from '../verify-identity.ts';
import { DetailLines } from './admin.tsx';
import { renderConsolePage } from './frame.tsx';

/** Notices after an action (the ?done= value of the redirect). */
export const DONE_NOTICES = {
  pin: 'support.done.pin',
  pinReissued: 'support.done.pinReissued',
  emailRequested: 'support.done.emailRequested',
  emailApproved: 'support.done.emailApproved',
  emailRejected: 'support.done.emailRejected',
  login: 'support.done.login',
  reset: 'support.done.reset',
  withdrawn: 'support.done.withdrawn',
  card: 'support.done.card',
  note: 'support.done.note',
  twoStep: 'support.done.twoStep',
  verified: 'support.done.verified',
} as const;
export type DoneNotice = keyof typeof DONE_NOTICES;

export interface MemberPageProps {
  done?: DoneNotice | undefined;
  /** The outcome of the verification just submitted. */
  attempt?: { passed: boolean; items: VerificationItems };
  verifyValues?: Record<string, string>;
  verifyErrors?: FieldErrors;
  reasonErrors?: FieldErrors;
  /** The operator-assisted email change form, kept as typed after an error. */
  emailValues?: Record<string, string>;
  emailErrors?: FieldErrors;
  /** A supervisor's rejection of an email change (its reason). */
  decisionErrors?: FieldErrors;
  noteErrors?: FieldErrors;
  noteValue?: string | undefined;
  status?: 200 | 400 | 409 | 422 | 429;
}

const ITEMS: (keyof VerificationItems)[] = ['fullName', 'birthDate', 'phone', 'cardNumber'];

/** Who acted in an audit row without staff: the member (card controls) or a batch (reissue). */
function actorOf(t: Translate, after: unknown): string {
  const actor = after && typeof after === 'object' ? (after as { actor?: unknown }).actor : undefined;
  if (actor === 'member') return t('support.history.byMember');
  if (actor === 'system') return t('support.history.bySystem');
  return '—';
}

/** One member's case: summary, cards, identity verification, then the actions it unlocks. */
export function renderMemberPage(c: AppContext, data: MemberCase, props: MemberPageProps = {}) {
  const t = c.get('t');
  const lang = c.get('lang');
  const staff = c.get('staff');
  const zone = c.get('deps').config.contact.timeZone;
  const { member, cards, verification } = data;
  const base = `/support/members/${member.id}`;
  const when = (d: Date | string | null | undefined) => formatMoment(lang, d, zone);
  return renderConsolePage(
    c,
    { title: t('support.member.title', { userId: member.userId }), status: props.status ?? 200 },
    <>
      <h1>{t('support.member.title', { userId: member.userId })}</h1>
      {props.done ? <Notice kind="success">{t(DONE_NOTICES[props.done])}</Notice> : null}
      <dl class="facts">
        <dt>{t('support.member.userId')}</dt>
        <dd>{member.userId}</dd>
        <dt>{t('support.member.email')}</dt>
        <dd>{member.maskedEmail}</dd>
        <dt>{t('support.member.status')}</dt>
        <dd>{t(`support.memberStatus.${member.status}`)}</dd>
        <dt>{t('support.member.loginLock')}</dt>
        <dd>
          {member.loginLockedUntil
            ? t('support.member.lockedUntil', { until: when(member.loginLockedUntil) })
            : t('support.member.notLocked', { failures: member.failedLogins })}
        </dd>
      </dl>

      <section aria-labelledby="cards-title">
        <h2 id="cards-title">{t('support.member.cards')}</h2>
        {cards.length === 0 ? (
          <p>{t('support.member.noCards')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('support.card.card')}</th>
                  <th scope="col">{t('support.card.status')}</th>
                  <th scope="col">{t('support.card.startPin')}</th>
                  <th scope="col">{t('support.card.enrollment')}</th>
                  <th scope="col">{t('support.card.appliedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {cards.map((card) => (
                  <tr>
                    <td>{t('support.card.last4', { last4: card.last4 })}</td>
                    <td>
                      {t(`support.cardStatus.${card.status}`)}
                      {card.lockedByMember ? ` (${t('support.card.lockedByMember')})` : ''}
                    </td>
                    <td>
                      {card.startPinLocked
                        ? t('support.card.pinLocked', { failures: card.startPinFailures })
                        : t('support.card.pinOpen', { failures: card.startPinFailures })}
                    </td>
                    <td>
                      {card.enrolledByMemberId === null
                        ? t('support.card.notEnrolled')
                        : card.enrolledByMemberId === member.id
                          ? t('support.card.enrolledHere')
                          : t('support.card.enrolledElsewhere', { userId: card.enrolledByUserId ?? '—' })}
                    </td>
                    <td>{member.userId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="verify-title" class="panel">
        <h2 id="verify-title">{t('support.verify.title')}</h2>
        {props.attempt ? (
          <div
            class={props.attempt.passed ? 'notice notice-success' : 'notice notice-error'}
            role={props.attempt.passed ? 'status' : 'alert'}
            id="verify-result"
          >
            <p>
              <strong>{t(props.attempt.passed ? 'support.verify.passed' : 'support.verify.failed')}</strong>
            </p>
            <ul class="checklist">
              {ITEMS.map((item) => (
                <li class={props.attempt?.items[item] ? 'match' : 'no-match'}>
                  {t(`support.verify.${item}`)}:{' '}
                  {t(props.attempt?.items[item] ? 'support.verify.match' : 'support.verify.noMatch')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {verification ? (
          <Notice kind="info">
            {t('support.verify.validUntil', { until: when(verification.expires_at) })}
          </Notice>
        ) : cards.length === 0 ? (
          <p>{t('support.verify.noCard')}</p>
        ) : (
          <>
            <p>{t('support.verify.lead')}</p>
            <ErrorSummary t={t} errors={props.verifyErrors ?? {}} />
            <Form c={c} action={`${base}/verify`} class="stack" novalidate>
              <div class="field">
                <label for="f-cardId">{t('support.verify.card')}</label>
                <select id="f-cardId" name="cardId">
                  {cards.map((card) => (
                    <option value={String(card.id)} selected={props.verifyValues?.cardId === String(card.id)}>
                      {t('support.card.last4', { last4: card.last4 })}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                name="fullName"
                value={props.verifyValues?.fullName}
                label={t('support.verify.fullName')}
                hint={t('support.verify.fullName.hint')}
                error={props.verifyErrors?.fullName}
                autocomplete="off"
                maxlength={100}
              />
              <Field
                name="birthDate"
                value={props.verifyValues?.birthDate}
                type="date"
                label={t('support.verify.birthDate')}
                error={props.verifyErrors?.birthDate}
                autocomplete="off"
              />
              <Field
                name="phone"
                value={props.verifyValues?.phone}
                type="tel"
                label={t('support.verify.phone')}
                error={props.verifyErrors?.phone}
                autocomplete="off"
                maxlength={30}
              />
              <Field
                name="cardNumber"
                label={t('support.verify.cardNumber')}
                error={props.verifyErrors?.cardNumber}
                autocomplete="off"
                inputmode="numeric"
                maxlength={30}
              />
              <button type="submit" class="button primary">
                {t('support.verify.submit')}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('support.actions.title')}</h2>
        {verification ? (
          <>
            <div class="button-row">
              {/* Unlock buttons only while something is locked: nothing to press once it is undone. */}
              {cards
                .filter((card) => card.startPinLocked)
                .map((card) => (
                  <Form c={c} action={`${base}/cards/${card.id}/unlock-pin`} class="inline-form">
                    <button type="submit" class="button">
                      {t('support.actions.unlockPin', { last4: card.last4 })}
                    </button>
                  </Form>
                ))}
              {member.loginLockedUntil ? (
                <Form c={c} action={`${base}/unlock-login`} class="inline-form">
                  <button type="submit" class="button">
                    {t('support.actions.unlockLogin')}
                  </button>
                </Form>
              ) : null}
              <Form c={c} action={`${base}/password-reset`} class="inline-form">
                <button type="submit" class="button">
                  {t('support.actions.reset')}
                </button>
              </Form>
            </div>
            <h3>{t('support.reissue.title')}</h3>
            <p>{t('support.reissue.lead')}</p>
            <div class="button-row">
              {cards.map((card) => (
                <Form c={c} action={`${base}/cards/${card.id}/reissue-pin`} class="inline-form">
                  <button type="submit" class="button">
                    {t('support.actions.reissuePin', { last4: card.last4 })}
                  </button>
                </Form>
              ))}
            </div>
            {member.status === 'active' && !data.emailChange ? (
              <Form c={c} action={`${base}/email-change`} class="stack" novalidate>
                <h3>{t('support.emailChange.title')}</h3>
                <p>
                  {t('support.emailChange.lead', {
                    hours: c.get('deps').config.operatorEmailChangeHoldHours,
                  })}
                </p>
                <ErrorSummary t={t} errors={props.emailErrors ?? {}} />
                <Field
                  name="newEmail"
                  type="email"
                  value={props.emailValues?.newEmail}
                  label={t('support.emailChange.newEmail')}
                  error={props.emailErrors?.newEmail}
                  autocomplete="off"
                  maxlength={254}
                />
                <Field
                  name="changeReason"
                  value={props.emailValues?.changeReason}
                  label={t('support.emailChange.reason')}
                  hint={t('support.supervisor.reason.hint')}
                  error={props.emailErrors?.changeReason}
                  maxlength={500}
                />
                <button type="submit" class="button">
                  {t('support.emailChange.submit')}
                </button>
              </Form>
            ) : null}
            <h3>{t('support.twoStep.title')}</h3>
            <p id="two-step-state">
              {data.twoStep?.enabled
                ? `${t('support.twoStep.on')} (${t('support.twoStep.details', {
                    codes: data.twoStep.unusedRecoveryCodes,
                    devices: data.twoStep.rememberedDevices,
                  })})`
                : t('support.twoStep.off')}
            </p>
            {data.twoStep?.enabled ? (
              staff && roleAtLeast(staff.role, 'supervisor') ? (
                <form
                  method="post"
                  action={`${base}/two-step/remove`}
                  class="inline-form"
                  data-confirm={t('support.twoStep.removeConfirm')}
                >
                  <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
                  <button type="submit" class="button danger">
                    {t('support.twoStep.remove')}
                  </button>
                </form>
              ) : (
                <p>{t('support.twoStep.supervisorOnly')}</p>
              )
            ) : null}
            <h3>{t('support.signIns.title')}</h3>
            {data.signIns.length === 0 ? (
              <p>{t('support.signIns.none')}</p>
            ) : (
              <DataTable
                head={[
                  t('signIns.at'),
                  t('signIns.method'),
                  t('signIns.device'),
                  t('signIns.browser'),
                  t('signIns.ip'),
                ]}
                rows={data.signIns.map((s) => [
                  s.atText,
                  t(`signIns.method.${s.method}`),
                  s.device || '—',
                  s.browser || '—',
                  s.ip ?? '—',
                ])}
              />
            )}
            <h3>{t('support.events.title')}</h3>
            {data.events.length === 0 ? (
              <p>{t('support.events.none')}</p>
            ) : (
              <DataTable
                head={[
                  t('support.events.at'),
                  t('support.events.kind'),
                  t('support.events.reason'),
                  t('support.events.ip'),
                ]}
                rows={data.events.map((e) => [
                  when(e.at),
                  authEventLabel(t, e.kind),
                  authReasonLabel(t, e.reason),
                  e.ip ?? '—',
                ])}
              />
            )}
          </>
        ) : (
          <p>{t('support.actions.locked')}</p>
        )}
      </section>

      {data.emailChange ? (
        <section aria-labelledby="email-change-title" class="panel">
          <h2 id="email-change-title">{t('support.emailChange.pendingTitle')}</h2>
          <dl class="facts">
            <dt>{t('support.emailChange.newEmail')}</dt>
            <dd>{data.emailChange.newEmail}</dd>
            <dt>{t('support.emailChange.requestedBy')}</dt>
            <dd>
              {data.emailChange.requestedBy} · {when(data.emailChange.requestedAt)}
            </dd>
            <dt>{t('support.emailChange.reason')}</dt>
            <dd>{data.emailChange.reason}</dd>
          </dl>
          {staff && roleAtLeast(staff.role, 'supervisor') && staff.id !== data.emailChange.requestedById ? (
            <>
              <p>{t('support.emailChange.approveLead')}</p>
              <Form c={c} action={`${base}/email-change/${data.emailChange.id}/approve`} class="inline-form">
                <button type="submit" class="button primary">
                  {t('support.emailChange.approve')}
                </button>
              </Form>
              <Form
                c={c}
                action={`${base}/email-change/${data.emailChange.id}/reject`}
                class="stack"
                novalidate
              >
                <ErrorSummary t={t} errors={props.decisionErrors ?? {}} />
                <Field
                  name="rejectReason"
                  label={t('support.emailChange.rejectReason')}
                  hint={t('support.supervisor.reason.hint')}
                  error={props.decisionErrors?.rejectReason}
                  maxlength={500}
                />
                <button type="submit" class="button">
                  {t('support.emailChange.reject')}
                </button>
              </Form>
            </>
          ) : (
            <p>{t('support.emailChange.waiting')}</p>
          )}
        </section>
      ) : null}

      {staff && roleAtLeast(staff.role, 'supervisor') ? (
        <section aria-labelledby="supervisor-title" class="panel">
          <h2 id="supervisor-title">{t('support.supervisor.title')}</h2>
          <p>{t('support.supervisor.lead')}</p>
          <ErrorSummary t={t} errors={props.reasonErrors ?? {}} />
          {cards.map((card) => (
            <Form c={c} action={`${base}/cards/${card.id}/status`} class="stack">
              <h3>{t('support.card.last4', { last4: card.last4 })}</h3>
              <div class="field">
                <label for={`f-status-${card.id}`}>{t('support.supervisor.status')}</label>
                <select id={`f-status-${card.id}`} name="status">
                  <option value="suspended">{t('support.cardStatus.suspended')}</option>
                  <option value="active">{t('support.cardStatus.active')}</option>
                </select>
              </div>
              <div class="field">
                <label for={`f-status-reason-${card.id}`}>{t('support.supervisor.reason')}</label>
                <input id={`f-status-reason-${card.id}`} name="reason" type="text" maxlength={500} />
              </div>
              <button type="submit" class="button">
                {t('support.supervisor.setStatus')}
              </button>
            </Form>
          ))}
          {member.status === 'active' ? (
            <form
              method="post"
              action={`${base}/force-withdraw`}
              class="stack"
              data-confirm={t('support.supervisor.withdrawConfirm')}
            >
              <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
              <h3>{t('support.supervisor.withdrawTitle')}</h3>
              <Field
                name="reason"
                label={t('support.supervisor.reason')}
                hint={t('support.supervisor.reason.hint')}
                error={props.reasonErrors?.reason}
                maxlength={500}
              />
              <button type="submit" class="button danger">
                {t('support.supervisor.withdraw')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      <RegistrationSection t={t} registration={data.registration} when={when} />

      <section aria-labelledby="notes-title" class="panel">
        <h2 id="notes-title">{t('support.notes.title')}</h2>
        {data.notes.length === 0 ? (
          <p>{t('support.notes.none')}</p>
        ) : (
          <ul class="notes">
            {data.notes.map((n) => (
              <li>
                <p class="note-meta">
                  {t('support.notes.meta', { at: when(n.created_at), author: n.author })}
                </p>
                <p class="note-body">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary t={t} errors={props.noteErrors ?? {}} />
        <Form c={c} action={`${base}/notes`} class="stack" novalidate>
          <Field
            name="body"
            rows={4}
            label={t('support.notes.body')}
            hint={t('support.notes.body.hint')}
            value={props.noteValue}
            error={props.noteErrors?.body}
            maxlength={2000}
          />
          <button type="submit" class="button">
            {t('support.notes.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('support.history.title')}</h2>
        {data.history.length === 0 ? (
          <p>{t('support.history.none')}</p>
        ) : (
          <ul class="history">
            {data.history.map((h) => (
              <li>
                {when(h.at)} · {h.staff_login ?? actorOf(t, h.after)} · {auditActionLabel(t, h.action)}
                {h.reason ? ` · ${h.reason}` : ''}
                <DetailLines lines={auditDetailLines(t, lang, zone, h)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>,
  );
}

/** Registration details, read only: registered or not and the newest changes, never the values. */
function RegistrationSection(props: {
  t: Translate;
  registration: MemberCase['registration'];
  when: (d: Date) => string;
}) {
  const { t, registration: r } = props;
  const items = ['address', 'phone', 'bank_account'] as const;
  return (
    <section aria-labelledby="registration-title">
      <h2 id="registration-title">{t('registration.console.title')}</h2>
      <p class="muted small">{t('registration.console.lead')}</p>
      <dl class="facts">
        {items.map((item) => (
          <>
            <dt>{t(`registration.item.${item}`)}</dt>
            <dd>
              {t(
                r.registered[item] ? 'registration.console.registered' : 'registration.console.notRegistered',
              )}
            </dd>
          </>
        ))}
      </dl>
      <h3>{t('registration.console.changes')}</h3>
      {r.changes.length === 0 ? (
        <p>{t('registration.console.none')}</p>
      ) : (
        <ul>
          {r.changes.map((change) => (
            <li>
              {t('registration.console.changed', {
                when: props.when(change.at),
                item: t(`registration.item.${change.item}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
