import { Hono } from 'hono';
import type { FieldErrors } from '../web/components.tsx';
import type { AppEnv, MemberContext, MemberEnv } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { renderCodedErrorPage, renderHttpErrorPage } from '../web/pages.tsx';
import { requireMember } from '../web/route-groups.ts';
import { memberCookie } from '../web/sessions.ts';
import type { PrefectureCode } from './address.ts';
import {
  cancelEmailChange,
  confirmEmailChange,
  findEmailChangeToCancel,
  findEmailChangeToConfirm,
  requestEmailChange,
} from './change-email.ts';
import { changePassword } from './change-password.ts';
import { changeRegistration, loadRegistrationDetails, type RegistrationChange } from './registration.ts';
import {
  addressForm,
  bankAccountForm,
  changeEmailForm,
  changePasswordForm,
  emailTokenForm,
  notificationsForm,
  phoneForm,
  withdrawConfirmForm,
  withdrawPasswordForm,
} from './schemas.ts';
import type { RegistrationItem } from './tables.ts';
import { renderRegistrationPage } from './views/registration.tsx';
import {
  renderEmailCancelledPage,
  renderEmailCancelPage,
  renderEmailConfirmPage,
  renderEmailResultPage,
  renderEmailSentPage,
  renderSettingsPage,
  type SettingsProps,
} from './views/settings.tsx';
import {
  renderWithdrawConfirmPage,
  renderWithdrawDonePage,
  renderWithdrawPasswordPage,
} from './views/withdraw.tsx';
import {
  isWithdrawalTicketValid,
  startWithdrawal,
  USER_ID_COOLING_OFF_DAYS,
  withdrawMember,
} from './withdraw.ts';
import { loadWithdrawalLosses } from './withdrawal-losses.ts';

/** Account settings, member pages only: email and password change, withdrawal. */
export const accountRoutes = new Hono<MemberEnv>().use(requireMember());

/**
 * The email-change links, public routes: the confirmation link from the new mailbox applies the change only
 * in a session of the member who asked (the token proves the address, the session the member); the cancel
 * link from the current mailbox needs no login (its token proves that mailbox).
 */
export const emailChangeLinkRoutes = new Hono<AppEnv>();

// ---- settings ---------------------------------------------------------------------------------------

async function settingsPage(
  c: MemberContext,
  props: Omit<SettingsProps, 'member' | 'userIdIsEmail' | 'registration'> = {},
) {
  const member = c.get('member');
  const registration = await loadRegistrationDetails(c.get('deps'), member);
  return renderSettingsPage(c, { member, userIdIsEmail: member.userIdIsEmail, registration, ...props });
}

accountRoutes.get('/settings', (c) => {
  const t = c.get('t');
  const done = c.req.query('done');
  const registrationDone = registrationItems.find((item) => done === `registration-${item}`);
  const notice =
    done === 'password'
      ? t('account.password.done')
      : registrationDone
        ? t(`registration.done.${registrationDone}`)
        : undefined;
  return settingsPage(c, notice ? { notice } : {});
});

accountRoutes.post('/settings/email', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, changeEmailForm);
  if (!form.ok)
    return settingsPage(c, {
      emailForm: { newEmail: form.raw.newEmail ?? '', errors: form.errors },
      status: 400,
    });
  const result = await requestEmailChange(c.get('deps'), c.get('member'), form.data);
  if (result.ok) return renderEmailSentPage(c, form.data.newEmail);
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01', <p>{t('account.tooMany')}</p>);
  const errors =
    result.code === 'same_email'
      ? { newEmail: t('validation.email.same') }
      : { currentPassword: t('validation.currentPassword.wrong') };
  return settingsPage(c, { emailForm: { newEmail: form.data.newEmail, errors }, status: 400 });
});

