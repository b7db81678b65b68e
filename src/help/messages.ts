import { defineMessages } from '../i18n/define.ts';

/** User-visible text of the help domain, Japanese first. */
export const helpMessages = defineMessages({
  ja: {
    'help.title': 'ヘルプセンター',
    'help.lead':
      'ログインできないときの原因と解決方法、カードやお支払いについてのよくあるご質問をまとめています。',
    'help.breadcrumb': 'パンくずリスト',
    'help.search.label': 'ヘルプを検索',
    'help.search.placeholder': '例: ログインできない、パスワード 忘れた',
    'help.search.submit': '検索',
    'help.search.title': '検索結果',
    'help.search.resultsFor': '「{q}」の検索結果: {count}件',
    'help.search.none': '「{q}」に一致する記事は見つかりませんでした。',
    'help.search.noneTips':
      '言葉を短くするか、別の言い方でお試しください。ログインできない場合は、質問に答えて原因を調べることもできます。',
    'help.search.empty': '調べたい言葉を入力してください。',
    'help.search.otherLang': '英語の記事に一致しました',
    'help.search.codeShortcut': 'エラーコード {code} の意味と対処方法を見る',
    'help.login.swappedArticle': 'ユーザーIDとパスワードを逆に入力していないか確認する',
    'help.login.severalIdsArticle': '会員IDを複数お持ちの場合',
    'help.login.capsArticle': 'Caps Lock・自動入力を確認する',
    'help.login.troubleTitle': 'ログインできない場合',
    'help.home.troubleTitle': 'ログインできない方へ',
    'help.home.troubleLead': 'いくつかの質問に答えるだけで、原因と解決方法がわかります。',
    'help.home.troubleStart': '原因を調べる',
    'help.home.errorsTitle': 'エラーコードを調べる',
    'help.home.errorsLead': '画面に表示されたエラーコード(例: L01、C01)の意味と対処方法を確認できます。',
    'help.home.errorsLink': 'エラーコード一覧',
    'help.home.errorsLookup': 'エラーコードを入力',
    'help.home.errorsGo': '調べる',
    'help.home.contactTitle': 'お電話でのお問い合わせ',
    'help.home.contactLink': 'コンタクトセンターのご案内',
    'help.home.categories': 'カテゴリから探す',
    'help.home.popular': 'よく見られている質問',
    'help.category.login': 'ログイン',
    'help.category.login.lead': 'ログインできないときの原因と解決方法',
    'help.category.member-id': '会員ID',
    'help.category.member-id.lead': 'ユーザーID・パスワード・メールアドレス',
    'help.category.enrollment': 'カード会員ページの開始手続き',
    'help.category.enrollment.lead': '開始手続きと開始手続き専用パスワード(数字4桁)',
    'help.category.card-payment': 'カード・お支払い',
    'help.category.card-payment.lead': 'ご利用明細、お支払い日、ポイント、紛失・盗難',
    'help.category.security': 'セキュリティ',
    'help.category.security.lead': '安全にご利用いただくために',
    'help.category.withdrawal': '退会',
    'help.category.withdrawal.lead': '退会・強制退会について',
    'help.category.contact': 'お問い合わせ',
    'help.category.contact.lead': 'コンタクトセンターの電話番号と受付時間',
    'help.category.articles': '{count}件の記事',
    'help.article.related': '関連する記事',
    'help.article.stillStuck': '解決しない場合',
    'help.article.stillStuckLead': '質問に答えて原因を調べるか、コンタクトセンターへお問い合わせください。',
    'help.errors.title': 'エラーコード一覧',
    'help.errors.lead':
      '画面に表示されるエラーコードの意味と対処方法です。コードの英字は大文字・小文字どちらで入力しても調べられます。',
    'help.errors.area.login': 'ログイン',
    'help.errors.area.member': '会員ID',
    'help.errors.area.card': 'カードの状態',
    'help.errors.area.enrollment': 'カード会員ページの開始手続き',
    'help.errors.code': 'コード',
    'help.errors.meaning': '内容',
    'help.errors.contactNeeded': '要お電話',
    'help.errors.online': 'オンラインで解決できます',
    'help.errors.whatHappened': 'どういうエラーですか',
    'help.errors.whatToDo': 'どうすればよいですか',
    'help.errors.needContact':
      'このエラーは、コンタクトセンターでのみ解決できます。お電話の際は、エラーコード「{code}」をお伝えください。',
    'help.errors.noContact': 'このエラーは、お客様ご自身の操作で解決できます。お電話の必要はありません。',
    'help.errors.allCodes': 'エラーコード一覧へ戻る',
    'help.errors.unknown.title': 'エラーコード「{code}」は見つかりませんでした',
    'help.errors.unknown.lead':
      '入力されたコードは、cardnavi のエラーコードにありません。次の方法でお調べください。',
    'help.errors.unknown.check':
      'コードは英字1文字と数字2桁です(例: L01、C01、P02)。数字の0と英字のOにご注意ください。',
    'help.errors.unknown.list': 'エラーコード一覧から探す',
    'help.errors.unknown.search': 'キーワードで検索する',
    'help.errors.unknown.trouble': '質問に答えてログインできない原因を調べる',
    'help.contact.title': 'コンタクトセンター',
    'help.contact.lead': 'オンラインで解決できない場合は、お電話でお問い合わせください。',
    'help.contact.numbers': '電話番号',
    'help.contact.navi': 'ナビダイヤル',
    'help.contact.landline': '携帯電話・IP電話などナビダイヤルをご利用になれない場合',
    'help.contact.paid': '通話料はお客様のご負担となります(有料通話)。',
    'help.contact.hours': '受付時間',
    'help.contact.hoursValue': '{opens}〜{closes}(土日祝も受付・年中無休)',
    'help.contact.timeZone': '時刻は日本時間です。',
    'help.contact.openNow': '現在受付中です',
    'help.contact.closedNow': '現在は受付時間外です。受付時間内におかけ直しください。',
    'help.contact.ready': 'お電話の前にご用意いただくもの',
    'help.contact.readyCard': 'お手元のカード(カード番号で本人確認をします)',
    'help.contact.readyBirth': 'ご本人の生年月日',
    'help.contact.readyCode': '画面に表示されたエラーコード(表示された場合)',
    'help.contact.readySelf':
      '開始手続きのロック解除など、ご本人さまからのお電話でのみ承る手続きがあります。',
    'help.contact.busy': '混み合う日',
    'help.contact.busyPayday': 'お支払い日(毎月27日)の前後',
    'help.contact.busyMonday': '月曜日と、連休明けの日',
    'help.contact.busyMorning': '受付開始直後と昼休みの時間帯',
    'help.contact.busyHint': '上記以外の日の午後は、比較的つながりやすくなっています。',
    'help.contact.online': 'お電話をしなくてもできること',
    'help.contact.onlineForgotId': 'ユーザーIDを忘れた(登録メールアドレスにお送りします)',
    'help.contact.onlineForgotPassword': 'パスワードを忘れた(再設定のご案内をお送りします)',
    'help.contact.onlineEnroll': 'カード会員ページの開始手続き',
    'help.contact.onlineErrors': 'エラーコードの意味を調べる',
    'help.contact.onlineTrouble': 'ログインできない原因を調べる',
    'help.contact.articles': 'お問い合わせについての記事',
    'help.trouble.title': 'ログインできない原因を調べる',
    'help.trouble.lead': '当てはまるものを選んでください。数問で原因と解決方法をご案内します。',
    'help.trouble.startOver': '最初からやり直す',
    'help.trouble.unknownStep': 'ページの有効期限が切れたため、最初の質問から表示しています。',
    'help.trouble.causeLabel': '考えられる原因',
    'help.trouble.why': 'なぜ起きるのですか',
    'help.trouble.steps': '解決方法',
    'help.trouble.next': '次の操作',
    'help.trouble.article': '詳しい説明を読む',
    'help.trouble.codeAnswer': '{code} — {title}',
    'help.trouble.link.contact': 'コンタクトセンターの電話番号と受付時間',
    'help.trouble.link.forgotId': 'ユーザーIDを忘れた方',
    'help.trouble.link.forgotPassword': 'パスワードを忘れた方',
    'help.trouble.link.login': 'ログイン画面へ',
    'help.trouble.link.enroll': 'カード会員ページの開始手続きへ',
    'help.trouble.link.register': '新規会員登録へ',
    'help.trouble.link.code': 'エラーコード{code}の説明へ',
    'help.trouble.q.start': '画面にエラーコードが表示されていますか?',
    'help.trouble.q.start.hint':
      'エラーコードは「エラーコード: L01」のように、英字1文字と数字2桁で表示されます。',
    'help.trouble.a.yesCode': 'はい、エラーコードが表示されている',
    'help.trouble.a.noCode': 'いいえ、表示されていない',
    'help.trouble.q.code': '表示されているエラーコードはどれですか?',
    'help.trouble.q.message': '画面にはどのように表示されますか?当てはまるものを選んでください。',
    'help.trouble.a.msgWrong': '「ユーザーIDまたはパスワードが正しくありません」と表示される',
    'help.trouble.a.msgEnrollAsked': 'ログインすると、カード番号・生年月日・数字4桁の入力を求められる',
    'help.trouble.a.msgOtherId':
      '「カードお申し込み時のユーザーIDと、現在ログインされているユーザーIDが異なります」と表示される',
    'help.trouble.a.msgPinLocked':
      '「開始手続きがロックされています」と表示される、または数字4桁のパスワードを忘れた',
    'help.trouble.a.msgCardIneligible': '「このカードはサービス対象外となっております」と表示される',
    'help.trouble.a.msgSuspended': '「この会員IDは強制退会となっています」と表示される',
    'help.trouble.a.msgWithdrew': '会員IDを退会した(退会手続きをしてしまった)',
    'help.trouble.a.msgMailMissing': '会員登録中だが、確認メールが届かない',
    'help.trouble.a.msgNoId': '会員IDをまだ持っていない',
    'help.trouble.q.wrong': 'ユーザーIDを覚えていますか?',
    'help.trouble.q.wrong.hint':
      '安全のため、ログイン画面ではユーザーIDとパスワードのどちらが違うかをお知らせしていません。',
    'help.trouble.a.rememberId': 'はい、ユーザーIDは覚えている',
    'help.trouble.a.forgotId': 'いいえ、ユーザーIDを忘れた',
    'help.trouble.a.emailChanged': 'メールアドレスでログインしていて、最近メールアドレスを変更した',
    'help.trouble.q.password': 'パスワードを覚えていますか?',
    'help.trouble.a.rememberPassword': 'はい、パスワードは覚えている',
    'help.trouble.a.forgotPassword': 'いいえ、パスワードを忘れた・自信がない',
    'help.trouble.q.typing': '次のうち、当てはまりそうなものはありますか?',
    'help.trouble.a.swapped': 'ユーザーIDとパスワードを逆の欄に入力したかもしれない',
    'help.trouble.a.capsAutofill':
      'Caps Lockがオンになっている、またはブラウザが古いパスワードを自動入力している',
    'help.trouble.a.lockedMail':
      'パスワードを何度も間違えた、または「アカウントをロックしました」というメールが届いた',
    'help.trouble.a.severalIds': '会員IDを複数持っている(同じメールアドレスで複数登録した)',
    'help.trouble.a.noneOfThese': 'どれも当てはまらない',
    'help.trouble.q.withdrawn': '会員IDが退会になっている可能性はありますか?',
    'help.trouble.a.iWithdrew': 'はい、自分で退会手続きをした',
    'help.trouble.a.weEnded': '会員資格の停止(強制退会)についてお知らせを受け取った',
    'help.trouble.a.notWithdrawn': 'いいえ、心当たりはない',
    'help.trouble.q.enrolled': 'これまでに、カード会員ページの開始手続きを完了したことはありますか?',
    'help.trouble.q.enrolled.hint':
      '開始手続きでは、カード番号・生年月日と、カードお申し込み時に決めた数字4桁を入力します。カード1枚につき1回だけ必要です。',
    'help.trouble.a.neverEnrolled': 'いいえ、したことがない・わからない',
    'help.trouble.a.enrolledBefore': 'はい、以前に完了した',
    'help.trouble.q.multipleIds': '会員IDを複数お持ちですか?',
    'help.trouble.a.severalYes': 'はい、複数持っている・持っているかもしれない',
    'help.trouble.a.severalNo': 'いいえ、ひとつだけ',
    'help.trouble.fix.swapped.title': 'ユーザーIDとパスワードが逆の欄に入力されている',
    'help.trouble.fix.swapped.why':
      'メールアドレス以外の文字列をユーザーIDにしている方に多い間違いです。ユーザーIDをパスワード欄に、パスワードをユーザーID欄に入力すると、ログインできません。',
    'help.trouble.fix.swapped.s1':
      'ログイン画面で、上の欄に「ユーザーIDまたはメールアドレス」、下の欄に「パスワード」を入力し直してください。',
    'help.trouble.fix.swapped.s2': '「表示」ボタンでパスワードを表示すると、入力内容を確認できます。',
    'help.trouble.fix.forgotId.title': 'ユーザーIDを忘れた',
    'help.trouble.fix.forgotId.why': 'ユーザーIDは、会員登録のときにご自身で決めた文字列です。',
    'help.trouble.fix.forgotId.s1':
      '「ユーザーIDを忘れた方」で登録メールアドレスを入力すると、そのメールアドレスで登録されているすべてのユーザーIDをメールでお送りします。',
    'help.trouble.fix.forgotId.s2':
      'メールが届かない場合は、迷惑メールフォルダもご確認ください。以前の会員登録時のメールにもユーザーIDが記載されています。',
    'help.trouble.fix.forgotPassword.title': 'パスワードを忘れた',
    'help.trouble.fix.forgotPassword.why':
      'パスワードは安全のため暗号化して保管しているため、お電話でもお伝えできません。新しいパスワードを設定してください。',
    'help.trouble.fix.forgotPassword.s1':
      '「パスワードを忘れた方」からユーザーIDまたはメールアドレスを入力すると、再設定用のリンクをメールでお送りします(30分間・1回限り有効)。',
    'help.trouble.fix.forgotPassword.s2':
      'パスワードを変更しても、カード会員ページの開始手続きをやり直す必要はありません。',
    'help.trouble.fix.emailChanged.title': 'メールアドレスを変更したため、ユーザーIDが変わっている',
    'help.trouble.fix.emailChanged.why':
      'メールアドレスをユーザーIDにしている場合、メールアドレスを変更するとユーザーIDも新しいメールアドレスに変わります。',
    'help.trouble.fix.emailChanged.s1': '新しいメールアドレスと、今までのパスワードでログインしてください。',
    'help.trouble.fix.emailChanged.s2':
      'それでもログインできない場合は、「ユーザーIDを忘れた方」に新しいメールアドレスを入力すると、ユーザーIDをお知らせします。',
    'help.trouble.fix.otherId.title': 'カードをお申し込みいただいた会員IDとは別の会員IDでログインしている',
    'help.trouble.fix.otherId.why':
      'カード会員ページは、カードをお申し込みいただいた会員IDでのみご利用いただけます。会員IDを複数お持ちの方に多いケースです。ひとつのメールアドレスに複数の会員IDがある場合、メールアドレスではなくユーザーIDでログインする必要があります。',
    'help.trouble.fix.otherId.s1':
      '「ユーザーIDを忘れた方」に登録メールアドレスを入力すると、そのアドレスのすべてのユーザーIDがメールで届きます。',
    'help.trouble.fix.otherId.s2':
      'いったんログアウトし、カードお申し込み時のユーザーIDでログインし直してください。',
    'help.trouble.fix.otherId.s3':
      'カードを別の会員IDへ移したい場合は、コンタクトセンターへお問い合わせください。',
    'help.trouble.fix.notEnrolled.title': 'カード会員ページの開始手続きがまだ済んでいない',
    'help.trouble.fix.notEnrolled.why':
      'カード会員ページは、カード1枚ごとに一度だけ開始手続きをしていただくとご利用いただけます。新しいカードに切り替わった場合も、そのカードの手続きが必要です。ユーザーIDやパスワードの変更では、やり直しは不要です。',
    'help.trouble.fix.notEnrolled.s1':
      'カード番号(16桁)、生年月日、カードお申し込み時に決めた数字4桁(開始手続き専用パスワード)をご用意ください。',
    'help.trouble.fix.notEnrolled.s2':
      'ログイン後に表示される開始手続きの画面で、案内に沿って入力してください。',
    'help.trouble.fix.pinLocked.title': '開始手続き専用パスワードを続けて間違え、手続きがロックされた',
    'help.trouble.fix.pinLocked.why':
      '開始手続き専用パスワード(数字4桁)を{startPinMaxFailures}回間違えると、不正利用を防ぐためこのカードの開始手続きを停止します。時間の経過や再ログインでは解除されません。',
    'help.trouble.fix.pinLocked.s1':
      '数字4桁を覚えている場合: カード会員ご本人さまからコンタクトセンターへお電話ください。本人確認のうえロックを解除し、メールでお知らせします。同じ数字4桁でもう一度開始手続きができます。',
    'help.trouble.fix.pinLocked.s2':
      '数字4桁を忘れた場合は、ロックを解除しても進めません。お電話の際にそうお伝えください。新しい数字4桁をカードのご登録住所へ郵便でお送りします。お手元にカードと、生年月日がわかるものをご用意ください。',
    'help.trouble.q.pin': '開始手続き専用パスワード(数字4桁)を覚えていますか?',
    'help.trouble.q.pin.hint':
      'カードお申し込み時にご自身で決めた数字4桁です。カードの暗証番号とは別のものです。',
    'help.trouble.a.pinKnown': '覚えているが、間違えてロックされた',
    'help.trouble.a.pinForgotten': '忘れてしまった',
    'help.trouble.fix.pinForgotten.title': '開始手続き専用パスワード(数字4桁)を忘れた',
    'help.trouble.fix.pinForgotten.why':
      '開始手続き専用パスワードは、当社でもお調べしたりお伝えしたりできません(保存しているのは復元できない形だけです)。そのため、新しい数字4桁を再発行します。',
    'help.trouble.fix.pinForgotten.s1':
      'カード会員ご本人さまからコンタクトセンターへお電話ください。本人確認のうえ、新しい開始手続き専用パスワードをカードのご登録住所へ郵便でお送りします(電話やメールではお伝えしません)。送ったことはメールでお知らせします。',
    'help.trouble.fix.pinForgotten.s2':
      '手紙が届いたら、カード番号・生年月日と新しい数字4桁で開始手続きをしてください。以前の数字4桁はもう使えません。ロックも解除されています。',
    'help.trouble.a.msgMailboxLost': '登録したメールアドレスでメールを受け取れなくなった(機種変更などで)',
    'help.trouble.fix.mailboxLost.title': '登録したメールアドレスでメールを受け取れない',
    'help.trouble.fix.mailboxLost.why':
      'ユーザーID・パスワードの案内や再設定のメールは、登録したメールアドレスにしかお送りしません。携帯電話会社のアドレスを機種変更などで使えなくなると、ご自身では再設定できません。',
    'help.trouble.fix.mailboxLost.s1':
      'パスワードがわかる場合は、ログインして「設定」からメールアドレスを変更してください。',
    'help.trouble.fix.mailboxLost.s2':
      'ログインできない場合は、カード会員ご本人さまからコンタクトセンターへお電話ください。本人確認のうえ新しいメールアドレスへの変更を受け付け、責任者の承認後に変更します。これまでのアドレスにもお知らせします。',
    'help.trouble.fix.mailboxLost.s3':
      '安全のため、変更から{emailChangeHoldHours}時間は、新しいアドレスにパスワード再設定のメールをお送りしません。その後「パスワードを忘れた方」から再設定してください。',
    'help.trouble.fix.forceWithdrawn.title': '会員IDが強制退会になっている',
    'help.trouble.fix.forceWithdrawn.why':
      '会員規約への違反などにより強制退会となった会員IDは無効になり、パスワードが正しくてもすべてのサービスにログインできません(エラーコード M01)。',
    'help.trouble.fix.forceWithdrawn.s1':
      '理由や今後のお手続きについては、コンタクトセンターへお問い合わせください。',
    'help.trouble.fix.forceWithdrawn.s2': 'カードのお支払いなど、大切なお知らせは郵送でもお届けします。',
    'help.trouble.fix.cardIneligible.title': 'カードがサービス対象外(一時停止・解約)になっている',
    'help.trouble.fix.cardIneligible.why':
      'お支払いの遅れや定期的な再審査によるご利用の一時停止(C01)、会員規約に基づく強制解約(C02)、更新時の審査による解約(C03)の場合、カード会員ページはご利用いただけません。',
    'help.trouble.fix.cardIneligible.s1':
      '表示されたエラーコードの説明をご確認のうえ、コンタクトセンターへお電話ください。審査の理由はお電話でのみご案内しています。',
    'help.trouble.fix.cardIneligible.s2':
      '会員IDそのものは有効です。ヘルプセンターや、ほかのグループサービスは引き続きご利用いただけます。',
    'help.trouble.fix.withdrew.title': '会員IDを退会している',
    'help.trouble.fix.withdrew.why':
      '会員IDを退会すると、すべてのグループサービスがご利用いただけなくなり、ポイントや登録情報は失われます。退会した会員IDは元に戻せません。カード自体は退会後もお使いいただけます。',
    'help.trouble.fix.withdrew.s1':
      'もう一度、新規会員登録をしてください(同じメールアドレスでも登録できます)。退会したユーザーIDは、退会から30日間(クーリングオフ期間)はどなたも登録できません。すぐにご利用になる場合は、別のユーザーIDで登録してください。30日を過ぎると、同じユーザーIDで登録し直せます。',
    'help.trouble.fix.withdrew.s2':
      '新しい会員IDでログインし、カード会員ページの開始手続きをやり直してください。',
    'help.trouble.fix.locked.title': 'パスワードを続けて間違えたため、一時的にロックされている',
    'help.trouble.fix.locked.why':
      'パスワードを{loginMaxFailures}回続けて間違えると、第三者による不正ログインを防ぐため、約{loginLockMinutes}分間ログインを停止します。ロックしたことは登録メールアドレスにお知らせしています。安全のため、ログイン画面には通常の「正しくありません」という表示のみが出ます。',
    'help.trouble.fix.locked.s1':
      '今すぐログインしたい場合は、「パスワードを忘れた方」からパスワードを再設定してください。再設定が終わるとロックは解除され、新しいパスワードですぐにログインできます。再設定しない場合は、ロックのお知らせメールに書かれた時刻まで待ってから、正しいパスワードでログインしてください。',
    'help.trouble.fix.locked.s2':
      '心当たりのないロックのお知らせが届いた場合は、第三者がログインを試みた可能性があります。パスワードを再設定してください。',
    'help.trouble.fix.capsAutofill.title': 'Caps Lockや自動入力で、違う文字が入力されている',
    'help.trouble.fix.capsAutofill.why':
      'パスワードは大文字と小文字を区別します。Caps Lockがオンのままだったり、ブラウザやパスワード管理アプリが古いパスワードを自動入力したりすると、正しいつもりでもログインできません。全角文字が混ざっている場合も同様です。',
    'help.trouble.fix.capsAutofill.s1':
      'Caps Lockをオフにし、自動入力された内容を消してから、パスワードを手で入力し直してください。パスワード欄で Caps Lock がオンのときは警告が表示されます。',
    'help.trouble.fix.capsAutofill.s2':
      '「表示」ボタンで入力内容を確認できます。保存されているパスワードが古い場合は、ブラウザの設定から更新してください。',
    'help.trouble.fix.mailNotArriving.title': '確認メールが届いていない',
    'help.trouble.fix.mailNotArriving.why':
      '確認メールが迷惑メールフォルダに振り分けられているか、受信設定で届かないことがあります。確認のリンクは30分間有効です。',
    'help.trouble.fix.mailNotArriving.s1':
      '迷惑メールフォルダをご確認ください。ドメイン「cardnavi.example」からのメールを受信できるよう設定してください。',
    'help.trouble.fix.mailNotArriving.s2':
      '30分以上たっても届かない場合は、メールアドレスに誤りがないか確認して、もう一度会員登録をお手続きください。',
    'help.trouble.fix.noMemberId.title': '会員IDをお持ちでない',
    'help.trouble.fix.noMemberId.why': 'カード会員ページのご利用には、会員ID(無料)が必要です。',
    'help.trouble.fix.noMemberId.s1': '新規会員登録で会員IDを作成してください。',
    'help.trouble.fix.noMemberId.s2': 'ログイン後、カード会員ページの開始手続きをしてください。',
    'help.trouble.fix.stillStuck.title': 'ここまでで原因が見つからない場合',
    'help.trouble.fix.stillStuck.why':
      '入力ミスがないのにログインできない場合、パスワードを再設定すると解決することがほとんどです。',
    'help.trouble.fix.stillStuck.s1': '「パスワードを忘れた方」からパスワードを再設定してください。',
    'help.trouble.fix.stillStuck.s2': 'それでも解決しない場合は、コンタクトセンターへお問い合わせください。',
  },
  en: {
    'help.title': 'Help center',
    'help.lead':
      'Why you might not be able to log in and how to fix it, plus answers to common questions about your card and payments.',
    'help.breadcrumb': 'Breadcrumb',
    'help.search.label': 'Search help',
    'help.search.placeholder': 'e.g. cannot log in, forgot password',
    'help.search.submit': 'Search',
    'help.search.title': 'Search results',
    'help.search.resultsFor': 'Results for “{q}”: {count}',
    'help.search.none': 'No articles match “{q}”.',
    'help.search.noneTips':
      'Try fewer or different words. If you cannot log in, you can also answer a few questions to find the cause.',
    'help.search.empty': 'Type what you are looking for.',
    'help.search.otherLang': 'Matched the Japanese article',
    'help.search.codeShortcut': 'What error code {code} means and what to do',
    'help.login.swappedArticle': 'Check whether the user ID and password were swapped',
    'help.login.severalIdsArticle': 'If you have more than one member ID',
    'help.login.capsArticle': 'Check Caps Lock and autofill',
    'help.login.troubleTitle': 'If you cannot log in',
    'help.home.troubleTitle': 'Can’t log in?',
    'help.home.troubleLead': 'Answer a few questions and we will show you the cause and the fix.',
    'help.home.troubleStart': 'Find the cause',
    'help.home.errorsTitle': 'Look up an error code',
    'help.home.errorsLead': 'See what an error code on the screen (such as L01 or C01) means and what to do.',
    'help.home.errorsLink': 'All error codes',
    'help.home.errorsLookup': 'Error code',
    'help.home.errorsGo': 'Look up',
    'help.home.contactTitle': 'Call us',
    'help.home.contactLink': 'Contact center numbers and hours',
    'help.home.categories': 'Browse by topic',
    'help.home.popular': 'Popular questions',
    'help.category.login': 'Logging in',
    'help.category.login.lead': 'Why you cannot log in and how to fix it',
    'help.category.member-id': 'Member ID',
    'help.category.member-id.lead': 'User ID, password and email address',
    'help.category.enrollment': 'Card portal enrollment',
    'help.category.enrollment.lead': 'The start procedure and the 4-digit start PIN',
    'help.category.card-payment': 'Card and payment',
    'help.category.card-payment.lead': 'Statements, payment date, points, lost or stolen cards',
    'help.category.security': 'Security',
    'help.category.security.lead': 'Keeping your account safe',
    'help.category.withdrawal': 'Withdrawal',
    'help.category.withdrawal.lead': 'Withdrawing and forced withdrawal',
    'help.category.contact': 'Contact',
    'help.category.contact.lead': 'Contact center numbers and hours',
    'help.category.articles': 'Articles: {count}',
    'help.article.related': 'Related articles',
    'help.article.stillStuck': 'Still stuck?',
    'help.article.stillStuckLead': 'Answer a few questions to find the cause, or call the contact center.',
    'help.errors.title': 'Error codes',
    'help.errors.lead':
      'What each error code on the screen means and what to do. Codes can be typed in upper or lower case.',
    'help.errors.area.login': 'Logging in',
    'help.errors.area.member': 'Member ID',
    'help.errors.area.card': 'Card status',
    'help.errors.area.enrollment': 'Card portal enrollment',
    'help.errors.code': 'Code',
    'help.errors.meaning': 'Meaning',
    'help.errors.contactNeeded': 'Call needed',
    'help.errors.online': 'Can be fixed online',
    'help.errors.whatHappened': 'What happened',
    'help.errors.whatToDo': 'What to do',
    'help.errors.needContact':
      'Only the contact center can resolve this error. When you call, please tell us the code “{code}”.',
    'help.errors.noContact': 'You can resolve this error yourself; there is no need to call.',
    'help.errors.allCodes': 'Back to all error codes',
    'help.errors.unknown.title': 'We could not find the error code “{code}”',
    'help.errors.unknown.lead':
      'That is not one of cardnavi’s error codes. Here is how to find what you need.',
    'help.errors.unknown.check':
      'Codes are one letter followed by two digits (for example L01, C01, P02). Watch out for the digit 0 and the letter O.',
    'help.errors.unknown.list': 'Find it in the list of error codes',
    'help.errors.unknown.search': 'Search by keyword',
    'help.errors.unknown.trouble': 'Answer a few questions to find out why you cannot log in',
    'help.contact.title': 'Contact center',
    'help.contact.lead': 'If you cannot solve it online, please call us.',
    'help.contact.numbers': 'Phone numbers',
    'help.contact.navi': 'Navi-dial number',
    'help.contact.landline': 'If you cannot use the navi-dial number (some mobile or IP phones)',
    'help.contact.paid': 'Calls are charged at your own cost (not toll-free).',
    'help.contact.hours': 'Hours',
    'help.contact.hoursValue': '{opens}–{closes}, every day including weekends and holidays',
    'help.contact.timeZone': 'Times are Japan time.',
    'help.contact.openNow': 'Open now',
    'help.contact.closedNow': 'Closed now. Please call again during opening hours.',
    'help.contact.ready': 'Please have ready',
    'help.contact.readyCard': 'Your card (we identify you by the card number)',
    'help.contact.readyBirth': 'The card member’s date of birth',
    'help.contact.readyCode': 'The error code shown on the screen, if any',
    'help.contact.readySelf':
      'Some requests, such as unlocking the start procedure, are accepted only from the card member in person.',
    'help.contact.busy': 'Busiest days',
    'help.contact.busyPayday': 'Around the payment day (the 27th of each month)',
    'help.contact.busyMonday': 'Mondays and the day after a holiday weekend',
    'help.contact.busyMorning': 'Right after opening and around lunchtime',
    'help.contact.busyHint': 'Afternoons on other days are usually quieter.',
    'help.contact.online': 'What you can do online instead',
    'help.contact.onlineForgotId': 'Forgot your user ID (we email it to you)',
    'help.contact.onlineForgotPassword': 'Forgot your password (we email you a reset link)',
    'help.contact.onlineEnroll': 'Card portal enrollment (the start procedure)',
    'help.contact.onlineErrors': 'Look up what an error code means',
    'help.contact.onlineTrouble': 'Find out why you cannot log in',
    'help.contact.articles': 'Articles about contacting us',
    'help.trouble.title': 'Find out why you cannot log in',
    'help.trouble.lead': 'Choose the answer that fits. A few questions lead you to the cause and the fix.',
    'help.trouble.startOver': 'Start over',
    'help.trouble.unknownStep': 'That page has expired, so we are showing the first question.',
    'help.trouble.causeLabel': 'Likely cause',
    'help.trouble.why': 'Why this happens',
    'help.trouble.steps': 'How to fix it',
    'help.trouble.next': 'Next step',
    'help.trouble.article': 'Read the full explanation',
    'help.trouble.codeAnswer': '{code} — {title}',
    'help.trouble.link.contact': 'Contact center numbers and hours',
    'help.trouble.link.forgotId': 'Forgot user ID',
    'help.trouble.link.forgotPassword': 'Forgot password',
    'help.trouble.link.login': 'Go to the login page',
    'help.trouble.link.enroll': 'Start the card portal enrollment',
    'help.trouble.link.register': 'Register for a member ID',
    'help.trouble.link.code': 'What error code {code} means',
    'help.trouble.q.start': 'Do you see an error code on the screen?',
    'help.trouble.q.start.hint': 'Error codes look like “Error code: L01”: one letter and two digits.',
    'help.trouble.a.yesCode': 'Yes, I see an error code',
    'help.trouble.a.noCode': 'No, there is no error code',
    'help.trouble.q.code': 'Which error code do you see?',
    'help.trouble.q.message': 'What does the screen say? Choose the one that fits.',
    'help.trouble.a.msgWrong': '“The user ID or password is incorrect”',
    'help.trouble.a.msgEnrollAsked':
      'After logging in, I am asked for my card number, date of birth and a 4-digit number',
    'help.trouble.a.msgOtherId': '“This card was applied for with a different member ID”',
    'help.trouble.a.msgPinLocked':
      '“The start procedure is locked”, or I have forgotten my 4-digit start PIN',
    'help.trouble.a.msgCardIneligible': '“This card is not eligible for the service”',
    'help.trouble.a.msgSuspended': '“This member ID has been force-withdrawn”',
    'help.trouble.a.msgWithdrew': 'I withdrew from the membership (deleted my member ID)',
    'help.trouble.a.msgMailMissing': 'I am registering, but the confirmation email does not arrive',
    'help.trouble.a.msgNoId': 'I do not have a member ID yet',
    'help.trouble.q.wrong': 'Do you remember your user ID?',
    'help.trouble.q.wrong.hint':
      'For your security, the login page does not say whether the user ID or the password is wrong.',
    'help.trouble.a.rememberId': 'Yes, I know my user ID',
    'help.trouble.a.forgotId': 'No, I have forgotten my user ID',
    'help.trouble.a.emailChanged': 'I log in with my email address and recently changed it',
    'help.trouble.q.password': 'Do you remember your password?',
    'help.trouble.a.rememberPassword': 'Yes, I know my password',
    'help.trouble.a.forgotPassword': 'No, I have forgotten it or I am not sure',
    'help.trouble.q.typing': 'Could any of these apply?',
    'help.trouble.a.swapped': 'I may have typed the user ID and password into each other’s fields',
    'help.trouble.a.capsAutofill': 'Caps Lock is on, or my browser fills in an old password',
    'help.trouble.a.lockedMail':
      'I got the password wrong several times, or received an email saying my account was locked',
    'help.trouble.a.severalIds': 'I have more than one member ID (several registered with the same email)',
    'help.trouble.a.noneOfThese': 'None of these',
    'help.trouble.q.withdrawn': 'Could your member ID have been withdrawn?',
    'help.trouble.a.iWithdrew': 'Yes, I withdrew it myself',
    'help.trouble.a.weEnded': 'I was told that my membership was suspended (forced withdrawal)',
    'help.trouble.a.notWithdrawn': 'No, not that I know of',
    'help.trouble.q.enrolled': 'Have you ever completed the card portal start procedure?',
    'help.trouble.q.enrolled.hint':
      'In the start procedure you enter the card number, your date of birth and the 4 digits you chose on your card application. It is needed once per card.',
    'help.trouble.a.neverEnrolled': 'No, never, or I am not sure',
    'help.trouble.a.enrolledBefore': 'Yes, I completed it before',
    'help.trouble.q.multipleIds': 'Do you have more than one member ID?',
    'help.trouble.a.severalYes': 'Yes, or I might',
    'help.trouble.a.severalNo': 'No, only one',
    'help.trouble.fix.swapped.title': 'The user ID and password were typed into each other’s fields',
    'help.trouble.fix.swapped.why':
      'This often happens to people whose user ID is not an email address. If the user ID goes into the password field and the password into the user ID field, you cannot log in.',
    'help.trouble.fix.swapped.s1':
      'On the login page, type your user ID or email in the top field and your password in the bottom field.',
    'help.trouble.fix.swapped.s2': 'Use the “Show” button to check what you typed in the password field.',
    'help.trouble.fix.forgotId.title': 'You have forgotten your user ID',
    'help.trouble.fix.forgotId.why': 'Your user ID is the name you chose when you registered.',
    'help.trouble.fix.forgotId.s1':
      'Use “Forgot user ID” and enter your registered email address: we email you every user ID registered to it.',
    'help.trouble.fix.forgotId.s2':
      'If nothing arrives, check your spam folder. The email you received when you registered also shows your user ID.',
    'help.trouble.fix.forgotPassword.title': 'You have forgotten your password',
    'help.trouble.fix.forgotPassword.why':
      'Passwords are stored in a form nobody can read, so we cannot tell you yours, even by phone. Set a new one instead.',
    'help.trouble.fix.forgotPassword.s1':
      'Use “Forgot password” and enter your user ID or email: we email you a reset link that works once, for 30 minutes.',
    'help.trouble.fix.forgotPassword.s2':
      'Changing your password does not mean you have to enroll in the card portal again.',
    'help.trouble.fix.emailChanged.title': 'Your user ID changed when you changed your email',
    'help.trouble.fix.emailChanged.why':
      'If your email address is your user ID, changing the email address changes the user ID to the new address.',
    'help.trouble.fix.emailChanged.s1': 'Log in with your new email address and your usual password.',
    'help.trouble.fix.emailChanged.s2':
      'If that does not work, enter the new email address in “Forgot user ID” and we will email you your user ID.',
    'help.trouble.fix.otherId.title':
      'You are logged in with a different member ID from the one you applied for the card with',
    'help.trouble.fix.otherId.why':
      'The card portal only works with the member ID you used on the card application. This often happens to people with more than one member ID. When one email address has several member IDs, log in with the user ID rather than the email.',
    'help.trouble.fix.otherId.s1':
      'Enter your registered email in “Forgot user ID”: we email you every user ID registered to it.',
    'help.trouble.fix.otherId.s2':
      'Log out, then log in again with the user ID you used on the card application.',
    'help.trouble.fix.otherId.s3': 'To move the card to another member ID, please call the contact center.',
    'help.trouble.fix.notEnrolled.title': 'The card portal start procedure is not done yet',
    'help.trouble.fix.notEnrolled.why':
      'The card portal needs a one-time start procedure for each card. A new card needs its own start procedure too. Changing your user ID or password does not mean you have to do it again.',
    'help.trouble.fix.notEnrolled.s1':
      'Have ready the 16-digit card number, your date of birth and the 4 digits you chose on your card application (the start PIN).',
    'help.trouble.fix.notEnrolled.s2': 'Log in and follow the start procedure page.',
    'help.trouble.fix.pinLocked.title': 'The start procedure is locked after too many wrong start PINs',
    'help.trouble.fix.pinLocked.why':
      'After {startPinMaxFailures} wrong start PINs (the 4 digits) the start procedure for the card is stopped to prevent misuse. Waiting or logging in again does not unlock it.',
    'help.trouble.fix.pinLocked.s1':
      'If you remember the 4 digits: the card member calls the contact center in person. We unlock it after verifying your identity and email you; then do the start procedure again with the same 4 digits.',
    'help.trouble.fix.pinLocked.s2':
      'If you have forgotten them, unlocking does not help: say so on the call, and we post a new start PIN to the card’s registered address. Please have your card and your date of birth ready.',
    'help.trouble.q.pin': 'Do you remember your start PIN (the 4 digits)?',
    'help.trouble.q.pin.hint':
      'The 4 digits you chose yourself on the card application. It is not the card’s PIN for shops and ATMs.',
    'help.trouble.a.pinKnown': 'I remember it, but it is locked after wrong tries',
    'help.trouble.a.pinForgotten': 'I have forgotten it',
    'help.trouble.fix.pinForgotten.title': 'You have forgotten the start PIN (the 4 digits)',
    'help.trouble.fix.pinForgotten.why':
      'Nobody can look up or tell you the start PIN, not even the contact center: we only keep it in a form that cannot be turned back. So we issue a new one.',
    'help.trouble.fix.pinForgotten.s1':
      'The card member calls the contact center in person. After verifying your identity we post a new start PIN to the card’s registered address (never by phone or email), and email you that it is on its way.',
    'help.trouble.fix.pinForgotten.s2':
      'When the letter arrives, do the start procedure with the card number, your date of birth and the new 4 digits. The old 4 digits no longer work, and the lock is lifted.',
    'help.trouble.a.msgMailboxLost':
      'I can no longer receive mail at my registered address (for example after changing phones)',
    'help.trouble.fix.mailboxLost.title': 'You can no longer receive mail at your registered address',
    'help.trouble.fix.mailboxLost.why':
      'Your user ID and password-reset links are only ever sent to the registered email address. When it stops working (a carrier address lost with an old phone), you cannot reset by yourself.',
    'help.trouble.fix.mailboxLost.s1':
      'If you know your password, log in and change the address in Settings.',
    'help.trouble.fix.mailboxLost.s2':
      'If you cannot log in, the card member calls the contact center in person. After verifying your identity we take the new address, and it changes once a supervisor approves it. We tell the old address too.',
    'help.trouble.fix.mailboxLost.s3':
      'For your protection, for {emailChangeHoldHours} hours after the change no password-reset link is sent to the new address. After that, use “Forgot password”.',
    'help.trouble.fix.forceWithdrawn.title': 'Your member ID was force-withdrawn',
    'help.trouble.fix.forceWithdrawn.why':
      'A member ID that was force-withdrawn, for example for a breach of the member terms, is no longer valid: even with the right password you cannot log in to any service (error code M01).',
    'help.trouble.fix.forceWithdrawn.s1':
      'Please call the contact center about the reason and what happens next.',
    'help.trouble.fix.forceWithdrawn.s2':
      'Important notices about your card, such as payments, are also sent by post.',
    'help.trouble.fix.cardIneligible.title':
      'The card is not eligible for the service (suspended or cancelled)',
    'help.trouble.fix.cardIneligible.why':
      'When the card is suspended after a late payment or a periodic review (C01), cancelled under the card terms (C02), or not renewed after the renewal screening (C03), the card portal is not available.',
    'help.trouble.fix.cardIneligible.s1':
      'Read what your error code means, then call the contact center. Screening reasons are only given by phone.',
    'help.trouble.fix.cardIneligible.s2':
      'Your member ID itself still works: the help center and other group services remain available.',
    'help.trouble.fix.withdrew.title': 'Your member ID was withdrawn',
    'help.trouble.fix.withdrew.why':
      'Withdrawing a member ID ends every group service; points and saved details are lost and cannot be restored. The card itself stays usable.',
    'help.trouble.fix.withdrew.s1':
      'Register for a new member ID (you can use the same email address). A withdrawn user ID cannot be registered by anyone for 30 days after the withdrawal (its cooling-off period): to start at once, choose another user ID; after 30 days you can register the same user ID again.',
    'help.trouble.fix.withdrew.s2':
      'Log in with the new member ID and complete the card portal start procedure again.',
    'help.trouble.fix.locked.title': 'Your account is temporarily locked after several wrong passwords',
    'help.trouble.fix.locked.why':
      'After {loginMaxFailures} wrong passwords in a row, logging in is paused for about {loginLockMinutes} minutes so that nobody can guess it. We email you about the lock. For your security the login page only says the details are incorrect.',
    'help.trouble.fix.locked.s1':
      'To log in now, reset your password with “Forgot password”: a completed reset lifts the lock, and the new password works at once. Otherwise wait until the time given in the lock email, then log in with the correct password.',
    'help.trouble.fix.locked.s2':
      'If you were told about a lock you did not cause, someone may be trying to log in: reset your password.',
    'help.trouble.fix.capsAutofill.title': 'Caps Lock or autofill changed what was typed',
    'help.trouble.fix.capsAutofill.why':
      'Passwords are case-sensitive. With Caps Lock on, or when a browser or password manager fills in an old password, you cannot log in even though you think it is right. Full-width characters cause the same problem.',
    'help.trouble.fix.capsAutofill.s1':
      'Turn Caps Lock off, clear the filled-in text and type the password by hand. The password field warns you when Caps Lock is on.',
    'help.trouble.fix.capsAutofill.s2':
      'Use the “Show” button to check what you typed. If your browser saved an old password, update it in the browser settings.',
    'help.trouble.fix.mailNotArriving.title': 'The confirmation email has not arrived',
    'help.trouble.fix.mailNotArriving.why':
      'The email may be in your spam folder or blocked by your mail settings. The confirmation link works for 30 minutes.',
    'help.trouble.fix.mailNotArriving.s1': 'Check your spam folder, and allow mail from “cardnavi.example”.',
    'help.trouble.fix.mailNotArriving.s2':
      'If nothing arrives within 30 minutes, check the email address for typos and register again.',
    'help.trouble.fix.noMemberId.title': 'You do not have a member ID yet',
    'help.trouble.fix.noMemberId.why': 'You need a member ID (free) to use the card portal.',
    'help.trouble.fix.noMemberId.s1': 'Register to create your member ID.',
    'help.trouble.fix.noMemberId.s2': 'After logging in, complete the card portal start procedure.',
    'help.trouble.fix.stillStuck.title': 'If you have not found the cause yet',
    'help.trouble.fix.stillStuck.why':
      'When you cannot log in even though nothing is mistyped, resetting the password almost always solves it.',
    'help.trouble.fix.stillStuck.s1': 'Reset your password with “Forgot password”.',
    'help.trouble.fix.stillStuck.s2': 'If that does not help, please call the contact center.',
  },
});
