import { defineMessages } from '../i18n/define.ts';

/** Member ID pages: login, registration, verification. */
export const memberMessages = defineMessages({
  ja: {
    'login.title': 'ログイン',
    'login.lead': '会員IDでログインすると、カード会員ページをご利用いただけます。',
    'login.identifier': 'ユーザーIDまたはメールアドレス',
    'login.identifier.hint': '半角英数字6文字以上のユーザーID、またはメールアドレス',
    'login.password': 'パスワード',
    'login.submit': 'ログイン',
    'login.forgotId': 'ユーザーIDを忘れた方',
    'login.forgotPassword': 'パスワードを忘れた方',
    'login.forgotHeading': 'ユーザーID・パスワードを忘れた場合',
    'login.trouble': 'ログインできない方へ(原因と解決方法)',
    'login.noAccount': '会員IDをお持ちでない方',
    'login.registerLink': '新規会員登録(無料)',
    'login.failed.help': 'ログインできない原因を調べる',
    'login.swappedHint':
      'ユーザーIDとパスワードを逆の欄に入力していませんか?パスワード欄にユーザーIDやメールアドレスのような文字列が入力されています。',
    'login.severalIds':
      'ひとつのメールアドレスで複数の会員IDをお持ちの場合は、メールアドレスではなくユーザーIDでログインしてください。',
    'login.expired':
      'セッションの有効期限が切れたため、ログアウトしました。もう一度ログインしてください。(エラーコード: S01)',
    'login.loggedOut': 'ログアウトしました。',
    'login.again':
      'ご利用のサービスが、あらためてのログインを求めています。本人確認のため、もう一度ログインしてください。',
    'login.registered': '会員登録が完了しました。ユーザーID「{userId}」でログインしてください。',
    'password.show': '表示',
    'password.hide': '隠す',
    'password.capsLock': 'Caps Lock がオンになっています',
    'register.title': '会員登録',
    'register.lead': '会員IDはグループのすべてのサービスで共通です。登録は無料です。',
    'register.userId': 'ユーザーID',
    'register.userId.hint':
      '半角英数字と「.」「_」「-」で6〜64文字、またはメールアドレス(メールアドレスをIDにすると、メールアドレス変更時にIDも変わります)',
    'register.email': 'メールアドレス',
    'register.email.hint':
      '登録の確認メールをお送りします。ひとつのメールアドレスで複数の会員IDを登録できます。',
    'register.password': 'パスワード',
    'register.password.hint':
      '12〜128文字。記号の組み合わせなどのルールはありません。長い文章のようなパスワードがおすすめです。',
    'register.submit': '確認メールを送る',
    'register.sent.title': '確認メールを送信しました',
    'register.sent.body':
      '{email} 宛てにメールをお送りしました。30分以内にメール内のリンクを開いて、登録を完了してください。',
    'register.sent.spam':
      'メールが届かない場合は、迷惑メールフォルダをご確認いただくか、ドメイン「cardnavi.example」からのメールを受信できるよう設定して、もう一度お手続きください。',
    'register.verify.title': '会員登録の完了',
    'register.verify.lead': '次のボタンを押すと、会員登録が完了します。',
    'register.verify.submit': '登録を完了する',
    'register.verify.taken':
      'ユーザーID「{userId}」は、ほかの方が先に登録したため使用できません。別のユーザーIDで、もう一度ご登録ください。',
    'validation.userId.required': 'ユーザーIDを入力してください',
    'validation.userId.format':
      'ユーザーIDは半角英数字と「.」「_」「-」で6〜64文字、またはメールアドレスで入力してください',
    'validation.userId.emailMismatch':
      'メールアドレスをユーザーIDにする場合は、メールアドレス欄と同じアドレスを入力してください',
    'validation.identifier.required': 'ユーザーIDまたはメールアドレスを入力してください',
    'validation.email.required': 'メールアドレスを入力してください',
    'validation.email.format': 'メールアドレスの形式が正しくありません(例: name@example.jp)',
    'validation.password.required': 'パスワードを入力してください',
    'validation.password.too_short': 'パスワードは12文字以上で入力してください',
    'validation.password.too_long': 'パスワードは128文字以内で入力してください',
    'validation.password.common':
      'このパスワードはよく使われていて推測されやすいため使えません。別のパスワードにしてください',
    'validation.password.contains_user_id': 'パスワードにユーザーIDを含めることはできません',
    'validation.password.contains_email': 'パスワードにメールアドレスの@より前の部分を含めることはできません',
    'forgot.id.title': 'ユーザーIDを忘れた方',
    'forgot.id.lead':
      '会員登録のときのメールアドレスを入力してください。そのアドレスで登録されているすべてのユーザーIDを、メールでお知らせします。',
    'forgot.id.email': 'メールアドレス',
    'forgot.id.email.hint': 'メールアドレスを変更した場合は、変更後のアドレスを入力してください。',
    'forgot.id.submit': 'ユーザーIDをメールで受け取る',
    'forgot.id.sent.title': 'メールを送信しました',
    'forgot.id.sent.body': '{email} 宛てにメールをお送りしました。登録されているユーザーIDをご確認ください。',
    'forgot.sent.spam':
      'メールが届かない場合は、迷惑メールフォルダをご確認いただくか、ドメイン「cardnavi.example」からのメールを受信できるよう設定してください。同じ宛先へのお申し込みは1時間に5回までです。',
    'forgot.password.title': 'パスワードを忘れた方',
    'forgot.password.lead':
      'ユーザーIDまたはメールアドレスを入力してください。登録されているメールアドレスに、パスワード再設定用のリンク(30分間有効・1回限り)をお送りします。',
    'forgot.password.identifier': 'ユーザーIDまたはメールアドレス',
    'forgot.password.several':
      'ひとつのメールアドレスで複数の会員IDをお持ちの場合、メールアドレスを入力すると、会員IDごとにリンクを1通ずつお送りします。どのIDのリンクかはメールに書かれています。',
    'forgot.password.submit': '再設定用のリンクを受け取る',
    'forgot.password.sent.title': '受け付けました',
    'forgot.password.sent.body':
      '「{identifier}」が登録されている場合は、登録メールアドレスにパスワード再設定用のリンクをお送りしました。リンクの有効期限は30分です。',
    'forgot.password.sent.newest':
      '再設定を何度かお申し込みいただいた場合は、最後に届いたメールのリンクだけが使えます。',
    'forgot.password.forgotId': 'ユーザーIDもわからない場合は、こちら',
    'reset.title': '新しいパスワードの設定',
    'reset.lead': 'ユーザーID「{userId}」の新しいパスワードを設定してください。',
    'reset.password': '新しいパスワード',
    'reset.submit': 'パスワードを変更する',
    'reset.after':
      '変更すると、すべての端末やブラウザーのログインが終了します。変更後は、新しいパスワードでログインしてください。',
    'reset.done':
      'パスワードを変更しました。すべての端末のログインを終了しました。新しいパスワードでログインしてください。',
    'validation.currentPassword.wrong': '現在のパスワードが正しくありません',
    'validation.email.same': '現在と同じメールアドレスです。新しいメールアドレスを入力してください',
    'validation.withdraw.understand': '退会する場合は、確認のチェックボックスにチェックを入れてください',
  },
  en: {
    'login.title': 'Log in',
    'login.lead': 'Log in with your member ID to use the card portal.',
    'login.identifier': 'User ID or email',
    'login.identifier.hint': 'Your user ID (6 or more letters and digits) or your email address',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.forgotId': 'Forgot user ID',
    'login.forgotPassword': 'Forgot password',
    'login.forgotHeading': 'Forgotten your user ID or password?',
    'login.trouble': 'Can’t log in? Find the cause and the fix',
    'login.noAccount': 'No member ID yet?',
    'login.registerLink': 'Register (free)',
    'login.failed.help': 'Find out why you cannot log in',
    'login.swappedHint':
      'Did you type the user ID and password into each other’s fields? The password field holds something that looks like a user ID or email.',
    'login.severalIds':
      'If one email address has several member IDs, log in with the user ID instead of the email.',
    'login.expired': 'Your session expired and you were logged out. Please log in again. (Error code: S01)',
    'login.loggedOut': 'You have logged out.',
    'login.again': 'The service you are signing in to asks you to log in again, to confirm it is you.',
    'login.registered': 'Your registration is complete. Log in with the user ID “{userId}”.',
    'password.show': 'Show',
    'password.hide': 'Hide',
    'password.capsLock': 'Caps Lock is on',
    'register.title': 'Register',
    'register.lead': 'One member ID works for every group service. Registration is free.',
    'register.userId': 'User ID',
    'register.userId.hint':
      '6–64 half-width letters, digits, “.”, “_” or “-”, or an email address (if your email is your ID, changing the email changes the ID)',
    'register.email': 'Email',
    'register.email.hint':
      'We will send a confirmation email. One email address can have several member IDs.',
    'register.password': 'Password',
    'register.password.hint': '12–128 characters, no rules about symbols. A long phrase works well.',
    'register.submit': 'Send confirmation email',
    'register.sent.title': 'Check your email',
    'register.sent.body':
      'We sent an email to {email}. Open the link in it within 30 minutes to finish registering.',
    'register.sent.spam':
      'If it does not arrive, check your spam folder or allow mail from “cardnavi.example”, then register again.',
    'register.verify.title': 'Finish registration',
    'register.verify.lead': 'Press the button to complete your registration.',
    'register.verify.submit': 'Complete registration',
    'register.verify.taken':
      'The user ID “{userId}” was registered by someone else first. Please register again with another user ID.',
    'validation.userId.required': 'Enter a user ID',
    'validation.userId.format':
      'A user ID is 6–64 half-width letters, digits, “.”, “_” or “-”, or an email address',
    'validation.userId.emailMismatch':
      'To use an email address as your user ID, enter the same address in the email field',
    'validation.identifier.required': 'Enter your user ID or email',
    'validation.email.required': 'Enter an email address',
    'validation.email.format': 'Enter an email address like name@example.jp',
    'validation.password.required': 'Enter a password',
    'validation.password.too_short': 'The password must be at least 12 characters',
    'validation.password.too_long': 'The password must be 128 characters or fewer',
    'validation.password.common': 'This password is too common and easy to guess. Choose another one',
    'validation.password.contains_user_id': 'The password must not contain your user ID',
    'validation.password.contains_email': 'The password must not contain the part of your email before the @',
    'forgot.id.title': 'Forgot your user ID',
    'forgot.id.lead':
      'Enter the email address you registered with. We will email you every user ID registered to that address.',
    'forgot.id.email': 'Email',
    'forgot.id.email.hint': 'If you changed your email address, enter the new one.',
    'forgot.id.submit': 'Email me my user IDs',
    'forgot.id.sent.title': 'Check your email',
    'forgot.id.sent.body': 'We sent an email to {email}. It lists the user IDs registered to it.',
    'forgot.sent.spam':
      'If it does not arrive, check your spam folder or allow mail from “cardnavi.example”. You can ask up to 5 times an hour for the same address or ID.',
    'forgot.password.title': 'Forgot your password',
    'forgot.password.lead':
      'Enter your user ID or email. We will email a link for setting a new password (valid for 30 minutes, once) to the registered address.',
    'forgot.password.identifier': 'User ID or email',
    'forgot.password.several':
      'If one email address has several member IDs and you enter the email, we send one mail per member ID, each with its own link; each mail names its ID.',
    'forgot.password.submit': 'Email me a reset link',
    'forgot.password.sent.title': 'Request received',
    'forgot.password.sent.body':
      'If “{identifier}” is registered, we have sent a password reset link to its registered email address. The link expires in 30 minutes.',
    'forgot.password.sent.newest': 'If you asked more than once, only the link in the latest mail works.',
    'forgot.password.forgotId': 'Forgot your user ID as well?',
    'reset.title': 'Set a new password',
    'reset.lead': 'Set a new password for the user ID “{userId}”.',
    'reset.password': 'New password',
    'reset.submit': 'Change password',
    'reset.after': 'This logs you out on every device and browser. Afterwards, log in with the new password.',
    'reset.done': 'Your password was changed and every device was logged out. Log in with the new password.',
    'validation.currentPassword.wrong': 'The current password is not correct',
    'validation.email.same': 'That is your current email address. Enter a new one',
    'validation.withdraw.understand': 'To withdraw, tick the box to confirm you understand',
  },
});
