import { defineMessages } from '../i18n/define.ts';

/** Console text of the member case's call notes and sign-in security panel, Japanese first. */
export const supportCaseMessages = defineMessages({
  ja: {
    'support.notes.title': '通話メモ',
    'support.notes.none': 'メモはまだありません。',
    'support.notes.body': 'メモを追加',
    'support.notes.body.hint':
      'この通話で分かったこと・ご案内したことを2000文字以内で書いてください。カード番号・パスワード・暗証番号は書かないでください。',
    'support.notes.submit': 'メモを保存',
    'support.notes.meta': '{at}・{author}',
    'support.done.note': '通話メモを保存しました。',
    'support.done.verified': 'カードとお客様情報がすべて一致しました。ご本人確認済みです。',
    'support.v.noteLength': 'メモを1文字以上2000文字以内で入力してください',
    'support.v.noteCardNumber':
      'カード番号のような数字はメモに書けません。カードは下4桁(例:**** 1234)で書いてください',

    'support.twoStep.title': '2段階ログイン',
    'support.twoStep.on': '有効',
    'support.twoStep.off': '無効',
    'support.twoStep.details': '未使用のリカバリーコード {codes}個、確認コードを省略する端末 {devices}台',
    'support.twoStep.remove': '2段階ログインを解除する',
    'support.twoStep.removeConfirm':
      'この会員の2段階ログインを解除します。すべてのログイン状態が終了し、会員にメールでお知らせします。よろしいですか?',
    'support.twoStep.supervisorOnly':
      '認証アプリもリカバリーコードも失った場合の解除は、ご本人確認のうえスーパーバイザーが行います。',
    'support.twoStep.notOn': '2段階ログインは有効になっていません',
    'support.twoStep.notOn.body': 'この会員の2段階ログインはすでに無効です。解除の必要はありません。',
    'support.done.twoStep':
      '2段階ログインを解除しました。すべてのログイン状態を終了し、会員にメールでお知らせしました。',
    'support.signIns.title': 'ログイン履歴',
    'support.signIns.none': 'ログインの記録はまだありません。',
  },
  en: {
    'support.notes.title': 'Call notes',
    'support.notes.none': 'No notes yet.',
    'support.notes.body': 'Add a note',
    'support.notes.body.hint':
      'What you learned on this call and what you told the caller, up to 2,000 characters. Never write card numbers, passwords or PINs.',
    'support.notes.submit': 'Save note',
    'support.notes.meta': '{at} · {author}',
    'support.done.note': 'Call note saved.',
    'support.done.verified': 'Card and details all match: the caller is verified.',
    'support.v.noteLength': 'Write a note of 1 to 2,000 characters',
    'support.v.noteCardNumber':
      'A note cannot hold what looks like a card number. Refer to a card by its last 4 digits (e.g. **** 1234)',

    'support.twoStep.title': 'Two-step login',
    'support.twoStep.on': 'On',
    'support.twoStep.off': 'Off',
    'support.twoStep.details': '{codes} unused recovery codes, {devices} remembered devices',
    'support.twoStep.remove': 'Remove two-step login',
    'support.twoStep.removeConfirm':
      'Remove this member’s two-step login? Every session ends and the member is told by email.',
    'support.twoStep.supervisorOnly':
      'When the caller lost both the authenticator and the recovery codes, a supervisor removes it after verification.',
    'support.twoStep.notOn': 'Two-step login is not on',
    'support.twoStep.notOn.body': 'This member’s two-step login is already off; there is nothing to remove.',
    'support.done.twoStep': 'Two-step login removed. Every session ended and the member was told by email.',
    'support.signIns.title': 'Sign-in history',
    'support.signIns.none': 'No sign-ins yet.',
  },
});
