/**
 * The demo cast: accounts named in the issues, a contract others rely on. Each domain's seed step
 * creates the state described here; the development top page lists them.
 */
export interface DemoMember {
  login: string;
  /** The email when the login is a plain user ID (otherwise the login is the email). */
  email?: string;
  password: string;
  /** What the account demonstrates, per language. */
  state: { ja: string; en: string };
  /** Base32 TOTP secret of two-step login, fixed for the demo so the top page can show it. */
  totpSecret?: string;
}

export const demoMembers: DemoMember[] = [
  {
    login: 'hanako@example.jp',
    password: 'sakura-2026-demo',
    state: {
      ja: '開始手続き済み・カード有効・15か月分のご利用明細(リボ払い・分割払い・ポイント利用あり)',
      en: 'Enrolled, active card, 15 months of statements (revolving, instalments, points used)',
    },
  },
  {
    login: 'taro0123',
    email: 'taro@example.jp',
    password: 'fuji-san-3776m',
    state: {
      ja: 'ユーザーID(メールアドレス以外)でログイン',
      en: 'Logs in with a user ID that is not an email',
    },
  },
  {
    login: 'newcard@example.jp',
    password: 'first-login-2026',
    state: {
      ja: 'カード発行済み・開始手続き未完了(末尾9011のカード、生年月日 1990-04-01、開始手続きパスワード 4721。カード番号はREADME)',
      en: 'Card issued, not enrolled (card ending 9011, birth date 1990-04-01, start PIN 4721; full number in the README)',
    },
  },
  {
    login: 'pinlock@example.jp',
    password: 'locked-pin-2026',
    state: {
      ja: '開始手続きがロック中(コンタクトセンターで解除。末尾9037、生年月日 1979-09-09、開始手続きパスワード 6183)',
      en: 'Start procedure locked (contact center unlocks; card ending 9037, birth date 1979-09-09, start PIN 6183)',
    },
  },
  {
    login: 'suspended@example.jp',
    password: 'late-payment-2026',
    state: { ja: '開始手続き済み・カード一時停止(C01)', en: 'Enrolled, card suspended (C01)' },
  },
  {
    login: 'renewal@example.jp',
    password: 'screening-declined-2026',
    state: { ja: '開始手続き済み・更新審査で解約(C03)', en: 'Enrolled, card cancelled at renewal (C03)' },
  },
  {
    login: 'banned@example.jp',
    password: 'violation-2026-x',
    state: { ja: '会員資格の強制退会(M01)', en: 'Membership force-withdrawn (M01)' },
  },
  {
    login: 'twoids@example.jp',
    password: 'two-ids-first-2026',
    state: {
      ja: '末尾9029のカードを申し込んだ会員ID(生年月日 1985-11-20、開始手続きパスワード 3958)・未手続き',
      en: 'Applied for the card ending 9029 (birth date 1985-11-20, start PIN 3958), not enrolled',
    },
  },
  {
    login: 'twoids.alt@example.jp',
    password: 'two-ids-second-2026',
    state: {
      ja: '同じ人の2つ目の会員ID(ここで末尾9029のカードを手続きするとID不一致)',
      en: 'Same person’s second ID (enrolling the card ending 9029 here shows the ID mismatch)',
    },
  },
  {
    login: 'forgot@example.jp',
    password: 'lost-and-found-2026',
    state: { ja: 'パスワード再設定を試すための会員', en: 'A member to try the password reset on' },
  },
  {
    login: 'locked@example.jp',
    password: 'locked-out-2026',
    state: {
      ja: 'パスワードを続けて間違えたためログインが一時ロック中(起動時にロック。ロックのお知らせメールは開発用メールボックスに)',
      en: 'Login temporarily locked after too many wrong passwords (locked at start; the lock mail is in the development mailbox)',
    },
  },
  {
    login: 'sayonara2026',
    email: 'sayonara@example.jp',
    password: 'see-you-again-2026',
    state: {
      ja: '昨日、誤って退会した会員ID(このパスワードはもう使えません)。同じユーザーIDで再登録を試すと、再利用できるまでの期間中です',
      en: 'Member ID withdrawn by mistake yesterday (this password no longer works). Registering the same user ID again meets its cooling-off period',
    },
  },
  {
    login: 'oldphone@example.jp',
    password: 'old-carrier-2026',
    state: {
      ja: '機種変更で使えなくなったキャリアのメールアドレスがユーザーID。この宛先へのメールは開発用メールボックスで「返送」になります。コンタクトセンターでの本人確認(カード末尾9078)とスーパーバイザーの承認でメールアドレスを変更できます',
      en: 'The user ID is a carrier email address lost with the old phone; mail to it shows as bounced in the development mailbox. The contact center changes the address after identity verification (card ending 9078) and a supervisor’s approval',
    },
  },
  {
    login: 'passkey@example.jp',
    password: 'with-passkey-2026',
    state: {
      ja: 'パスキーを試すための会員(パスキー未登録。設定の「パスキーを追加」から登録)',
      en: 'A member to try passkeys on (none registered yet: settings, "Add a passkey")',
    },
  },
  {
    login: 'twostep@example.jp',
    password: 'two-step-login-2026',
    state: {
      ja: '2段階ログインが有効(パスワードのあと認証アプリの確認コード。シークレットを認証アプリに登録)',
      en: 'Two-step login on (after the password, a code from an authenticator app; add the secret to one)',
    },
    totpSecret: 'V7CKOW736JVNJLKFYUEEQPX3XUKLX4ZI',
  },
];

export interface DemoStaff {
  login: string;
  password: string;
  role: string;
  /** Base32 TOTP secret, fixed for the demo so the top page can show it. */
  totpSecret: string;
}

/** Console staff created by the support seed step (src/support/seed.ts). Demo secrets only: never reuse them. */
export const demoStaff: DemoStaff[] = [
  {
    login: 'operator1',
    password: 'console-operator-2026',
    role: 'operator',
    totpSecret: 'NBOI7JIU72GCCKCR45I3224COQRAQFCE',
  },
  {
    login: 'supervisor1',
    password: 'console-supervisor-2026',
    role: 'supervisor',
    totpSecret: 'VTARO262NZUR2HYF2SYPRMDVTPLSDTTB',
  },
  {
    login: 'admin1',
    password: 'console-admin-2026',
    role: 'admin',
    totpSecret: 'X7IYWKM5WDN7JHF25KQ6FOGITYCEW7EX',
  },
];

/**
 * The sample group service (examples/points-mall), registered in development so single sign-on can be tried
 * at once. Its secret is published here: demo only, never registered in production.
 */
export const demoService = {
  clientId: 'points-mall',
  name: 'Points Mall',
  secret: 'points-mall-demo-secret-2026',
  port: 3100,
  url: 'http://localhost:3100',
  redirectUri: 'http://localhost:3100/callback',
  backchannelLogoutUri: 'http://localhost:3100/backchannel-logout',
};
