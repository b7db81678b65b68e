import type { Context } from 'hono';
import type { AppDeps, CurrentMember } from '../deps.ts';
import type { Lang, Translate } from '../i18n/index.ts';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    t: Translate;
    csrfToken: string;
    secureHeadersNonce?: string;
    member: CurrentMember | undefined;
    /** True when the request carried a session cookie that is no longer valid (for the S01 notice). */
    sessionExpired: boolean;
    ip: string;
  };
}

export type AppContext = Context<AppEnv>;