emailChangeLinkRoutes.get('/settings/email/verify', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!emailTokenForm.safeParse({ token }).success) return renderCodedErrorPage(c, 'M02');
  const change = await findEmailChangeToConfirm(c.get('deps'), token);
  if (!change) return renderCodedErrorPage(c, 'M02');
  if (c.get('member')?.id !== change.memberId)
    return renderEmailResultPage(c, {
      ok: false,
      status: 403,
      message: c.get('t')('account.email.loginRequired'),
    });
  return renderEmailConfirmPage(c, { token, ...change });
});

emailChangeLinkRoutes.post('/settings/email/verify', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, emailTokenForm);
  if (!form.ok) return renderCodedErrorPage(c, 'M02');
  const result = await confirmEmailChange(c.get('deps'), form.data.token, c.get('member'));
  if (result.ok) {
    const member = c.get('member');
    // The page header shows the new details when this browser is logged in as that member.
    if (member)
      c.set('member', { ...member, email: result.newEmail, userId: result.newUserId ?? member.userId });
    const message = result.newUserId
      ? t('account.email.doneWithId', { email: result.newEmail })
      : t('account.email.done', { email: result.newEmail });
    return renderEmailResultPage(c, { ok: true, message });
  }
  if (result.code === 'user_id_taken')
    return renderEmailResultPage(c, { ok: false, message: t('account.email.taken') });
  if (result.code === 'login_required')
    return renderEmailResultPage(c, { ok: false, status: 403, message: t('account.email.loginRequired') });
  return renderCodedErrorPage(c, 'M02');
});

emailChangeLinkRoutes.get('/settings/email/cancel', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!emailTokenForm.safeParse({ token }).success) return renderCodedErrorPage(c, 'M02');
  const change = await findEmailChangeToCancel(c.get('deps'), token);
  if (!change) return renderCodedErrorPage(c, 'M02');
  return renderEmailCancelPage(c, { token, ...change });
});

emailChangeLinkRoutes.post('/settings/email/cancel', async (c) => {
  const form = await parseForm(c, emailTokenForm);
  if (!form.ok) return renderCodedErrorPage(c, 'M02');
  const result = await cancelEmailChange(c.get('deps'), form.data.token);
  if (!result.ok) return renderCodedErrorPage(c, 'M02');
  return renderEmailCancelledPage(c);
});

accountRoutes.post('/settings/password', async (c) => {
  const t = c.get('t');
  const member = c.get('member');
  const form = await parseForm(c, changePasswordForm(member));
  if (!form.ok) return settingsPage(c, { passwordErrors: form.errors, status: 400 });
  const result = await changePassword(c.get('deps'), member, form.data);
  if (result.ok) return c.redirect('/settings?done=password', 303);
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01', <p>{t('account.tooMany')}</p>);
  return settingsPage(c, {
    passwordErrors: { currentPassword: t('validation.currentPassword.wrong') },
    status: 400,
  });
});

// ---- withdrawal -------------------------------------------------------------------------------------

accountRoutes.get('/settings/withdraw', (c) => renderWithdrawPasswordPage(c));

accountRoutes.post('/settings/withdraw', async (c) => {
  const t = c.get('t');
  const member = c.get('member');
  const form = await parseForm(c, withdrawPasswordForm);
  if (!form.ok) return renderWithdrawPasswordPage(c, { errors: form.errors, status: 400 });
  const result = await startWithdrawal(c.get('deps'), member, form.data.password);
  if (result.ok)
    return renderWithdrawConfirmPage(c, {
      userId: member.userId,
      ticket: result.ticket,
      coolingOffDays: USER_ID_COOLING_OFF_DAYS,
      losses: await loadWithdrawalLosses(c.get('deps'), member.id),
    });
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01', <p>{t('account.tooMany')}</p>);
  return renderWithdrawPasswordPage(c, {
    errors: { password: t('validation.currentPassword.wrong') },
    status: 400,
  });
});

