import type { Lang } from '../../i18n/index.ts';
import { dateTimeFormat } from '../../i18n/intl.ts';

/** A moment as the contact center reads it (its time zone), in the page's language. */
export function formatMoment(date: Date | string | null | undefined, lang: Lang, timeZone: string): string {
  if (!date) return '—';
  return dateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(date));
}
