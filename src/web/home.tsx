import { demoMembers, demoService, demoStaff } from '../demo/cast.ts';
import type { AppContext } from './context.ts';
import { renderPage } from './layout.tsx';

/** The top page; in development it also lists the demo accounts and the dev mailbox. */
export function renderHomePage(c: AppContext) {
  const t = c.get('t');
  const lang = c.get('lang');
  const { config } = c.get('deps');
  return renderPage(
    c,
    { title: t('home.title') },
    <>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <div class="button-row">
          <a class="button primary" href="/login">
            {t('home.login')}
          </a>
          <a class="button" href="/register">
            {t('home.register')}
          </a>
          <a class="button" href="/help/login-trouble">
            {t('home.trouble')}
          </a>
        </div>
      </section>
      {config.production ? null : (
        <section class="demo" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('demo.title')}</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('demo.member')}</th>
                  <th scope="col">{t('demo.password')}</th>
                  <th scope="col">{t('demo.state')}</th>
                </tr>
              </thead>
              <tbody>
                {demoMembers.map((m) => (
                  <tr>
                    <td>
                      <code>{m.login}</code>
                    </td>
                    <td>
                      <code>{m.password}</code>
                    </td>
                    <td>
                      {m.state[lang]}
                      {m.totpSecret ? (
                        <>
                          {' '}
                          TOTP: <code>{m.totpSecret}</code>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
                {demoStaff.map((s) => (
                  <tr>
                    <td>
                      <code>{s.login}</code> ({s.role}, /support)
                    </td>
                    <td>
                      <code>{s.password}</code>
                    </td>
                    <td>
                      TOTP: <code>{s.totpSecret}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href="/dev/mailbox">{t('demo.mailbox')}</a>
          </p>
          <p>
            <a href={demoService.url}>{t('demo.sampleService', { service: demoService.name })}</a>
          </p>
        </section>
      )}
    </>,
  );
}
