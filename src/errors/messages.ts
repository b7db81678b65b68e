import { defineMessages } from '../i18n/define.ts';

/** Title, explanation and what to do for each code in errors/catalog.ts. */
export const errorMessages = defineMessages({
  ja: {
    'error.code': 'エラーコード: {code}',
    'error.more': 'このエラーについて詳しく見る',
    'error.L01.title': 'ユーザーIDまたはパスワードが正しくありません',
    'error.L01.explanation':
      '入力されたユーザーID(またはメールアドレス)とパスワードの組み合わせでログインできませんでした。安全のため、どちらが違うかはお知らせしていません。パスワードを続けて間違えてアカウントがロックされている間も、この表示になります(ロックは登録メールアドレスにお知らせしています。「パスワードを忘れた方」から再設定を終えるとロックは解除されます)。',
    'error.L01.action':
      'ユーザーIDとパスワードを逆の欄に入力していないか、Caps Lockがオンになっていないかをご確認ください。お忘れの場合は「ユーザーIDを忘れた方」「パスワードを忘れた方」から再設定できます。',
    'error.A01.title': 'アカウントが一時的にロックされています',
    'error.A01.explanation':
      'パスワードを続けて間違えたため、第三者による不正ログインを防ぐ目的でログインを一時的に停止しています。ロックされたことは登録メールアドレスにお知らせしています。ログイン画面では安全のため通常の「正しくありません」と表示されます。',
    'error.A01.action':
      '今すぐログインしたい場合は、「パスワードを忘れた方」からパスワードを再設定してください。再設定が終わるとロックは解除され、新しいパスワードですぐにログインできます。再設定しない場合は、ロックのお知らせメールに書かれた時刻まで待ってから、正しいパスワードでログインしてください。',
    'error.S01.title': 'セッションの有効期限が切れました',
    'error.S01.explanation':
      '一定時間操作がなかったか、ログインから長時間が経過したため、安全のため自動的にログアウトしました。',
    'error.S01.action': 'もう一度ログインしてください。入力中の内容は保存されていない場合があります。',
    'error.R01.title': 'アクセスが集中しています',
    'error.R01.explanation': 'お使いのネットワークから短時間に多くの操作がありました。',
    'error.R01.action': '1分ほど待ってから、もう一度お試しください。',
    'error.M01.title': 'この会員IDは強制退会となっています',
    'error.M01.explanation':
      '会員規約違反などにより、この会員IDは強制退会の処理がされています。この会員IDではすべてのグループサービスをご利用いただけません。',
    'error.M01.action': 'ご不明な点は、コンタクトセンターへお問い合わせください。',
    'error.M02.title': 'このリンクは使用できません',
    'error.M02.explanation':
      'リンクの有効期限(30分)が過ぎたか、すでに使用済みか、より新しいリンクが発行されています。',
    'error.M02.action': 'お手数ですが、もう一度最初からお手続きください。',
    'error.C01.title': 'このカードはサービス対象外となっております(一時停止)',
    'error.C01.explanation':
      'お支払いの遅れ、または定期的な再審査の結果により、カードのご利用とカード会員ページのサービスを一時的に停止しています。',
    'error.C01.action':
      'コンタクトセンターへお電話ください。お支払いが確認できれば再開できる場合があります。会員IDの設定やヘルプセンターは引き続きご利用いただけます。',
    'error.C02.title': 'このカードはサービス対象外となっております(強制解約)',
    'error.C02.explanation': 'カード会員規約に基づき、このカードは解約されています。',
    'error.C02.action':
      '詳しくはコンタクトセンターへお電話ください。会員IDやほかのグループサービスは引き続きご利用いただけます。',
    'error.C03.title': 'このカードはサービス対象外となっております(更新時の審査)',
    'error.C03.explanation':
      '有効期限の更新時に行う審査の結果、カードを更新できなかったため、カード会員ページのサービスを終了しています。',
    'error.C03.action':
      '審査結果の理由はお電話でのみご案内しています。コンタクトセンターへお問い合わせください。新しいカードのお申し込みは改めて審査となります。',
    'error.C04.title': 'このカードは解約済みです',
    'error.C04.explanation': 'お客様のお申し出により、このカードは解約されています。',
    'error.C04.action':
      '別のカードをお持ちの場合は、そのカードでカード会員ページの開始手続きを行ってください。',
    'error.P01.title': '開始手続きがロックされています',
    'error.P01.explanation':
      '開始手続き専用パスワード(カードお申し込み時に決めた数字4桁)を続けて間違えたため、このカードの開始手続きを停止しました。時間の経過や再ログインでは解除されません。',
    'error.P01.action':
      '個人情報保護のため、カード会員ご本人さまからコンタクトセンターへお電話ください。本人確認のうえロックを解除します。数字4桁を忘れた場合は、新しい数字4桁をカードのご登録住所へ郵便でお送りします。お手元にカードと生年月日がわかるものをご用意ください。',
    'error.P02.title': 'カードお申し込み時のユーザーIDと、現在ログインされているユーザーIDが異なります',
    'error.P02.explanation':
      'このカードは別の会員IDでお申し込みいただいています。会員IDを複数お持ちの方に多いケースです。',
    'error.P02.action':
      'いったんログアウトし、カードお申し込み時の会員IDでログインし直してください。カードを別の会員IDへ移す場合はコンタクトセンターへお問い合わせください。',
    'error.P03.title': '入力内容に誤りがあります',
    'error.P03.explanation': 'カード番号または生年月日が、カードの登録内容と一致しませんでした。',
    'error.P03.action': 'カード番号(16桁)と生年月日をカードお申し込み時の内容どおりに入力してください。',
    'error.P04.title': '開始手続きの試行回数が多すぎます',
    'error.P04.explanation': '短時間に多くの開始手続きが行われたため、一時的に受け付けを停止しています。',
    'error.P04.action': '1時間ほど時間をおいてから、もう一度お試しください。',
    'error.P05.title': '開始手続き専用パスワードが正しくありません',
    'error.P05.explanation':
      '入力された開始手続き専用パスワード(カードお申し込み時に決めた数字4桁)が違います。まだロックはされていません。続けて間違えると、そのカードの開始手続きがロックされます(P01)。',
    'error.P05.action':
      'カード番号と生年月日はそのままで、数字4桁をもう一度入力してください。思い出せない場合は、試せる回数を使い切る前にコンタクトセンターへお電話ください。',
  },
  en: {
    'error.code': 'Error code: {code}',
    'error.more': 'More about this error',
    'error.L01.title': 'The user ID or password is incorrect',
    'error.L01.explanation':
      'We could not log you in with that user ID (or email) and password. For your security we do not say which of the two is wrong. While your account is locked after several wrong passwords in a row, you also see this (we email you about the lock; a completed reset with “Forgot password” lifts it).',
    'error.L01.action':
      'Check that the user ID and password are not in each other’s fields and that Caps Lock is off. If you have forgotten either, use “Forgot user ID” or “Forgot password”.',
    'error.A01.title': 'Your account is temporarily locked',
    'error.A01.explanation':
      'After several wrong passwords in a row, logging in is paused for a while to stop someone else from guessing it. We have emailed you about the lock. For your security the login page still just says the details are incorrect.',
    'error.A01.action':
      'To log in now, reset your password with “Forgot password”: a completed reset lifts the lock and the new password works at once. Otherwise wait until the time given in the lock email, then log in with the correct password.',
    'error.S01.title': 'Your session has expired',
    'error.S01.explanation':
      'You were logged out automatically because there was no activity for a while, or because you logged in a long time ago.',
    'error.S01.action': 'Please log in again. Anything you were typing may not have been saved.',
    'error.R01.title': 'Too many requests',
    'error.R01.explanation': 'There were many requests from your network in a short time.',
    'error.R01.action': 'Please wait about a minute and try again.',
    'error.M01.title': 'This member ID has been force-withdrawn',
    'error.M01.explanation':
      'This member ID was force-withdrawn, for example for a breach of the member terms. It can no longer be used for any group service.',
    'error.M01.action': 'If you have questions, please call the contact center.',
    'error.M02.title': 'This link cannot be used',
    'error.M02.explanation':
      'The link has expired (links are valid for 30 minutes), has already been used, or a newer link was sent.',
    'error.M02.action': 'Please start the procedure again.',
    'error.C01.title': 'This card is not eligible for the service (suspended)',
    'error.C01.explanation':
      'Because of a late payment or the result of a periodic review, the card and its member pages are temporarily suspended.',
    'error.C01.action':
      'Please call the contact center. Service may resume once the payment is confirmed. Your member ID settings and the help center still work.',
    'error.C02.title': 'This card is not eligible for the service (cancelled by the issuer)',
    'error.C02.explanation': 'This card was cancelled under the card member terms.',
    'error.C02.action':
      'Please call the contact center for details. Your member ID and other group services still work.',
    'error.C03.title': 'This card is not eligible for the service (renewal screening)',
    'error.C03.explanation':
      'The card could not be renewed after the screening done at expiry, so its member pages have ended.',
    'error.C03.action':
      'The reason is only given by phone: please call the contact center. A new card application is screened again.',
    'error.C04.title': 'This card has been closed',
    'error.C04.explanation': 'This card was closed at your request.',
    'error.C04.action': 'If you have another card, enroll that card in the card portal.',
    'error.P01.title': 'The start procedure is locked',
    'error.P01.explanation':
      'The start PIN (the 4 digits you chose on your card application) was entered wrongly too many times, so the start procedure for this card is stopped. Waiting or logging in again does not unlock it.',
    'error.P01.action':
      'To protect your personal data, the card member must call the contact center in person. After verifying your identity we will unlock it; if you have forgotten the 4 digits, we post a new start PIN to the card’s registered address. Please have your card and your date of birth ready.',
    'error.P02.title': 'This card was applied for with a different member ID',
    'error.P02.explanation':
      'The user ID used on the card application is not the one you are logged in with. This often happens to people with more than one member ID.',
    'error.P02.action':
      'Log out and log in again with the member ID you used on the card application. To move the card to another member ID, please call the contact center.',
    'error.P03.title': 'The details do not match',
    'error.P03.explanation': 'The card number or date of birth does not match the card’s records.',
    'error.P03.action': 'Enter the 16-digit card number and your date of birth as on your card application.',
    'error.P04.title': 'Too many enrollment attempts',
    'error.P04.explanation': 'There were many enrollment attempts in a short time, so we have paused them.',
    'error.P04.action': 'Please wait about an hour and try again.',
    'error.P05.title': 'The start PIN is incorrect',
    'error.P05.explanation':
      'The start PIN you entered (the 4 digits you chose on your card application) is not right. The start procedure is not locked yet; if the wrong tries go on, it locks for this card (P01).',
    'error.P05.action':
      'Your card number and date of birth are kept: enter the 4 digits again. If you cannot remember them, call the contact center before using up your tries.',
  },
});
