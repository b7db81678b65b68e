import { defineMessages } from '../i18n/define.ts';

/** Mail text, Japanese first. Links are filled in from PUBLIC_URL only. */
export const mailMessages = defineMessages({
  ja: {
    'mail.greeting': 'cardnavi をご利用いただきありがとうございます。',
    'mail.signature': '――\ncardnavi(このメールは送信専用です。ご返信いただいてもお答えできません)',
    'mail.notYou': 'お心当たりがない場合は、このメールを破棄してください。',
    'mail.registration.subject': '【cardnavi】会員登録を完了してください',
    'mail.registration.body':
      'ユーザーID「{userId}」の会員登録を受け付けました。30分以内に次のリンクを開いて、登録を完了してください。\n\n{link}',
    'mail.registrationTaken.subject': '【cardnavi】会員登録を完了できませんでした',
    'mail.registrationTaken.body':
      'ご希望のユーザーID「{userId}」はすでに使われているため登録できませんでした。別のユーザーIDで、もう一度お手続きください。\n\n{link}\n\nこのユーザーIDをお持ちでログインできない場合は、ユーザーID・パスワードを忘れた方のページをご利用ください。\n{forgotLink}',
    'mail.locked.subject': '【cardnavi】アカウントを一時的にロックしました',
    'mail.locked.body':
      'ユーザーID「{userId}」で、パスワードの誤りが続いたため、{until} までログインを停止しています。\n\nご本人の操作でない場合は、第三者がログインを試みた可能性があります。パスワードの再設定をおすすめします。\n{resetLink}\n\n詳しくは: {helpLink}',
    'mail.lockedPermanent.subject': '【cardnavi】アカウントをロックしました',
    'mail.lockedPermanent.body':
      'ユーザーID「{userId}」で、パスワードの誤りが多数続いたため、ログインを停止しました。解除にはコンタクトセンターでの本人確認が必要です。\n\n詳しくは: {helpLink}',
  },
  en: {
    'mail.greeting': 'Thank you for using cardnavi.',
    'mail.signature': '--\ncardnavi (this address does not receive replies)',
    'mail.notYou': 'If this was not you, please ignore this email.',
    'mail.registration.subject': '[cardnavi] Finish your registration',
    'mail.registration.body':
      'We received a registration for the user ID “{userId}”. Open this link within 30 minutes to finish it:\n\n{link}',
    'mail.registrationTaken.subject': '[cardnavi] Your registration could not be completed',
    'mail.registrationTaken.body':
      'The user ID “{userId}” is already in use, so it could not be registered. Please register again with another user ID:\n\n{link}\n\nIf this user ID is yours and you cannot log in, use the forgotten ID or password page:\n{forgotLink}',
    'mail.locked.subject': '[cardnavi] Your account is temporarily locked',
    'mail.locked.body':
      'There were several wrong passwords in a row for the user ID “{userId}”, so logging in is paused until {until}.\n\nIf this was not you, someone may be trying to log in. We recommend resetting your password:\n{resetLink}\n\nMore: {helpLink}',
    'mail.lockedPermanent.subject': '[cardnavi] Your account is locked',
    'mail.lockedPermanent.body':
      'There were very many wrong passwords in a row for the user ID “{userId}”, so logging in is stopped. To unlock it, the contact center must verify your identity.\n\nMore: {helpLink}',
  },
});
