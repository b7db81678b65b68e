import { defineMessages } from '../i18n/define.ts';

/** Single sign-on for group services: consent, connected services, sign-in errors. */
export const oidcMessages = defineMessages({
  ja: {
    'oidc.consent.title': '{service} に会員情報を提供しますか?',
    'oidc.consent.lead':
      '{service} が、あなたの会員IDでのログインを求めています。許可すると、次の情報が {service} に提供されます。',
    'oidc.consent.signedInAs': 'ログイン中の会員ID: {userId}',
    'oidc.consent.allow': '許可する',
    'oidc.consent.deny': '許可しない',
    'oidc.consent.remembered':
      '許可は、このサービスについて記憶されます。「設定」の「連携中のサービス」からいつでも取り消せます。',
    'oidc.scope.openid': 'あなたを識別するための番号(サービスごとに同じ値)',
    'oidc.scope.profile': 'ユーザーIDと表示言語',
    'oidc.scope.email': 'メールアドレス',
    'oidc.scope.member': '会員IDと言語の設定',
    'oidc.interaction.expired.title': 'ログインの手続きが見つかりません',
    'oidc.interaction.expired.body':
      'ログインの手続きの有効期限が切れたか、別のブラウザーで開かれました。ご利用のサービスに戻って、もう一度ログインしてください。',
    'oidc.interaction.mismatch.body':
      'この手続きは別の会員IDで始められました。ご利用のサービスに戻って、もう一度ログインしてください。',
    'oidc.consent.decision.required': '「許可する」または「許可しない」を選んでください。',
    'connected.title': '連携中のサービス',
    'connected.lead':
      '会員IDでログインしているグループのサービスです。取り消すと、そのサービスは次回の更新からあなたの情報を受け取れなくなり、もう一度ログインが必要になります。',
    'connected.none': '連携中のサービスはありません。',
    'connected.settings.lead': '会員IDでログインしているグループのサービスを確認し、連携を取り消せます。',
    'connected.service': 'サービス',
    'connected.lastUsed': '最終利用',
    'connected.never': 'まだ利用されていません',
    'connected.revoke': '取り消す',
    'connected.revokeNamed': '{service} の連携を取り消す',
    'connected.revoked': '{service} との連携を取り消しました。',
    'connected.notFound': 'その連携はすでに取り消されています。',
    'withdraw.services.lead': '会員IDで利用している次のサービスにも、ログインできなくなります。',
    'oidc.error.title': 'サービスへのログインを続けられませんでした',
    'oidc.error.body':
      'ご利用のサービスからの要求に誤りがあるか、有効期限が切れています。サービスに戻って、もう一度お試しください。',
    'oidc.error.code': 'エラーの内容(サービスの運営者向け)',
    'oidc.error.home': 'cardnavi のトップページへ',
  },
  en: {
    'oidc.consent.title': 'Share your member details with {service}?',
    'oidc.consent.lead':
      '{service} asks to sign you in with your member ID. If you allow it, {service} receives:',
    'oidc.consent.signedInAs': 'Signed in as member ID: {userId}',
    'oidc.consent.allow': 'Allow',
    'oidc.consent.deny': 'Do not allow',
    'oidc.consent.remembered':
      'Your choice is remembered for this service. You can withdraw it at any time under Settings, "Connected services".',
    'oidc.scope.openid': 'A number that identifies you (the same for this service every time)',
    'oidc.scope.profile': 'Your user ID and display language',
    'oidc.scope.email': 'Your email address',
    'oidc.scope.member': 'Your member ID and language setting',
    'oidc.interaction.expired.title': 'This sign-in request was not found',
    'oidc.interaction.expired.body':
      'The sign-in request has expired or was opened in another browser. Go back to the service and sign in again.',
    'oidc.interaction.mismatch.body':
      'This request was started with a different member ID. Go back to the service and sign in again.',
    'oidc.consent.decision.required': 'Choose "Allow" or "Do not allow".',
    'connected.title': 'Connected services',
    'connected.lead':
      'Group services you sign in to with your member ID. If you revoke one, it stops receiving your details from its next refresh and you have to sign in to it again.',
    'connected.none': 'No services are connected.',
    'connected.settings.lead':
      'See the group services you sign in to with your member ID, and revoke their access.',
    'connected.service': 'Service',
    'connected.lastUsed': 'Last used',
    'connected.never': 'Not used yet',
    'connected.revoke': 'Revoke',
    'connected.revokeNamed': 'Revoke access for {service}',
    'connected.revoked': 'Access for {service} has been revoked.',
    'connected.notFound': 'That access had already been revoked.',
    'withdraw.services.lead':
      'You will also no longer be able to sign in to these services with your member ID:',
    'oidc.error.title': 'Signing in to the service could not continue',
    'oidc.error.body':
      'The request from the service was not valid or has expired. Go back to the service and try again.',
    'oidc.error.code': 'What went wrong (for the service operator)',
    'oidc.error.home': 'cardnavi top page',
  },
});
