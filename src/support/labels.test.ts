/**
 * Issue 11, "support console from the operator's chair": every code the console can show — security event
 * kinds and reasons, audit actions and audit fields — reads as words in Japanese and English, never as the
 * raw code. The lists come from the code that writes them (the writers' types are derived from these
 * lists), and a scan of the source catches a literal written past the types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, type MessageKey, translate, translator } from '../i18n/index.ts';
import { AUTH_EVENT_REASONS, parseAuthEventReason } from '../members/auth-event-reasons.ts';
import { AUTH_EVENT_KINDS } from '../members/tables.ts';
import { AUDIT_ACTIONS, AUDIT_DETAIL_KEYS } from './audit.ts';
import { auditActionLabel, auditDetailLines, authEventLabel, authReasonLabel } from './labels.ts';

const srcDir = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The argument text of every call to `callee` in `text` (balanced parentheses). */
function callArguments(text: string, callee: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(`${callee}(`); at !== -1; at = text.indexOf(`${callee}(`, at + 1)) {
    let depth = 0;
    const start = at + callee.length;
    for (let i = start; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        out.push(text.slice(start + 1, i));
        break;
      }
    }
  }
  return out;
}

/** Literal values of `prop:` inside calls to `callees` in the source (in templates, numbers read as 7). */
function literalsOf(prop: string, callees: string[]): { file: string; value: string }[] {
  const found: { file: string; value: string }[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const args of callees.flatMap((c) => callArguments(text, c))) {
      for (const m of args.matchAll(new RegExp(`\\b${prop}:\\s*([^,\\n}]+)`, 'g'))) {
        // Each quoted or back-quoted string in the value (both branches of a conditional, not its test).
        const expr = m[1] ?? '';
        for (const lit of expr.slice(expr.indexOf('?') + 1).matchAll(/'([^']*)'|`([^`]*)`/g)) {
          const value = lit[1] ?? (lit[2] ?? '').replace(/\$\{[^}]*\}/g, '7');
          found.push({ file: file.slice(srcDir.length + 1), value });
        }
      }
    }
  }
  return found;
}

function expectLabelled(key: MessageKey) {
  for (const lang of LANGS) {
    const text = translate(lang, key);
    expect(text, `${key} (${lang})`).not.toBe(key);
    expect(text.trim().length, `${key} (${lang})`).toBeGreaterThan(0);
  }
  // Japanese first: the two languages are two texts, not one copied.
  expect(translate('ja', key), key).not.toBe(translate('en', key));
}

describe('console labels (issue 11)', () => {
  it('labels every security event kind in ja and en', () => {
    for (const kind of AUTH_EVENT_KINDS) expectLabelled(`support.event.${kind}`);
  });

  it('labels every security event reason in ja and en, with the numbers the code carries', () => {
    for (const pattern of AUTH_EVENT_REASONS) {
      expectLabelled(`support.reason.${pattern}`);
      const sample = pattern.replace(/_N(?=_|$)/g, '_7');
      expect(parseAuthEventReason(sample)?.pattern, sample).toBe(pattern);
      for (const lang of LANGS) {
        const label = authReasonLabel(translator(lang), sample);
        expect(label, sample).not.toContain('{');
        expect(label, sample).not.toBe(sample);
        if (/\{n\}/.test(translate(lang, `support.reason.${pattern}`))) expect(label).toContain('7');
      }
    }
  });

  it('labels every audit action and every audit field in ja and en', () => {
    for (const action of AUDIT_ACTIONS) expectLabelled(`support.action.${action}`);
    for (const key of AUDIT_DETAIL_KEYS) expectLabelled(`support.detail.${key}`);
  });

  it('finds every kind, reason and action written in the source among the labelled ones', () => {
    const kinds = literalsOf('kind', ['recordAuthEvent']);
    const reasons = literalsOf('reason', ['recordAuthEvent']);
    const actions = literalsOf('action', ['appendAudit', 'recordAudit']);
    expect(kinds.length).toBeGreaterThan(10);
    expect(reasons.length).toBeGreaterThan(10);
    expect(actions.length).toBeGreaterThan(8);
    for (const k of kinds)
      expect(AUTH_EVENT_KINDS as readonly string[], `${k.file}: ${k.value}`).toContain(k.value);
    for (const r of reasons) expect(parseAuthEventReason(r.value), `${r.file}: ${r.value}`).toBeDefined();
    for (const a of actions)
      expect(AUDIT_ACTIONS as readonly string[], `${a.file}: ${a.value}`).toContain(a.value);
  });

  it('reads an unknown code as "other", never as the code itself', () => {
    const t = translator('en');
    expect(authEventLabel(t, 'made_up_kind')).toBe('Other action');
    expect(authReasonLabel(t, 'made_up_reason_3')).toBe('Other');
    expect(auditActionLabel(t, 'made.up')).toBe('Other action');
  });

  it('turns an audit row into labelled lines, without internal ids or JSON', () => {
    const t = translator('en');
    const lines = auditDetailLines(t, 'en', 'Asia/Tokyo', {
      action: 'member.unlock_login',
      before: { lockedUntil: '2026-04-01T03:00:00.000Z', failedLogins: 10, lockCount: 1 },
      after: { lockedUntil: null, failedLogins: 0, lockCount: 0 },
    });
    expect(lines).toEqual([
      'Locked until: 1 Apr 2026, 12:00:00 → None',
      'Consecutive failures: 10 → 0',
      'Locks in a row: 1 → 0',
    ]);
    const verify = auditDetailLines(translator('ja'), 'ja', 'Asia/Tokyo', {
      action: 'member.verify',
      after: { fullName: true, birthDate: false, phone: true, cardNumber: true, passed: false },
    });
    expect(verify).toEqual([
      '氏名: 一致',
      '生年月日: 不一致',
      '電話番号: 一致',
      'カード番号: 一致',
      '確認結果: 未確認',
    ]);
    const created = auditDetailLines(t, 'en', 'Asia/Tokyo', {
      action: 'staff.create',
      after: { staffId: 42, login: 'sato', role: 'supervisor' },
    });
    expect(created).toEqual(['Staff ID: sato', 'Role: supervisor']);
    expect(created.join(' ')).not.toContain('42');
  });
});
