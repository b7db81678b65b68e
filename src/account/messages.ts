import { defineMessages } from '../i18n/define.ts';

/** Account settings pages: email and password change, withdrawal. */
export const accountMessages = defineMessages({
  ja: {
    'account.title': '会員情報の設定',
    'account.summary': '登録内容',
    'account.userId': 'ユーザーID',
    'account.email': 'メールアドレス',
    'account.currentPassword': '現在のパスワード',
    'account.email.title': 'メールアドレスの変更',
    'account.email.lead':
      '新しいメールアドレスに確認メールをお送りします。メール内のリンクを開くまで、変更はされません。現在のアドレスにも変更のお知らせをお送りします。',
    'account.email.idChanges':
      'ユーザーIDがメールアドレスになっているため、メールアドレスを変更すると、ユーザーIDも新しいメールアドレスに変わります。次回から新しいメールアドレスでログインしてください。',
    'account.email.new': '新しいメールアドレス',
    'account.email.submit': '確認メールを送る',
    'account.email.sent.title': '確認メールを送信しました',
    'account.email.sent.body':
      '{email} 宛てに確認メールをお送りしました。30分以内にメール内のリンクを開いて、変更を確定してください。',
    'account.email.confirm.title': 'メールアドレス変更の確定',
    'account.email.confirm.lead': 'メールアドレスを {oldEmail} から {newEmail} に変更します。',
    'account.email.confirm.idChanges': 'ユーザーIDも「{oldUserId}」から「{newEmail}」に変わります。',
    'account.email.confirm.submit': '変更を確定する',
    'account.email.done': 'メールアドレスを {email} に変更しました。',
    'account.email.doneWithId':
      'メールアドレスとユーザーIDを {email} に変更しました。次回から新しいユーザーIDでログインしてください。',
    'account.email.taken':
      'このメールアドレスは、ほかの会員IDのユーザーIDとして使われているため、ユーザーIDを変更できません。メールアドレスは変更されていません。別のメールアドレスでお手続きいただくか、コンタクトセンターへお問い合わせください。',
    'account.email.loginRequired':
      'メールアドレスの変更を確定するには、変更をお申し込みになった会員IDで、このブラウザーからログインしてください。そのあと、メールのリンクをもう一度開いてください(リンクの有効期限は30分です)。',
    'account.email.cancel.title': 'メールアドレス変更の取り消し',
    'account.email.cancel.lead':
      'ユーザーID「{userId}」のメールアドレスを {newEmail} に変更するお申し込みを取り消します。',
    'account.email.cancel.advice':
      'お心当たりがない場合は、パスワードを知った第三者の操作の可能性があります。取り消したあと、パスワードを再設定してください。',
    'account.email.cancel.submit': '変更を取り消す',
    'account.email.cancel.done':
      'メールアドレスの変更を取り消しました。確認メールのリンクは使えません。メールアドレスは変わっていません。',
    'account.email.cancel.resetLink': 'パスワードを再設定する',
    'account.password.title': 'パスワードの変更',
    'account.password.lead':
      '変更すると、この画面以外の端末やブラウザーのログインは終了します。変更のお知らせをメールでお送りします。',
    'account.password.new': '新しいパスワード',
    'account.password.submit': 'パスワードを変更する',
    'account.password.done': 'パスワードを変更しました。ほかの端末のログインは終了しました。',
    'account.tooMany':
      'パスワードの確認が続けて失敗したため、しばらく受け付けを停止しています。15分ほど待ってから、もう一度お試しください。',
    'withdraw.title': '退会(会員IDの削除)',
    'withdraw.entry.lead':
      '会員IDを削除すると、グループのすべてのサービスとカード会員ページが使えなくなります。ポイントも失われ、元に戻すことはできません。',
    'withdraw.entry.link': '退会の手続きへ進む',
    'withdraw.password.lead':
      '退会の手続きを続けるには、現在のパスワードを入力してください。次の画面で、失われるものを確認していただきます。',
    'withdraw.password.submit': '次へ(まだ退会しません)',
    'withdraw.confirm.title': '退会すると失われるもの',
    'withdraw.confirm.lead': 'ユーザーID「{userId}」で退会すると、次のようになります。よくお読みください。',
    'withdraw.loss.services': 'この会員IDでのグループのすべてのサービスへのログインができなくなります。',
    'withdraw.loss.portal': 'カード会員ページ(利用明細、請求額、各種お手続き)が使えなくなります。',
    'withdraw.loss.points': 'たまっているポイントはすべて失われます。',
    'withdraw.cards.lead': 'カード会員ページに登録しているカードと、失われるもの:',
    'withdraw.card.points': 'ポイント {points} ポイントが失われます',
    'withdraw.card.points.one': 'ポイント {points} ポイントが失われます',
    'withdraw.card.statements': '利用明細 {months}か月分({from}〜{to})が、この会員IDでは見られなくなります',
    'withdraw.card.statements.one':
      '利用明細 {months}か月分({from}〜{to})が、この会員IDでは見られなくなります',
    'withdraw.card.noStatements': '利用明細はまだありません',
    'withdraw.cards.kept':
      'カードの利用記録はカード会社に残ります。新しい会員IDで開始手続きをやり直すと、利用明細は再び見られます。ポイントは戻りません。',
    'withdraw.loss.pointsTotal': 'ポイントは合計 {points} ポイントがすべて失われ、戻りません。',
    'withdraw.loss.pointsTotal.one': 'ポイントは合計 {points} ポイントがすべて失われ、戻りません。',
    'withdraw.loss.history': 'ログイン履歴や設定などの会員情報は削除されます。',
    'withdraw.loss.restore': '退会は取り消せません。削除した情報は元に戻せません。',
    'withdraw.loss.userId':
      'このユーザーIDは{days}日間、どなたも登録できません。その後は、ほかの方が登録できるようになります。',
    'withdraw.card':
      'カードそのものは退会後も使えます。カードの解約は別のお手続きです(コンタクトセンターへお電話ください)。',
    'withdraw.again':
      'もう一度ご利用になる場合は、新しく会員登録し、カード会員ページの開始手続きをやり直していただきます。',
    'withdraw.understand': '上記の内容を理解し、退会します',
    'withdraw.submit': '退会する',
    'withdraw.cancel': '退会しないで戻る',
    'withdraw.dialog': '本当に退会しますか?この操作は取り消せません。',
    'withdraw.done.title': '退会手続きが完了しました',
    'withdraw.done.body':
      '会員IDを削除しました。ご利用ありがとうございました。カードはそのままご利用いただけます。',
    'withdraw.done.again': 'もう一度ご利用になる場合は、新規会員登録からお手続きください。',
    'withdraw.expired': '確認の有効期限が切れました。もう一度パスワードを入力してください。',
  },
  en: {
    'account.title': 'Account settings',
    'account.summary': 'Your details',
    'account.userId': 'User ID',
    'account.email': 'Email',
    'account.currentPassword': 'Current password',
    'account.email.title': 'Change your email address',
    'account.email.lead':
      'We will send a confirmation email to the new address; nothing changes until you open its link. We also tell your current address about the change.',
    'account.email.idChanges':
      'Your user ID is your email address, so changing the email changes your user ID to the new address too. Log in with the new address from then on.',
    'account.email.new': 'New email address',
    'account.email.submit': 'Send confirmation email',
    'account.email.sent.title': 'Check your new mailbox',
    'account.email.sent.body':
      'We sent a confirmation email to {email}. Open its link within 30 minutes to confirm the change.',
    'account.email.confirm.title': 'Confirm your new email address',
    'account.email.confirm.lead': 'Your email address will change from {oldEmail} to {newEmail}.',
    'account.email.confirm.idChanges': 'Your user ID will change too, from “{oldUserId}” to “{newEmail}”.',
    'account.email.confirm.submit': 'Confirm the change',
    'account.email.done': 'Your email address is now {email}.',
    'account.email.doneWithId':
      'Your email address and user ID are now {email}. Log in with the new user ID from now on.',
    'account.email.taken':
      'This address is already the user ID of another member ID, so your user ID cannot change to it. Your email was not changed. Use another address or call the contact center.',
    'account.email.loginRequired':
      'To confirm the change, log in in this browser with the member ID that asked for it, then open the link in the mail again (it works for 30 minutes).',
    'account.email.cancel.title': 'Cancel the email change',
    'account.email.cancel.lead':
      'This cancels the request to change the email address of the user ID “{userId}” to {newEmail}.',
    'account.email.cancel.advice':
      'If you did not ask for it, someone may know your password: after cancelling, reset your password.',
    'account.email.cancel.submit': 'Cancel the change',
    'account.email.cancel.done':
      'The email change is cancelled: the confirmation link no longer works and your email address is unchanged.',
    'account.email.cancel.resetLink': 'Reset your password',
    'account.password.title': 'Change your password',
    'account.password.lead':
      'Every other device and browser will be logged out. We will tell you about the change by email.',
    'account.password.new': 'New password',
    'account.password.submit': 'Change password',
    'account.password.done': 'Your password was changed. Other devices were logged out.',
    'account.tooMany':
      'Too many wrong current passwords in a row, so we have paused these checks. Please wait about 15 minutes and try again.',
    'withdraw.title': 'Withdraw (delete your member ID)',
    'withdraw.entry.lead':
      'Deleting your member ID ends your access to every group service and the card portal. Your points are lost, and it cannot be undone.',
    'withdraw.entry.link': 'Start the withdrawal',
    'withdraw.password.lead':
      'To continue, enter your current password. The next page shows what you would lose before anything happens.',
    'withdraw.password.submit': 'Next (nothing is deleted yet)',
    'withdraw.confirm.title': 'What you lose by withdrawing',
    'withdraw.confirm.lead':
      'If you withdraw the user ID “{userId}”, this happens. Please read it carefully.',
    'withdraw.loss.services': 'You can no longer log in to any group service with this member ID.',
    'withdraw.loss.portal':
      'The card portal (statements, billing, all procedures) is no longer available to you.',
    'withdraw.loss.points': 'All your points are lost.',
    'withdraw.cards.lead': 'Cards enrolled in the card portal, and what goes with them:',
    'withdraw.card.points': '{points} points are lost',
    'withdraw.card.points.one': '{points} point is lost',
    'withdraw.card.statements':
      'Statements for {months} months ({from} – {to}) can no longer be opened with this member ID',
    'withdraw.card.statements.one':
      'Statements for {months} month ({from}) can no longer be opened with this member ID',
    'withdraw.card.noStatements': 'No statements yet',
    'withdraw.cards.kept':
      'The card company keeps the card’s usage records: after the start procedure with a new member ID the statements show again. Points do not come back.',
    'withdraw.loss.pointsTotal': 'All your points ({points} points in total) are lost for good.',
    'withdraw.loss.pointsTotal.one': 'All your points ({points} point in total) are lost for good.',
    'withdraw.loss.history': 'Your member details, login history and settings are deleted.',
    'withdraw.loss.restore': 'Withdrawal cannot be cancelled. Deleted data cannot be restored.',
    'withdraw.loss.userId':
      'Nobody can register this user ID for {days} days. After that, anyone may register it.',
    'withdraw.card':
      'Your card itself keeps working after you withdraw. Cancelling the card is a separate procedure (call the contact center).',
    'withdraw.again':
      'To use the service again you would register a new member ID and do the card portal’s start procedure again.',
    'withdraw.understand': 'I understand the above and want to withdraw',
    'withdraw.submit': 'Withdraw',
    'withdraw.cancel': 'Keep my member ID',
    'withdraw.dialog': 'Do you really want to withdraw? This cannot be undone.',
    'withdraw.done.title': 'You have withdrawn',
    'withdraw.done.body':
      'Your member ID was deleted. Thank you for using cardnavi. Your card keeps working.',
    'withdraw.done.again': 'To use the service again, register a new member ID.',
    'withdraw.expired': 'The confirmation expired. Please enter your password again.',
  },
});
