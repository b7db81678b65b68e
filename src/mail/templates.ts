import type { Config } from '../config.ts';
import { type Lang, type MessageKey, translate } from '../i18n/index.ts';
import { escapeHtml } from '../security/html.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Builds an absolute link from PUBLIC_URL; never from a request's Host header. Only the path, query and
 * fragment of `path` are used, so even an absolute or protocol-relative value cannot point elsewhere.
 */
export function publicLink(config: Config, path: string): string {
  const url = new URL(path, config.publicUrl);
  return new URL(`${url.pathname}${url.search}${url.hash}`, config.publicUrl.origin).toString();
}

type Params = Record<string, string>;
interface TemplateDef {
  subject: MessageKey;
  body: MessageKey;
  /** Parameters that are paths, turned into absolute links from PUBLIC_URL at render time. */
  links?: string[];
  /** False for mail whose body says itself what to do if it was not the member (the new-device alert). */
  notYouFooter?: false;
  /** A letter (the outbox's `letter` channel): printed and posted, so no mail greeting or signature. */
  letter?: true;
}

/**
 * Every mail cardnavi sends. A template names its subject and body messages; parameters listed in `links`
 * are site paths made absolute here. Domains add their templates to this table.
 */
export const mailTemplates = {
  registration_verify: {
    subject: 'mail.registration.subject',
    body: 'mail.registration.body',
    links: ['link'],
  },
  registration_id_taken: {
    subject: 'mail.registrationTaken.subject',
    body: 'mail.registrationTaken.body',
    links: ['link', 'forgotLink'],
  },
  registration_id_cooling_off: {
    subject: 'mail.registrationCoolingOff.subject',
    body: 'mail.registrationCoolingOff.body',
    links: ['link', 'helpLink'],
  },
  login_locked: {
    subject: 'mail.locked.subject',
    body: 'mail.locked.body',
    links: ['resetLink', 'helpLink'],
  },
  login_locked_permanent: {
    subject: 'mail.lockedPermanent.subject',
    body: 'mail.lockedPermanent.body',
    links: ['helpLink'],
  },
  card_enrolled: {
    subject: 'mail.cardEnrolled.subject',
    body: 'mail.cardEnrolled.body',
    links: ['portalLink'],
  },
  card_locked: { subject: 'mail.cardLocked.subject', body: 'mail.cardLocked.body', links: ['cardLink'] },
  card_unlocked: {
    subject: 'mail.cardUnlocked.subject',
    body: 'mail.cardUnlocked.body',
    links: ['cardLink'],
  },
  card_reported_lost: {
    subject: 'mail.cardReportedLost.subject',
    body: 'mail.cardReportedLost.body',
    links: ['helpLink'],
  },
  card_reissued: {
    subject: 'mail.cardReissued.subject',
    body: 'mail.cardReissued.body',
    links: ['enrollLink', 'helpLink'],
  },
  card_reissue_letter: {
    subject: 'mail.cardReissueLetter.subject',
    body: 'mail.cardReissueLetter.body',
    notYouFooter: false,
    letter: true,
  },
  card_usage: {
    subject: 'mail.cardUsage.subject',
    body: 'mail.cardUsage.body',
    links: ['statementsLink', 'settingsLink'],
  },
  start_pin_unlocked: {
    subject: 'mail.startPinUnlocked.subject',
    body: 'mail.startPinUnlocked.body',
    links: ['helpLink'],
  },
  login_unlocked: {
    subject: 'mail.loginUnlocked.subject',
    body: 'mail.loginUnlocked.body',
    links: ['loginLink'],
  },
  forgot_user_id: {
    subject: 'mail.forgotId.subject',
    body: 'mail.forgotId.body',
    links: ['loginLink', 'forgotLink'],
  },
  forgot_user_id_none: {
    subject: 'mail.forgotIdNone.subject',
    body: 'mail.forgotIdNone.body',
    links: ['forgotLink', 'registerLink'],
  },
  forgot_user_id_withdrawn: {
    subject: 'mail.forgotIdWithdrawn.subject',
    body: 'mail.forgotIdWithdrawn.body',
    links: ['registerLink', 'helpLink'],
  },
  password_reset: { subject: 'mail.reset.subject', body: 'mail.reset.body', links: ['link'] },
  password_reset_none: {
    subject: 'mail.resetNone.subject',
    body: 'mail.resetNone.body',
    links: ['forgotLink'],
  },
  password_reset_withdrawn: {
    subject: 'mail.resetWithdrawn.subject',
    body: 'mail.resetWithdrawn.body',
    links: ['registerLink', 'helpLink'],
  },
  password_changed: {
    subject: 'mail.passwordChanged.subject',
    body: 'mail.passwordChanged.body',
    links: ['resetLink'],
  },
  email_change_verify: {
    subject: 'mail.emailVerify.subject',
    body: 'mail.emailVerify.body',
    links: ['link'],
  },
  email_change_requested: {
    subject: 'mail.emailChangeRequested.subject',
    body: 'mail.emailChangeRequested.body',
    links: ['cancelLink', 'resetLink'],
  },
  email_changed: {
    subject: 'mail.emailChanged.subject',
    body: 'mail.emailChanged.body',
    links: ['helpLink'],
  },
  new_device_sign_in: {
    subject: 'mail.newDevice.subject',
    body: 'mail.newDevice.body',
    links: ['notMeLink', 'historyLink'],
    notYouFooter: false,
  },
  two_step_on: { subject: 'mail.twoStepOn.subject', body: 'mail.twoStepOn.body', links: ['resetLink'] },
  two_step_off: { subject: 'mail.twoStepOff.subject', body: 'mail.twoStepOff.body', links: ['resetLink'] },
  start_pin_letter: {
    subject: 'mail.startPinLetter.subject',
    body: 'mail.startPinLetter.body',
    notYouFooter: false,
    letter: true,
  },
  start_pin_reissued: {
    subject: 'mail.startPinReissued.subject',
    body: 'mail.startPinReissued.body',
    links: ['helpLink'],
  },
  support_email_change_requested: {
    subject: 'mail.supportEmailChangeRequested.subject',
    body: 'mail.supportEmailChangeRequested.body',
    links: ['helpLink'],
    notYouFooter: false,
  },
  support_email_changed: {
    subject: 'mail.supportEmailChanged.subject',
    body: 'mail.supportEmailChanged.body',
    links: ['loginLink', 'helpLink'],
  },
  password_reset_held: {
    subject: 'mail.resetHeld.subject',
    body: 'mail.resetHeld.body',
    links: ['helpLink'],
  },
  registration_changed: {
    subject: 'mail.registrationChanged.subject',
    body: 'mail.registrationChanged.body',
    links: ['resetLink'],
  },
  withdrawal_done: {
    subject: 'mail.withdrawn.subject',
    body: 'mail.withdrawn.body',
    links: ['registerLink'],
  },
} satisfies Record<string, TemplateDef>;

export type MailTemplate = keyof typeof mailTemplates;

/** Renders a template in the member's language as plain text plus simple HTML with clickable links. */
export function renderMail(config: Config, template: MailTemplate, lang: Lang, params: Params): RenderedMail {
  const def: TemplateDef = mailTemplates[template];
  const filled: Params = { ...params };
  for (const name of def.links ?? []) {
    if (filled[name] !== undefined) filled[name] = publicLink(config, filled[name]);
  }
  const t = (key: MessageKey) => translate(lang, key, filled);
  const footer = def.notYouFooter === false ? [] : [t('mail.notYou'), ''];
  const text = def.letter
    ? [t(def.subject), '', t(def.body), '', t('mail.letter.signature')].join('\n')
    : [t('mail.greeting'), '', t(def.body), '', ...footer, t('mail.signature')].join('\n');
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;line-height:1.7">${text
    .split(/\n{2,}/)
    .map(
      (para) =>
        `<p>${escapeHtml(para)
          .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
          .replace(/\n/g, '<br>')}</p>`,
    )
    .join('')}</body></html>`;
  return { subject: t(def.subject), text, html };
}
