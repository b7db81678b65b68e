export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/**
 * Declares a domain's messages. Japanese is the primary text; the English table must have exactly the
 * same keys (the compiler checks it). `{name}` marks a parameter.
 */
export function defineMessages<const J extends Record<string, string>>(messages: {
  ja: J;
  en: { [K in keyof J]: string };
}): { ja: J; en: { [K in keyof J]: string } } {
  return messages;
}
