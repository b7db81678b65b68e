import { defineMessages } from '../i18n/define.ts';

/** User-visible text of the support domain, Japanese first. */
export const supportMessages = defineMessages({
  ja: {},
  en: {},
});
