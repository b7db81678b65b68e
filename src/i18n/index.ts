import { accountMessages } from '../account/messages.ts';
import { registrationMessages } from '../account/registration-messages.ts';
import { cardControlMessages } from '../cards/control-messages.ts';
import { cardMessages } from '../cards/messages.ts';
import { errorMessages } from '../errors/messages.ts';
import { helpMessages } from '../help/messages.ts';
import { mailMessages } from '../mail/messages.ts';
import { memberMessages } from '../members/messages.ts';
import { signInMessages } from '../members/sign-in-messages.ts';
import { oidcMessages } from '../oidc/messages.ts';
import { portalMessages } from '../portal/messages.ts';
import { paymentChangeMessages } from '../statements/change-messages.ts';
import { statementMessages } from '../statements/messages.ts';
import { supportCaseMessages } from '../support/case-messages.ts';
import { supportLabelMessages } from '../support/label-messages.ts';
import { supportMessages } from '../support/messages.ts';
import { commonMessages } from './common.ts';
import { LANGS, type Lang } from './define.ts';

export { LANGS, type Lang } from './define.ts';

const catalogs = [
  commonMessages,
  memberMessages,
  accountMessages,
  registrationMessages,
  signInMessages,
  errorMessages,
  mailMessages,
  cardMessages,
  cardControlMessages,
  portalMessages,
  helpMessages,
  supportMessages,
  supportLabelMessages,
  supportCaseMessages,
  statementMessages,
  paymentChangeMessages,
  oidcMessages,
] as const;

type KeysOf<T> = T extends { ja: infer J } ? keyof J & string : never;
/** Every message key of every domain. */
export type MessageKey = KeysOf<(typeof catalogs)[number]>;

const tables: Record<Lang, Map<string, string>> = { ja: new Map(), en: new Map() };
for (const catalog of catalogs) {
  for (const lang of LANGS) {
    for (const [key, value] of Object.entries(catalog[lang] as Record<string, string>)) {
      if (tables[lang].has(key)) throw new Error(`duplicate message key ${key}`);
      tables[lang].set(key, value);
    }
  }
}

export type Params = Record<string, string | number>;
/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;

/** Looks a message up and fills `{name}` parameters. The result is plain text; JSX escapes it. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = tables[lang].get(key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when a string is one of our message keys (for codes stored in data). */
export function isMessageKey(key: string): key is MessageKey {
  return tables.ja.has(key);
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** Picks the language: ?lang=, then the lang cookie, then Accept-Language; Japanese by default. */
export function negotiateLang(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  for (const candidate of [query, cookie]) {
    if (candidate === 'ja' || candidate === 'en') return candidate;
  }
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', q] = part.trim().split(';q=');
        return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
      })
      .filter((x) => !Number.isNaN(x.q))
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      if (tag.startsWith('ja')) return 'ja';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return 'ja';
}
