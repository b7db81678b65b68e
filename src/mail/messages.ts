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
    'mail.registrationCoolingOff.subject': '【cardnavi】ご希望のユーザーIDはまだ登録できません',
    'mail.registrationCoolingOff.body':
      'ご希望のユーザーID「{userId}」は、退会の手続きで使われなくなったユーザーIDです。退会から{days}日間は、どなたも登録できません。{availableFrom} 以降に登録できます。\n\nすぐにご利用になる場合は、別のユーザーIDで会員登録してください(同じメールアドレスでも登録できます)。\n{link}\n\nご自身で退会した会員IDの場合、退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。新しい会員IDでログインし、カード会員ページの開始手続きをやり直してください。\n詳しくは: {helpLink}',
    'mail.locked.subject': '【cardnavi】アカウントを一時的にロックしました',
    'mail.locked.body':
      'ユーザーID「{userId}」で、パスワードの誤りが続いたため、{until} までログインを停止しています。\n\nすぐにログインしたい場合は、次のリンクからパスワードを再設定してください。再設定が終わるとロックは解除され、新しいパスワードでログインできます。再設定しない場合は、{until} を過ぎてから正しいパスワードでログインしてください。\n{resetLink}\n\nご本人の操作でない場合は、第三者がログインを試みた可能性があります。パスワードの再設定をおすすめします。\n\n詳しくは: {helpLink}',
    'mail.lockedPermanent.subject': '【cardnavi】アカウントをロックしました',
    'mail.lockedPermanent.body':
      'ユーザーID「{userId}」で、パスワードの誤りが多数続いたため、ログインを停止しました。解除にはコンタクトセンターでの本人確認が必要です。\n\n詳しくは: {helpLink}',
    'mail.forgotId.subject': '【cardnavi】ユーザーIDのお知らせ',
    'mail.forgotId.body':
      'このメールアドレスで登録されている会員IDのユーザーIDは次のとおりです。\n\n{userIds}\n\nログインはこちら: {loginLink}\n\nパスワードもお忘れの場合は: {forgotLink}',
    'mail.forgotIdNone.subject': '【cardnavi】ユーザーIDのお問い合わせについて',
    'mail.forgotIdNone.body':
      'ユーザーIDのお問い合わせを受け付けましたが、このメールアドレスで登録されている会員IDはありません。\n\n別のメールアドレスで登録された可能性があります。そのアドレスで、もう一度お試しください。メールアドレスを変更した場合は、変更後のアドレスをお使いください。\n{forgotLink}\n\n新しく会員登録する場合は: {registerLink}',
    'mail.withdrawnId.line':
      '会員ID「{userId}」は {date} に退会しました(同じユーザーIDは {availableFrom} 以降に登録できます)。',
    'mail.forgotIdWithdrawn.subject': '【cardnavi】このメールアドレスの会員IDは退会済みです',
    'mail.forgotIdWithdrawn.body':
      'ユーザーIDのお問い合わせを受け付けました。このメールアドレスで登録されていた会員IDは、退会済みです。\n\n{withdrawnIds}\n\n退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。もう一度ご利用いただく場合は、新しく会員登録してください(同じメールアドレスでも登録できます)。そのあと、カード会員ページの開始手続きをやり直してください。\n{registerLink}\n\n詳しくは: {helpLink}',
    'mail.reset.subject': '【cardnavi】パスワードの再設定',
    'mail.reset.body':
      'ユーザーID「{userId}」のパスワード再設定を受け付けました。30分以内に次のリンクを開いて、新しいパスワードを設定してください。リンクは1回だけ使えます。あとから再設定を申し込むと、このリンクは使えなくなります。\n\n{link}',
    'mail.resetNone.subject': '【cardnavi】パスワード再設定のお問い合わせについて',
    'mail.resetNone.body':
      'パスワード再設定のお申し込みを受け付けましたが、このメールアドレスで登録されている会員IDはありません。\n\n別のメールアドレスで登録された可能性があります。ユーザーIDがわかる場合は、ユーザーIDでお申し込みください。\n{forgotLink}',
    'mail.resetWithdrawn.subject': '【cardnavi】このメールアドレスの会員IDは退会済みです',
    'mail.resetWithdrawn.body':
      'パスワード再設定のお申し込みを受け付けましたが、このメールアドレスで登録されていた会員IDは退会済みのため、パスワードは再設定できません。\n\n{withdrawnIds}\n\n退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。もう一度ご利用いただく場合は、新しく会員登録してください(同じメールアドレスでも登録できます)。そのあと、カード会員ページの開始手続きをやり直してください。\n{registerLink}\n\n詳しくは: {helpLink}',
    'mail.startPinUnlocked.subject': '【cardnavi】開始手続きのロックを解除しました',
    'mail.startPinUnlocked.body':
      'コンタクトセンターで本人確認のうえ、ユーザーID「{userId}」のカード(下4桁 {last4})の開始手続きのロックを解除しました。カードお申し込み時に決めた開始手続き専用パスワード(数字4桁)で、もう一度開始手続きができます。\n{helpLink}\n\nお心当たりがない場合は、すぐにコンタクトセンターへご連絡ください。',
    'mail.loginUnlocked.subject': '【cardnavi】ログインのロックを解除しました',
    'mail.loginUnlocked.body':
      'コンタクトセンターで本人確認のうえ、ユーザーID「{userId}」のログインのロックを解除しました。いまからログインできます。\n{loginLink}\n\nお心当たりがない場合は、すぐにコンタクトセンターへご連絡ください。',
    'mail.cardEnrolled.subject': '【cardnavi】カードの開始手続きが完了しました',
    'mail.cardEnrolled.body':
      'ユーザーID「{userId}」で、カード(下4桁 {last4})の開始手続きが完了しました。カード会員ページでご利用明細やお支払い日をご確認いただけます。\n{portalLink}\n\nお心当たりがない場合は、すぐにコンタクトセンターへご連絡ください。',
    'mail.passwordChanged.subject': '【cardnavi】パスワードを変更しました',
    'mail.passwordChanged.body':
      'ユーザーID「{userId}」のパスワードが変更されました。ほかの端末やブラウザーのログインはすべて終了しています。\n\nお心当たりがない場合は、すぐにパスワードを再設定し、コンタクトセンターへご連絡ください。\n{resetLink}',
    'mail.emailVerify.subject': '【cardnavi】メールアドレス変更の確認',
    'mail.emailVerify.body':
      'ユーザーID「{userId}」のメールアドレスを、このアドレス({newEmail})に変更するお申し込みを受け付けました。30分以内に次のリンクを開いて、変更を確定してください。\n\n{link}',
    'mail.emailChangeRequested.subject': '【cardnavi】メールアドレス変更のお申し込みがありました',
    'mail.emailChangeRequested.body':
      'ユーザーID「{userId}」のメールアドレスを {newEmail} に変更するお申し込みがありました。新しいアドレスに届いたリンクで、ログイン中の会員が確定するまで、変更は行われません。\n\nお心当たりがない場合は、次のリンクから取り消してください。パスワードを知った第三者の操作の可能性があるため、パスワードの再設定もおすすめします。\n取り消す: {cancelLink}\nパスワードの再設定: {resetLink}',
    'mail.emailChanged.subject': '【cardnavi】メールアドレスを変更しました',
    'mail.emailChanged.body':
      'ユーザーID「{userId}」のメールアドレスが {newEmail} に変更されました。今後のお知らせは新しいアドレスにお送りします。{idNote}\n\nお心当たりがない場合は、コンタクトセンターへご連絡ください。\n{helpLink}',
    'mail.emailChanged.idNote': 'ユーザーIDも新しいメールアドレスに変わりました。',
    'mail.withdrawn.subject': '【cardnavi】退会手続きが完了しました',
    'mail.withdrawn.body':
      'ユーザーID「{userId}」の退会手続きが完了しました。会員IDの情報とポイントは削除され、元に戻すことはできません。カードはそのままご利用いただけます。カードの解約は別のお手続きです。\n\nもう一度ご利用いただく場合は、新しく会員登録してください。\n{registerLink}',
    'mail.newDevice.subject': '【cardnavi】新しい端末からログインがありました',
    'mail.newDevice.body':
      'ユーザーID「{userId}」に、これまでにない端末またはブラウザーからログインがありました。\n\n日時: {at}\n端末: {device}\nブラウザー: {browser}\nIPアドレス: {ip}\n方法: {method}\n\nご本人の場合は、このメールへの対応は不要です。ログイン履歴: {historyLink}\n\n心当たりがない場合は、次のリンクを開いてください(このログインは私ではありません)。すべての端末からログアウトし、パスワード再設定のメールをお送りします。\n{notMeLink}',
    'mail.twoStepOn.subject': '【cardnavi】2段階ログインを有効にしました',
    'mail.twoStepOn.body':
      'ユーザーID「{userId}」の2段階ログインを有効にしました。次回から、パスワードのあとに認証アプリの確認コードをお尋ねします。\n\nお心当たりがない場合は、すぐにパスワードを再設定し、コンタクトセンターへご連絡ください。\n{resetLink}',
    'mail.twoStepOff.subject': '【cardnavi】2段階ログインを解除しました',
    'mail.twoStepOff.body':
      'ユーザーID「{userId}」の2段階ログインが解除されました({by})。確認コードとリカバリーコードは使えなくなり、記憶した端末も解除しました。\n\nお心当たりがない場合は、すぐにパスワードを再設定し、コンタクトセンターへご連絡ください。\n{resetLink}',
    'mail.twoStepOff.byMember': 'ご本人の操作',
    'mail.twoStepOff.bySupport': 'コンタクトセンターでの本人確認のうえ',
    'mail.letter.signature': '――\ncardnavi カード会員サービス(このお知らせは郵便でお送りしています)',
    'mail.startPinLetter.subject': '開始手続き専用パスワード再発行のお知らせ',
    'mail.startPinLetter.body':
      '{holderName} 様\n\nコンタクトセンターへのお申し出により、カード(下4桁 {last4})の開始手続き専用パスワードを再発行しました。\n\n新しい開始手続き専用パスワード: {pin}\n\nカード会員ページの開始手続きで、カード番号・生年月日とともに入力してください。以前のパスワードは使えません。このパスワードは誰にも教えないでください。当社からお尋ねすることはありません。\n\nお心当たりがない場合は、コンタクトセンターへご連絡ください。',
    'mail.startPinReissued.subject': '【cardnavi】開始手続き専用パスワードを再発行しました',
    'mail.startPinReissued.body':
      'コンタクトセンターで本人確認のうえ、ユーザーID「{userId}」のカード(下4桁 {last4})の開始手続き専用パスワードを再発行しました。新しいパスワードは、カードのご登録住所へ郵便でお送りします(メールではお知らせしません)。以前のパスワードはもう使えません。届いたら、開始手続きを行ってください。\n{helpLink}\n\nお心当たりがない場合は、すぐにコンタクトセンターへご連絡ください。',
    'mail.supportEmailChangeRequested.subject': '【cardnavi】メールアドレス変更のご依頼を受け付けました',
    'mail.supportEmailChangeRequested.body':
      'コンタクトセンターで本人確認のうえ、ユーザーID「{userId}」のメールアドレスを {newEmail} に変更するご依頼を受け付けました。責任者が承認すると変更されます。\n\nお心当たりがない場合は、すぐにコンタクトセンターへご連絡ください。変更を止めます。\n{helpLink}',
    'mail.supportEmailChanged.subject': '【cardnavi】メールアドレスを変更しました',
    'mail.supportEmailChanged.body':
      'コンタクトセンターへのご依頼により、ユーザーID「{userId}」のメールアドレスをこのアドレスに変更しました。{idNote}\n\nこれまでのログイン状態はすべて終了しました。パスワードがわかる場合は、いまからログインできます。\n{loginLink}\n\n安全のため、パスワード再設定のメールは {holdUntil} 以降にお申し込みいただいた分から、このアドレスにお送りします。\n詳しくは: {helpLink}',
    'mail.resetHeld.subject': '【cardnavi】パスワード再設定のお申し込みについて',
    'mail.resetHeld.body':
      'ユーザーID「{userId}」のパスワード再設定のお申し込みを受け付けましたが、メールアドレスをコンタクトセンターで変更したばかりのため、安全のため {holdUntil} まではパスワード再設定のリンクをお送りしていません。{holdUntil} を過ぎてから、もう一度お申し込みください。パスワードがわかる場合は、いまもログインできます。\n\nお心当たりがない場合は、コンタクトセンターへご連絡ください。\n{helpLink}',
    'mail.dev.title': '開発用メールボックス',
    'mail.dev.lead': '開発環境専用です。{count}件(新しい順){filter}',
    'mail.dev.filtered': '、宛先 {to}',
    'mail.dev.to': '宛先',
    'mail.dev.filter': '絞り込む',
    'mail.dev.badFilter': '宛先にはメールアドレス(254文字以内、制御文字なし)を入力してください。',
    'mail.dev.status.pending': '送信待ち',
    'mail.dev.status.sent': '送信済み',
    'mail.dev.status.failed': '送信失敗',
    'mail.dev.status.bounced': '返送(宛先のメールボックスに届きません)',
    'mail.dev.letter': '郵便(手紙)',
    'mail.dev.letterTo': 'カード(下4桁 {last4})のご登録住所、{name} 様',
    'mail.dev.letterStatus.pending': '印刷・発送待ち',
    'mail.dev.letterStatus.sent': '印刷サービスに引き渡し済み',
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
    'mail.registrationCoolingOff.subject': '[cardnavi] The user ID you chose cannot be registered yet',
    'mail.registrationCoolingOff.body':
      'The user ID “{userId}” was released by a withdrawal. For {days} days after a withdrawal nobody can register it; it can be registered from {availableFrom}.\n\nTo start now, register with another user ID (the same email address is fine):\n{link}\n\nIf it was your own member ID: what was lost with the withdrawal (points, the card portal enrollment, your details) cannot be restored. Log in with the new member ID and do the card portal start procedure again.\nMore: {helpLink}',
    'mail.locked.subject': '[cardnavi] Your account is temporarily locked',
    'mail.locked.body':
      'There were several wrong passwords in a row for the user ID “{userId}”, so logging in is paused until {until}.\n\nTo log in now, reset your password with the link below: a completed reset lifts the lock and the new password works at once. Otherwise wait until {until}, then log in with the correct password.\n{resetLink}\n\nIf this was not you, someone may be trying to log in: we recommend resetting your password.\n\nMore: {helpLink}',
    'mail.lockedPermanent.subject': '[cardnavi] Your account is locked',
    'mail.lockedPermanent.body':
      'There were very many wrong passwords in a row for the user ID “{userId}”, so logging in is stopped. To unlock it, the contact center must verify your identity.\n\nMore: {helpLink}',
    'mail.forgotId.subject': '[cardnavi] Your user ID',
    'mail.forgotId.body':
      'These are the user IDs of the member IDs registered to this email address:\n\n{userIds}\n\nLog in: {loginLink}\n\nForgotten the password too? {forgotLink}',
    'mail.forgotIdNone.subject': '[cardnavi] About your user ID request',
    'mail.forgotIdNone.body':
      'We received a request for the user IDs registered to this email address, but no member ID uses it.\n\nYou may have registered with another address: please try that one. If you changed your email, use the new address.\n{forgotLink}\n\nTo register a new member ID: {registerLink}',
    'mail.withdrawnId.line':
      'The member ID “{userId}” was withdrawn on {date} (the same user ID can be registered from {availableFrom}).',
    'mail.forgotIdWithdrawn.subject': '[cardnavi] The member ID of this email address was withdrawn',
    'mail.forgotIdWithdrawn.body':
      'We received a request for the user IDs registered to this email address. The member ID registered to it was withdrawn.\n\n{withdrawnIds}\n\nWhat was lost with the withdrawal (points, the card portal enrollment, your details) cannot be restored. To use cardnavi again, register a new member ID (the same email address is fine), then do the card portal start procedure again:\n{registerLink}\n\nMore: {helpLink}',
    'mail.reset.subject': '[cardnavi] Reset your password',
    'mail.reset.body':
      'We received a request to reset the password of the user ID “{userId}”. Open this link within 30 minutes to set a new password. It works once, and stops working if you request another one.\n\n{link}',
    'mail.resetNone.subject': '[cardnavi] About your password reset request',
    'mail.resetNone.body':
      'We received a password reset request for this email address, but no member ID uses it.\n\nYou may have registered with another address. If you know your user ID, request the reset with the user ID:\n{forgotLink}',
    'mail.resetWithdrawn.subject': '[cardnavi] The member ID of this email address was withdrawn',
    'mail.resetWithdrawn.body':
      'We received a password reset request for this email address, but the member ID registered to it was withdrawn, so there is no password to reset.\n\n{withdrawnIds}\n\nWhat was lost with the withdrawal (points, the card portal enrollment, your details) cannot be restored. To use cardnavi again, register a new member ID (the same email address is fine), then do the card portal start procedure again:\n{registerLink}\n\nMore: {helpLink}',
    'mail.startPinUnlocked.subject': '[cardnavi] The start procedure is unlocked',
    'mail.startPinUnlocked.body':
      'After verifying your identity, the contact center unlocked the start procedure of the card ending in {last4} for the user ID “{userId}”. You can try again with the start PIN (the 4 digits you chose on your card application):\n{helpLink}\n\nIf this was not you, call the contact center right away.',
    'mail.loginUnlocked.subject': '[cardnavi] Your login is unlocked',
    'mail.loginUnlocked.body':
      'After verifying your identity, the contact center unlocked the login of the user ID “{userId}”. You can log in now:\n{loginLink}\n\nIf this was not you, call the contact center right away.',
    'mail.cardEnrolled.subject': '[cardnavi] Your card is enrolled',
    'mail.cardEnrolled.body':
      'The card ending in {last4} is now enrolled to the user ID “{userId}”. The card portal shows its statements and payment date:\n{portalLink}\n\nIf this was not you, call the contact center right away.',
    'mail.passwordChanged.subject': '[cardnavi] Your password was changed',
    'mail.passwordChanged.body':
      'The password of the user ID “{userId}” was changed. You have been logged out on every other device and browser.\n\nIf this was not you, reset your password now and call the contact center:\n{resetLink}',
    'mail.emailVerify.subject': '[cardnavi] Confirm your new email address',
    'mail.emailVerify.body':
      'We received a request to change the email of the user ID “{userId}” to this address ({newEmail}). Open this link within 30 minutes to confirm the change:\n\n{link}',
    'mail.emailChangeRequested.subject': '[cardnavi] A change of your email address was requested',
    'mail.emailChangeRequested.body':
      'A change of the email address of the user ID “{userId}” to {newEmail} was requested. Nothing changes until the logged-in member confirms it from the link sent to the new address.\n\nIf this was not you, cancel it here. Someone may know your password, so we also recommend resetting it.\nCancel: {cancelLink}\nReset your password: {resetLink}',
    'mail.emailChanged.subject': '[cardnavi] Your email address was changed',
    'mail.emailChanged.body':
      'The email address of the user ID “{userId}” was changed to {newEmail}. We will write to the new address from now on.{idNote}\n\nIf this was not you, please call the contact center:\n{helpLink}',
    'mail.emailChanged.idNote': ' Your user ID changed to the new email address too.',
    'mail.withdrawn.subject': '[cardnavi] Your membership has ended',
    'mail.withdrawn.body':
      'The withdrawal of the user ID “{userId}” is complete. The member ID’s data and points were deleted and cannot be restored. Your card keeps working; cancelling the card is a separate procedure.\n\nTo use cardnavi again, register a new member ID:\n{registerLink}',
    'mail.newDevice.subject': '[cardnavi] New sign-in from a device we have not seen',
    'mail.newDevice.body':
      'The user ID “{userId}” was signed in from a device or browser it has not used before.\n\nTime: {at}\nDevice: {device}\nBrowser: {browser}\nIP address: {ip}\nMethod: {method}\n\nIf it was you, there is nothing to do. Sign-in history: {historyLink}\n\nIf it was not you, open this link (This was not me): every session is signed out and we send you a password-reset link.\n{notMeLink}',
    'mail.twoStepOn.subject': '[cardnavi] Two-step login is on',
    'mail.twoStepOn.body':
      'Two-step login is now on for the user ID “{userId}”. From now on we ask for the code of your authenticator app after the password.\n\nIf this was not you, reset your password now and call the contact center:\n{resetLink}',
    'mail.twoStepOff.subject': '[cardnavi] Two-step login was turned off',
    'mail.twoStepOff.body':
      'Two-step login was turned off for the user ID “{userId}” ({by}). Authenticator codes and recovery codes no longer work, and remembered devices were forgotten.\n\nIf this was not you, reset your password now and call the contact center:\n{resetLink}',
    'mail.twoStepOff.byMember': 'by you',
    'mail.twoStepOff.bySupport': 'by the contact center, after verifying your identity',
    'mail.letter.signature': '--\ncardnavi card member services (this notice is sent by post)',
    'mail.startPinLetter.subject': 'Your new start PIN',
    'mail.startPinLetter.body':
      'Dear {holderName},\n\nAs you asked the contact center, we issued a new start PIN for the card ending in {last4}.\n\nNew start PIN: {pin}\n\nEnter it in the start procedure of the card portal, with the card number and your date of birth. The previous start PIN no longer works. Never tell this PIN to anyone: we will never ask for it.\n\nIf you did not ask for this, please call the contact center.',
    'mail.startPinReissued.subject': '[cardnavi] Your start PIN was reissued',
    'mail.startPinReissued.body':
      'After verifying your identity, the contact center issued a new start PIN for the card ending in {last4} of the user ID “{userId}”. The new PIN comes by post to the card’s registered address (never by email). The previous PIN no longer works. When the letter arrives, do the start procedure:\n{helpLink}\n\nIf this was not you, call the contact center right away.',
    'mail.supportEmailChangeRequested.subject':
      '[cardnavi] A change of your email address was requested at the contact center',
    'mail.supportEmailChangeRequested.body':
      'After verifying the caller’s identity, the contact center accepted a request to change the email address of the user ID “{userId}” to {newEmail}. It takes effect once a supervisor approves it.\n\nIf this was not you, call the contact center right away and we will stop it:\n{helpLink}',
    'mail.supportEmailChanged.subject': '[cardnavi] Your email address was changed',
    'mail.supportEmailChanged.body':
      'As you asked the contact center, the email address of the user ID “{userId}” is now this address.{idNote}\n\nEvery earlier login session has ended. If you know your password, you can log in now:\n{loginLink}\n\nFor your protection, password-reset links are sent to this address for requests made from {holdUntil} on.\nMore: {helpLink}',
    'mail.resetHeld.subject': '[cardnavi] About your password reset request',
    'mail.resetHeld.body':
      'We received a password reset request for the user ID “{userId}”. Its email address was changed through the contact center a short while ago, so for your protection no reset link is sent until {holdUntil}. Please ask again after {holdUntil}. If you know your password, you can log in now.\n\nIf this was not you, please call the contact center:\n{helpLink}',
    'mail.dev.title': 'Development mailbox',
    'mail.dev.lead': 'Development only. {count} message(s), newest first{filter}.',
    'mail.dev.filtered': ', to {to}',
    'mail.dev.to': 'To',
    'mail.dev.filter': 'Filter',
    'mail.dev.badFilter':
      'Enter an email address as the recipient (up to 254 characters, no control characters).',
    'mail.dev.status.pending': 'pending',
    'mail.dev.status.sent': 'sent',
    'mail.dev.status.failed': 'failed',
    'mail.dev.status.bounced': 'bounced (the mailbox is unreachable)',
    'mail.dev.letter': 'Letter (by post)',
    'mail.dev.letterTo': '{name}, at the registered address of the card ending in {last4}',
    'mail.dev.letterStatus.pending': 'waiting to be printed and posted',
    'mail.dev.letterStatus.sent': 'handed to the print service',
  },
});
