import { defineMessages } from '../i18n/define.ts';

/** Card controls (/portal/card) and their mail, Japanese first. The English button labels are a contract. */
export const cardControlMessages = defineMessages({
  ja: {
    'controls.title': 'カードの利用停止・紛失届・ご利用通知',
    'controls.card': 'カード',
    'controls.status': '状態',
    'controls.status.locked': '利用停止中(お客さまによる一時停止)',
    'controls.chooseCard': '別のカードを表示',
    'controls.back': 'カード会員ページへ戻る',
    'controls.done.locked': 'カード({card})の利用を停止しました。確認のメールをお送りしました。',
    'controls.done.unlocked': 'カード({card})の利用停止を解除しました。確認のメールをお送りしました。',
    'controls.done.reported':
      'カード({card})の紛失・盗難を受け付けました。このカードは今後ご利用いただけません。新しい番号のカードを再発行します。確認のメールをお送りしました。',
    'controls.done.notificationsOn':
      'ご利用通知を設定しました({amount}以上のご利用をメールでお知らせします)。',
    'controls.done.notificationsOff': 'ご利用通知を停止しました。',
    'controls.notActive':
      'このカードは現在ご利用いただけない状態のため、この操作はできません。状態をご確認ください。',
    'controls.lock.heading': 'カードの利用停止(一時的)',
    'controls.lock.lead':
      'カードが見当たらないときなど、一時的にカードのご利用を止められます。止めている間はお買い物やキャッシングに使えません。見つかったら、ここからすぐに再開できます。カード番号は変わりません。',
    'controls.lock.locked': '{at} から利用を停止しています。',
    'controls.lock.submit': 'カードの利用を停止する',
    'controls.unlock.submit': '利用停止を解除する',
    'controls.lock.unavailable': 'このカードはご利用いただけない状態のため、利用停止の操作はありません。',
    'controls.lost.heading': '紛失・盗難の届け出',
    'controls.lost.lead':
      'カードを紛失した・盗まれた場合は、ここから届け出てください。届け出たカードは二度とご利用いただけません(取り消しはできません)。新しい番号のカードを再発行し、ご登録の住所へお送りします。届いたら開始手続きを行ってください。',
    'controls.lost.password': 'ログインパスワード',
    'controls.lost.password.hint': '届け出の確認のため、会員IDのパスワードを入力してください。',
    'controls.lost.submit': '紛失・盗難を届け出る',
    'controls.lost.help': '届け出のあとの流れ',
    'controls.lost.reported': '{at} に紛失・盗難の届け出を受け付けました。このカードはご利用いただけません。',
    'controls.lost.replacementRequested': '新しいカードを発行する準備をしています。',
    'controls.lost.replacementIssued':
      '新しいカード(末尾{last4})を発行し、ご登録の住所へお送りしています。届いたら開始手続きを行ってください。',
    'controls.lost.enroll': '新しいカードの開始手続き',
    'controls.notify.heading': 'ご利用通知',
    'controls.notify.lead':
      '指定した金額以上のご利用があると、ご利用データが届いた時点でメールでお知らせします(同じ回に届いた分は1通にまとめます)。初期設定はオフです。',
    'controls.notify.enabled': 'ご利用通知メールを受け取る',
    'controls.notify.amount': '通知する金額(円以上)',
    'controls.notify.amount.hint': '1円〜10,000,000円。例:10000',
    'controls.notify.current': '現在の設定:{amount}以上のご利用をお知らせ',
    'controls.notify.off': '現在の設定:お知らせしない',
    'controls.notify.submit': 'ご利用通知を保存する',
    'controls.v.amount': '通知する金額を1円〜10,000,000円の整数で入力してください',
    'controls.v.amount.tooLong': '金額は20文字以内で入力してください',
    'portal.status.reissue_requested': '紛失・盗難届け済み(再発行)',
    'support.cardStatus.reissue_requested': '紛失・盗難届(再発行)',
    'support.card.lockedByMember': '会員が利用停止中',
    'support.history.byMember': '会員本人',
    'support.history.bySystem': 'バッチ処理',
    'mail.cardLocked.subject': '【cardnavi】カードの利用を停止しました',
    'mail.cardLocked.body':
      'ユーザーID「{userId}」の操作で、カード(下4桁 {last4})の利用を一時的に停止しました。停止中はカードをご利用いただけません。再開はカード会員ページからいつでもできます。\n{cardLink}\n\nお心当たりがない場合は、すぐにコンタクトセンターへご連絡ください。',
    'mail.cardUnlocked.subject': '【cardnavi】カードの利用を再開しました',
    'mail.cardUnlocked.body':
      'ユーザーID「{userId}」の操作で、カード(下4桁 {last4})の利用停止を解除しました。いまからご利用いただけます。\n{cardLink}\n\nお心当たりがない場合は、すぐにカード会員ページで利用を停止し、コンタクトセンターへご連絡ください。',
    'mail.cardReportedLost.subject': '【cardnavi】カードの紛失・盗難の届け出を受け付けました',
    'mail.cardReportedLost.body':
      'ユーザーID「{userId}」で、カード(下4桁 {last4})の紛失・盗難の届け出を受け付けました。このカードは今後ご利用いただけません。\n\n新しい番号のカードを再発行し、ご登録の住所へお送りします。届いたら、カード会員ページで開始手続きを行ってください。新しいカードの開始手続き専用パスワード(数字4桁)は、カードとは別に郵便でお届けします。\n\n身に覚えのないご利用がある場合や、盗難の場合は、コンタクトセンターへもご連絡ください。\n{helpLink}',
    'mail.cardReissued.subject': '【cardnavi】新しいカードを発行しました',
    'mail.cardReissued.body':
      'ユーザーID「{userId}」で紛失・盗難を届け出たカード(下4桁 {lostLast4})に代わる、新しい番号のカード(下4桁 {last4})を発行し、ご登録の住所へお送りします。\n\n届いたら、カード会員ページで開始手続きを行ってください。新しいカードの開始手続き専用パスワード(数字4桁)は、カードとは別に郵便でお届けします(メールではお知らせしません)。\n{enrollLink}\n\n詳しくは: {helpLink}',
    'mail.cardReissueLetter.subject': '再発行カードの開始手続き専用パスワードのお知らせ',
    'mail.cardReissueLetter.body':
      '{holderName} 様\n\n紛失・盗難のお届けにより再発行したカード(下4桁 {last4})の開始手続き専用パスワードをお知らせします。\n\n開始手続き専用パスワード: {pin}\n\nカードが届いたら、カード会員ページの開始手続きで、カード番号・生年月日とともに入力してください。このパスワードは誰にも教えないでください。当社からお尋ねすることはありません。\n\nお心当たりがない場合は、コンタクトセンターへご連絡ください。',
    'mail.cardUsage.subject': '【cardnavi】カードご利用のお知らせ',
    'mail.cardUsage.body':
      'ユーザーID「{userId}」でご設定の金額以上のカードのご利用が{count}件ありました。\n\n{lines}\n\nご利用明細: {statementsLink}\n\nお心当たりがない場合は、カード会員ページですぐにカードの利用を停止し、コンタクトセンターへご連絡ください。通知の設定の変更: {settingsLink}',
  },
  en: {
    'controls.title': 'Card controls',
    'controls.card': 'Card',
    'controls.status': 'Status',
    'controls.status.locked': 'Locked (by you, for now)',
    'controls.chooseCard': 'Show another card',
    'controls.back': 'Back to the card portal',
    'controls.done.locked': 'Your card ({card}) is locked. We have sent you a confirmation mail.',
    'controls.done.unlocked': 'Your card ({card}) is unlocked. We have sent you a confirmation mail.',
    'controls.done.reported':
      'We have your report that the card ({card}) was lost or stolen. It can no longer be used; a card with a new number will be issued. We have sent you a confirmation mail.',
    'controls.done.notificationsOn':
      'Usage notifications are on: we mail you about each transaction of {amount} or more.',
    'controls.done.notificationsOff': 'Usage notifications are off.',
    'controls.notActive':
      'This card cannot be used at the moment, so this action is not available. Check its status.',
    'controls.lock.heading': 'Lock the card for now',
    'controls.lock.lead':
      'If you cannot find your card, you can stop it for now. While it is locked it cannot be used for purchases or cash. If you find it, unlock it here straight away. The card number stays the same.',
    'controls.lock.locked': 'Locked since {at}.',
    'controls.lock.submit': 'Lock card',
    'controls.unlock.submit': 'Unlock card',
    'controls.lock.unavailable': 'This card cannot be used, so there is nothing to lock.',
    'controls.lost.heading': 'Lost or stolen card',
    'controls.lost.lead':
      'If your card was lost or stolen, report it here. A reported card can never be used again (the report cannot be undone). We issue a card with a new number and send it to your registered address; when it arrives, do the start procedure.',
    'controls.lost.password': 'Login password',
    'controls.lost.password.hint': 'To confirm the report, enter the password of your member ID.',
    'controls.lost.submit': 'Report lost or stolen',
    'controls.lost.help': 'What happens after the report',
    'controls.lost.reported': 'Reported lost or stolen on {at}. This card can no longer be used.',
    'controls.lost.replacementRequested': 'We are preparing your new card.',
    'controls.lost.replacementIssued':
      'Your new card (ending {last4}) has been issued and is on its way to your registered address. When it arrives, do the start procedure.',
    'controls.lost.enroll': 'Start procedure for the new card',
    'controls.notify.heading': 'Usage notifications',
    'controls.notify.lead':
      'We mail you when a transaction of the amount you choose or more reaches us (lines that reach us together come in one mail). Off unless you turn it on.',
    'controls.notify.enabled': 'Mail me about my transactions',
    'controls.notify.amount': 'Amount (yen) or more',
    'controls.notify.amount.hint': '¥1 to ¥10,000,000. For example: 10000',
    'controls.notify.current': 'Now: we tell you about transactions of {amount} or more',
    'controls.notify.off': 'Now: off',
    'controls.notify.submit': 'Save usage notifications',
    'controls.v.amount': 'Enter the amount as a whole number of yen from 1 to 10,000,000',
    'controls.v.amount.tooLong': 'Enter the amount in 20 characters or fewer',
    'portal.status.reissue_requested': 'Reported lost or stolen (being replaced)',
    'support.cardStatus.reissue_requested': 'Reported lost or stolen (reissue)',
    'support.card.lockedByMember': 'locked by the member',
    'support.history.byMember': 'the member',
    'support.history.bySystem': 'batch',
    'mail.cardLocked.subject': '[cardnavi] Your card is locked',
    'mail.cardLocked.body':
      'Your card (last 4 digits {last4}) was locked for now from the member ID "{userId}". While it is locked it cannot be used. You can unlock it in the card portal at any time.\n{cardLink}\n\nIf this was not you, please call the contact center straight away.',
    'mail.cardUnlocked.subject': '[cardnavi] Your card is unlocked',
    'mail.cardUnlocked.body':
      'Your card (last 4 digits {last4}) was unlocked from the member ID "{userId}". It can be used again now.\n{cardLink}\n\nIf this was not you, lock the card in the card portal straight away and call the contact center.',
    'mail.cardReportedLost.subject': '[cardnavi] We have your lost or stolen card report',
    'mail.cardReportedLost.body':
      'The member ID "{userId}" reported the card (last 4 digits {last4}) lost or stolen. The card can no longer be used.\n\nWe will issue a card with a new number and send it to your registered address. When it arrives, do the start procedure in the card portal; the new card’s start PIN (4 digits) comes by post, separately from the card.\n\nIf you see purchases you did not make, or the card was stolen, please also call the contact center.\n{helpLink}',
    'mail.cardReissued.subject': '[cardnavi] Your new card has been issued',
    'mail.cardReissued.body':
      'In place of the card reported lost or stolen with the member ID "{userId}" (last 4 digits {lostLast4}), we have issued a card with a new number (last 4 digits {last4}) and are sending it to your registered address.\n\nWhen it arrives, do the start procedure in the card portal. The new card’s start PIN (4 digits) comes by post, separately from the card (never by email).\n{enrollLink}\n\nMore: {helpLink}',
    'mail.cardReissueLetter.subject': 'The start PIN of your replacement card',
    'mail.cardReissueLetter.body':
      'Dear {holderName},\n\nThis is the start PIN of the card ending in {last4}, issued to replace the card reported lost or stolen.\n\nStart PIN: {pin}\n\nWhen the card arrives, enter it in the start procedure of the card portal, with the card number and your date of birth. Never tell this PIN to anyone: we will never ask for it.\n\nIf you did not report a card lost or stolen, please call the contact center.',
    'mail.cardUsage.subject': '[cardnavi] Card transactions',
    'mail.cardUsage.body':
      '{count} transaction(s) at or above the amount you chose for the member ID "{userId}":\n\n{lines}\n\nStatements: {statementsLink}\n\nIf you do not recognise one, lock the card in the card portal straight away and call the contact center. Change the notification settings: {settingsLink}',
  },
});
