import { defineMessages } from '../i18n/define.ts';

/** User-visible text of the help domain, Japanese first. */
export const helpMessages = defineMessages({
  ja: {},
  en: {},
});
