import type { Lang } from '../i18n/index.ts';
import { dateTimeFormat } from '../i18n/intl.ts';

const yen = {
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
  return dateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
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
  return dateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
