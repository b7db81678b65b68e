import { DataTable, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { ConnectedServiceRow } from '../repository.ts';

/** "Connected services": each group service with its last use and a revoke button. */
export function renderConnectedServicesPage(
  c: AppContext,
  props: { services: ConnectedServiceRow[]; notice?: string; status?: 200 | 404 },
) {
  const t = c.get('t');
  const lang = c.get('lang');
  const { config } = c.get('deps');
  const when = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: config.contact.timeZone,
  });
  return renderPage(
    c,
    { title: t('connected.title'), status: props.status ?? 200 },
    <>
      <h1>{t('connected.title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>{t('connected.lead')}</p>
      {props.services.length === 0 ? (
        <p>{t('connected.none')}</p>
      ) : (
        <DataTable
          head={[t('connected.service'), t('connected.lastUsed'), t('connected.revoke')]}
          rows={props.services.map((s) => [
            s.name,
            s.lastUsedAt ? when.format(s.lastUsedAt) : t('connected.never'),
            <Form c={c} action="/settings/services/revoke">
              <input type="hidden" name="grant" value={s.grantId} />
              <button
                type="submit"
                class="button danger"
                aria-label={t('connected.revokeNamed', { service: s.name })}
              >
                {t('connected.revoke')}
              </button>
            </Form>,
          ])}
        />
      )}
      <p>
        <a href="/settings">{t('nav.settings')}</a>
      </p>
    </>,
  );
}