accountRoutes.post('/settings/withdraw/confirm', async (c) => {
  const deps = c.get('deps');
  const member = c.get('member');
  const form = await parseForm(c, withdrawConfirmForm);
  const ticket = { ticket: form.raw.ticket ?? '', expires: form.raw.expires ?? '' };
  if (!isWithdrawalTicketValid(deps, member, ticket))
    return renderWithdrawPasswordPage(c, { notice: c.get('t')('withdraw.expired'), status: 400 });
  if (!form.ok)
    return renderWithdrawConfirmPage(c, {
      userId: member.userId,
      ticket,
      coolingOffDays: USER_ID_COOLING_OFF_DAYS,
      losses: await loadWithdrawalLosses(deps, member.id),
      errors: form.errors,
    });
  await withdrawMember(deps, member.id);
  memberCookie.clear(c);
  return renderWithdrawDonePage(c);
});

// ---- registration details ---------------------------------------------------------------------------

const registrationItems = ['address', 'phone', 'bank_account', 'notifications'] as const;

/** The path segment of each item's form. */
const registrationForms = {
  address: { item: 'address', schema: addressForm },
  phone: { item: 'phone', schema: phoneForm },
  bank: { item: 'bank_account', schema: bankAccountForm },
  notifications: { item: 'notifications', schema: notificationsForm },
} as const;

function registrationFormOf(c: MemberContext) {
  const key = c.req.param('item') ?? '';
  return Object.hasOwn(registrationForms, key)
    ? registrationForms[key as keyof typeof registrationForms]
    : undefined;
}

accountRoutes.get('/settings/registration/:item', async (c) => {
  const form = registrationFormOf(c);
  if (!form) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
  const details = await loadRegistrationDetails(c.get('deps'), c.get('member'));
  return renderRegistrationPage(c, { item: form.item, details });
});

/** The change the parsed form asks for. */
function changeOf(form: { item: RegistrationItem; data: Record<string, unknown> }): RegistrationChange {
  const d = form.data as Record<string, string | undefined>;
  switch (form.item) {
    case 'address':
      return {
        item: 'address',
        address: {
          postalCode: d.postalCode ?? '',
          prefecture: d.prefecture as PrefectureCode,
          addressLine1: d.addressLine1 ?? '',
          addressLine2: d.addressLine2,
        },
      };
    case 'phone':
      return { item: 'phone', phone: d.phone ?? '' };
    case 'bank_account':
      return {
        item: 'bank_account',
        bank: {
          bankName: d.bankName ?? '',
          bankBranch: d.bankBranch ?? '',
          accountType: d.accountType === 'current' ? 'current' : 'ordinary',
          accountNumber: d.accountNumber ?? '',
          accountHolder: d.accountHolder ?? '',
        },
      };
    case 'notifications':
      return {
        item: 'notifications',
        mailLang: d.mailLang === 'en' ? 'en' : 'ja',
        marketingMail: d.marketingMail === 'yes',
      };
  }
}

accountRoutes.post('/settings/registration/:item', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const member = c.get('member');
  const form = registrationFormOf(c);
  if (!form) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
  const parsed = await parseForm(c, form.schema);
  // Never echo the password or the account number back into the page.
  const { currentPassword: _p, accountNumber: _n, ...kept } = parsed.raw;
  const again = async (errors: FieldErrors) =>
    renderRegistrationPage(c, {
      item: form.item,
      details: await loadRegistrationDetails(deps, member),
      failed: { item: form.item, values: kept, errors },
      status: 400,
    });
  if (!parsed.ok) return again(parsed.errors);
  const result = await changeRegistration(
    deps,
    member,
    parsed.data.currentPassword,
    changeOf({ item: form.item, data: parsed.data }),
  );
  if (result.ok) return c.redirect(`/settings?done=registration-${form.item}`, 303);
  if (result.code === 'R01') return renderCodedErrorPage(c, 'R01', <p>{t('account.tooMany')}</p>);
  return again({ currentPassword: t('validation.currentPassword.wrong') });
});
