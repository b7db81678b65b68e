import { defineMessages } from '../i18n/define.ts';

/** User-visible text of the cards domain, Japanese first. */
export const cardMessages = defineMessages({
  ja: {},
  en: {},
});
