import type { Lang } from './define.ts';

/**
 * Dates, money and plurals for pages and mail, in the page's language. A moment (an instant) is shown in the
 * configured time zone (CONTACT_TIME_ZONE, the zone of the contact center and of the billing calendar); a
 * calendar day or month ('YYYY-MM-DD', 'YYYY-MM') is already in that zone and is shown as it is.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat per locale and options. Building one costs far more than formatting with it
 * (it was a fifth of the dashboard's CPU time when made per call), so every caller goes through here.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** The locale each language formats with (en-GB: day before month, 24-hour clock). */
const locales: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' };

const yen: Record<Lang, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }),
  en: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY' }),
};

/** An amount in yen for the page's language ("￥12,345" / "¥12,345"). */
export function formatYen(lang: Lang, amount: number): string {
  return yen[lang].format(amount);
}

/** A calendar day 'YYYY-MM-DD' for the page's language, with the weekday (payment dates). */
export function formatDay(lang: Lang, day: string, withWeekday = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dateTimeFormat(locales[lang], {
    timeZone: 'UTC',
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A month 'YYYY-MM' for the page's language. */
export function formatMonth(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dateTimeFormat(locales[lang], {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * A moment in the configured time zone, in the page's language: to the second for the console's logs, to
 * the minute for members (a lock's end in mail). Empty values show as a dash.
 */
export function formatMoment(
  lang: Lang,
  date: Date | string | null | undefined,
  timeZone: string,
  precision: 'second' | 'minute' = 'second',
): string {
  if (!date) return '—';
  return dateTimeFormat(locales[lang], {
    timeZone,
    dateStyle: 'medium',
    timeStyle: precision === 'second' ? 'medium' : 'short',
  }).format(new Date(date));
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Picks the message for a count by the language's plural rules (Intl.PluralRules): English "1 more try" /
 * "2 more tries"; Japanese has no plural, so it always takes `other`. Pass both keys; translate the result.
 */
export function plural<K extends string>(lang: Lang, count: number, forms: { one: K; other: K }): K {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(locales[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(count) === 'one' ? forms.one : forms.other;
}

/** A phone number as a `tel:` link target (digits and a leading + only), so phones can dial it with one tap. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
