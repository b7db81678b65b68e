import MarkdownIt from 'markdown-it';
import { startPinLimit } from '../cards/start-pin.ts';
import type { Config } from '../config.ts';
import { telHref } from '../i18n/format.ts';
import { escapeHtml } from '../security/html.ts';

/**
 * Article Markdown → HTML. Raw HTML is off, so anything that looks like a tag in an article is shown as text;
 * fuzzy links are off so product domains in prose ("cardnavi.example") stay text.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

/** Renders article Markdown once; `{{placeholders}}` survive as text and are filled per config later. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** The facts articles may mention that an operator can change; `{{name}}` in an article becomes the value. */
export function articlePlaceholders(config: Config): Record<string, string> {
  return {
    contactPhoneNavi: config.contact.phoneNavi,
    contactPhoneLandline: config.contact.phoneLandline,
    contactHours: `${config.contact.opens}–${config.contact.closes}`,
    startPinMaxFailures: String(startPinLimit(config)),
    emailChangeHoldHours: String(config.operatorEmailChangeHoldHours),
    loginMaxFailures: String(config.login.maxFailures),
    loginLockMinutes: String(config.login.lockMinutes),
    statementFinalDay: String(config.statements.finalDay),
    cardFeeRate: (config.statements.feeRateBasisPoints / 100).toFixed(2),
    revolvingMonthlyPrincipal: config.statements.revolvingMonthlyPrincipal.toLocaleString('en-US'),
    paymentChangeLastDay: String(config.statements.changeCutoffDay - 1),
    paymentChangeCutoffDay: String(config.statements.changeCutoffDay),
    pointsYenPerPoint: String(config.points.yenPerPoint),
    pointsExpiryMonths: String(config.points.expiryMonths),
  };
}

/** The placeholder names articles may use (checked when the library loads). */
export const placeholderNames = [
  'contactPhoneNavi',
  'contactPhoneLandline',
  'contactHours',
  'startPinMaxFailures',
  'emailChangeHoldHours',
  'loginMaxFailures',
  'loginLockMinutes',
  'statementFinalDay',
  'cardFeeRate',
  'revolvingMonthlyPrincipal',
  'paymentChangeLastDay',
  'paymentChangeCutoffDay',
  'pointsYenPerPoint',
  'pointsExpiryMonths',
] as const;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Fills placeholders in rendered HTML; values are HTML-escaped because config is text, not markup. */
export function fillPlaceholdersInHtml(html: string, values: Record<string, string>): string {
  return html.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name] ?? '';
    // Phone numbers become tap-to-call links.
    if (phonePlaceholders.has(name))
      return `<a href="${escapeHtml(telHref(value))}">${escapeHtml(value)}</a>`;
    return escapeHtml(value);
  });
}

const phonePlaceholders = new Set(['contactPhoneNavi', 'contactPhoneLandline']);

/** Fills placeholders in plain text (titles, snippets); JSX escapes the result. */
export function fillPlaceholdersInText(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? (values[name] ?? '') : whole));
}

/** Placeholder names used in a text (to reject typos at load). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].flatMap((m) => (m[1] ? [m[1]] : []));
}
