import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.ts';
import { createMember } from '../../test/helpers/factories.ts';
import { seedCardsDemo } from './seed.ts';

let app: TestApp;
const password = 'correct-horse-battery-9';

beforeAll(async () => {
  app = await createTestApp('pglite', { ENROLL_ATTEMPTS_PER_HOUR: '1000' });
  const newcard = await createMember(app.deps, { userId: 'newcard@example.jp', password });
  await seedCardsDemo(app.deps, new Map([['newcard@example.jp', newcard.id]]));
  await createMember(app.deps, { userId: 'applicant01', password });
});
afterAll(() => app?.close());

async function loggedIn(userId: string) {
  const client = new TestClient(app, { 'accept-language': 'en' });
  expect((await client.login(userId, password)).status).toBe(303);
  return client;
}

describe('GET /portal/enroll', () => {
  it('sends a visitor without a session to the login page', async () => {
    const res = await new TestClient(app).get('/portal/enroll');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
  });

  it('shows the labelled form in Japanese and English', async () => {
    const client = await loggedIn('newcard@example.jp');
    const en = await (await client.get('/portal/enroll?lang=en')).text();
    for (const label of ['Card number', 'Date of birth', 'Start PIN', 'Enroll']) expect(en).toContain(label);
    expect(en).toContain('type="date"');
    const ja = await (await client.get('/portal/enroll?lang=ja')).text();
    for (const label of ['カード番号', '生年月日', '開始手続き専用パスワード(数字4桁)'])
      expect(ja).toContain(label);
  });
});

describe('POST /portal/enroll', () => {
  it('says what to fix for each field with a 400, and never echoes the card number or PIN', async () => {
    const client = await loggedIn('newcard@example.jp');
    const res = await client.post('/portal/enroll?lang=en', {
      cardNumber: '4980123456789012',
      birthDate: '1990-02-30',
      startPin: '12',
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('This card number has a typo');
    expect(body).toContain('Enter your date of birth as a real date');
    expect(body).toContain('Enter 4 digits');
    expect(body).not.toContain('4980123456789012');
  });

  it('accepts full-width digits and hyphens, and enrolls into the dashboard', async () => {
    const client = await loggedIn('newcard@example.jp');
    const res = await client.post('/portal/enroll', {
      cardNumber: '４９８０－１２３４－５６７８－９０１１',
      birthDate: '1990-04-01',
      startPin: '４７２１',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/portal\?card=\d+$/);
    const dashboard = await (await client.get(res.headers.get('location')!)).text();
    expect(dashboard).toContain('**** **** **** 9011');
  });
});

describe('POST /cards/apply', () => {
  const fields = {
    holderName: 'Taro Yamada',
    birthDate: '1990-04-01',
    phone: '090-1234-5678',
    incomeBand: '4m_7m',
    startPin: '4829',
    startPinConfirm: '4829',
  };

  it('refuses a guessable start PIN and says why', async () => {
    const client = await loggedIn('applicant01');
    for (const [pin, reason] of [
      ['1111', 'One digit repeated'],
      ['9876', 'Digits in a row'],
      ['0401', 'Your birth date'],
      ['1990', 'Your birth date'],
    ] as const) {
      const res = await client.post('/cards/apply?lang=en', {
        ...fields,
        startPin: pin,
        startPinConfirm: pin,
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(reason);
    }
  });

  it('issues a card with the income band limit and shows only its last 4 digits', async () => {
    const client = await loggedIn('applicant01');
    const res = await client.post('/cards/apply?lang=en', fields);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Your card has been issued');
    expect(body).toContain('¥500,000');
    expect(body).not.toMatch(/\d{16}/);
  });

  it('declines an applicant under 18 with the reason', async () => {
    const client = await loggedIn('applicant01');
    const res = await client.post('/cards/apply?lang=en', { ...fields, birthDate: '2015-01-01' });
    expect(await res.text()).toContain('Applicants must be 18 or older');
  });
});
