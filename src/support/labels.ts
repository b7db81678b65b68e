import type { Lang } from '../i18n/define.ts';
import { formatMoment } from '../i18n/format.ts';
import { isMessageKey, type Translate } from '../i18n/index.ts';
import { parseAuthEventReason } from '../members/auth-event-reasons.ts';
import { AUTH_EVENT_KINDS, type AuthEventKind } from '../members/tables.ts';
import { AUDIT_ACTIONS, AUDIT_DETAIL_KEYS, type AuditAction, type AuditDetailKey } from './audit.ts';

/**
 * Human labels for the codes the console stores (label-messages.ts holds the text): an operator reads
 * "Wrong password", never `login_failure` / `wrong_password` or a row's JSON. A code this version does not
 * know (a row from a newer one) reads as "Other", never as the raw code.
 */

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** A security event's kind. */
export function authEventLabel(t: Translate, kind: string): string {
  return isOneOf<AuthEventKind>(AUTH_EVENT_KINDS, kind)
    ? t(`support.event.${kind}`)
    : t('support.action.other');
}

/** A security event's reason code, with the numbers it carries (e.g. `sessions_revoked_2`). */
export function authReasonLabel(t: Translate, code: string | null): string {
  if (!code) return '—';
  const parsed = parseAuthEventReason(code);
  if (!parsed) return t('support.reason.other');
  const [n = 0, m = 0] = parsed.numbers;
  return t(`support.reason.${parsed.pattern}`, { n, m });
}

/** An audit row's action. */
export function auditActionLabel(t: Translate, action: string): string {
  return isOneOf<AuditAction>(AUDIT_ACTIONS, action)
    ? t(`support.action.${action}`)
    : t('support.action.other');
}

const DATE_KEYS: AuditDetailKey[] = ['lockedAt', 'lockedUntil', 'until'];
const VERIFICATION_ITEMS: AuditDetailKey[] = ['fullName', 'birthDate', 'phone', 'cardNumber'];
/** Internal row ids: kept in the row for the chain, never shown. */
const HIDDEN_KEYS: AuditDetailKey[] = ['staffId', 'replacementCardId'];

function detailValue(
  t: Translate,
  lang: Lang,
  zone: string,
  action: string,
  key: AuditDetailKey,
  value: unknown,
): string {
  if (value === null || value === undefined) return t('support.value.none');
  if (DATE_KEYS.includes(key)) return formatMoment(lang, value as string, zone);
  if (typeof value === 'boolean') {
    if (VERIFICATION_ITEMS.includes(key)) return t(value ? 'support.verify.match' : 'support.verify.noMatch');
    if (key === 'passed') return t(value ? 'support.value.passed' : 'support.value.notPassed');
    if (key === 'twoStep') return t(value ? 'support.twoStep.on' : 'support.twoStep.off');
    return t(value ? 'support.value.yes' : 'support.value.no');
  }
  const text = String(value);
  if (key === 'status') {
    const domain = action.startsWith('card.')
      ? 'support.cardStatus'
      : action.startsWith('member.email_change_')
        ? 'support.emailChangeStatus'
        : 'support.memberStatus';
    const statusKey = `${domain}.${text}`;
    return isMessageKey(statusKey) ? t(statusKey) : t('support.reason.other');
  }
  if (key === 'actor')
    return text === 'member'
      ? t('support.history.byMember')
      : text === 'system'
        ? t('support.history.bySystem')
        : t('support.reason.other');
  if (key === 'replacementLast4') return t('support.card.last4', { last4: text });
  if (key === 'role')
    return text === 'operator' || text === 'supervisor' || text === 'admin'
      ? t(`support.role.${text}`)
      : t('support.reason.other');
  if (key === 'reason') {
    const failures = ['unknown_login', 'locked', 'code_reused', 'wrong_credentials'] as const;
    return isOneOf(failures, text) ? t(`support.staffFailure.${text}`) : t('support.reason.other');
  }
  return text;
}

/**
 * What an audit row's before/after say, one line per field: "Consecutive failures: 3 → 0". Fields this
 * version does not know, and internal ids, are left out.
 */
export function auditDetailLines(
  t: Translate,
  lang: Lang,
  zone: string,
  row: { action: string; before?: unknown; after?: unknown },
): string[] {
  const asRecord = (v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  const lines: string[] = [];
  for (const key of AUDIT_DETAIL_KEYS) {
    if (HIDDEN_KEYS.includes(key) || !(key in before || key in after)) continue;
    const value = (v: unknown) => detailValue(t, lang, zone, row.action, key, v);
    const text =
      key in before && key in after
        ? `${value(before[key])} → ${value(after[key])}`
        : value(key in after ? after[key] : before[key]);
    lines.push(`${t(`support.detail.${key}`)}: ${text}`);
  }
  return lines;
}
