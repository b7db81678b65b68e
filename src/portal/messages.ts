import { defineMessages } from '../i18n/define.ts';

/** User-visible text of the portal domain, Japanese first. */
export const portalMessages = defineMessages({
  ja: {},
  en: {},
});
