import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/helpers/config.ts';
import { type MailTemplate, mailTemplates, renderMail } from './templates.ts';

const config = testConfig({ PUBLIC_URL: 'https://cardnavi.example' });

describe('renderMail', () => {
  for (const template of Object.keys(mailTemplates) as MailTemplate[]) {
    for (const lang of ['ja', 'en'] as const) {
      it(`renders ${template} in ${lang} with every parameter filled and links from PUBLIC_URL`, () => {
        const def: { links?: string[]; letter?: boolean } = mailTemplates[template];
        const params = Object.fromEntries(
          [
            'userId',
            'userIds',
            'until',
            'newEmail',
            'idNote',
            'last4',
            'at',
            'device',
            'browser',
            'ip',
            'method',
            'by',
            'holderName',
            'pin',
            'holdUntil',
            'lostLast4',
            'count',
            'lines',
            'days',
            'availableFrom',
            'withdrawnIds',
            'item',
            ...(def.links ?? []),
          ].map((p) => [p, (def.links ?? []).includes(p) ? `/path-${p}?token=abc` : `<${p}>`]),
        );
        const mail = renderMail(config, template, lang, params);
        expect(mail.text).not.toMatch(/\{\w+\}/);
        expect(mail.subject).not.toMatch(/\{\w+\}/);
        for (const link of def.links ?? []) {
          if (mail.text.includes(`path-${link}`))
            expect(mail.text).toContain(`https://cardnavi.example/path-${link}?token=abc`);
        }
        expect(mail.html).not.toMatch(/<(userId|newEmail|userIds)>/);
      });
    }
  }

  it('never takes a link from anything but PUBLIC_URL, even an absolute URL passed as a parameter', () => {
    const mail = renderMail(config, 'password_reset', 'en', {
      userId: 'x',
      link: '//evil.example/reset-password?token=t',
    });
    expect(mail.text).not.toContain('https://evil.example');
  });
});
