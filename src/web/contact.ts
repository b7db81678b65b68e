import type { Config } from '../config.ts';
import { dateTimeFormat } from '../i18n/format.ts';

/** Minutes since midnight of `now` in the contact center's time zone. */
function minutesInZone(now: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the contact center line is open at `now` (every day, CONTACT_HOURS in CONTACT_TIME_ZONE). */
export function isContactCenterOpen(config: Config, now: Date): boolean {
  const m = minutesInZone(now, config.contact.timeZone);
  return m >= toMinutes(config.contact.opens) && m < toMinutes(config.contact.closes);
}
