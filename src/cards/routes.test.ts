import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.ts';
import { createMember } from '../../test/helpers/factories.ts';
import { createCard, type TestCard } from '../../test/helpers/support-factories.ts';
import { listRecentMail } from '../mail/outbox.ts';
import { generateCardNumber } from './card-number.ts';
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
    expect(res.headers.get('location')).toMatch(/^\/portal\?card=\d+&enrolled=1$/);
    const dashboard = await (await client.get(res.headers.get('location')!)).text();
    expect(dashboard).toContain('**** **** **** 9011');
  });
});

describe('POST /cards/apply', () => {
  const fields = {
    holderName: 'Taro Yamada',
    nameKanji: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    postalCode: '100-0001',
    prefecture: '13',
    addressLine1: '千代田区千代田1-1',
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

// Issue 11: a wrong start PIN with tries left was shown as P01 ("locked, call us") and emptied the form.
describe('a member who mistypes the start PIN', () => {
  const wrongPin = async (client: TestClient, card: TestCard, extra: Record<string, string> = {}) =>
    client.post('/portal/enroll?lang=en', {
      cardNumber: card.number,
      birthDate: card.birthDate,
      startPin: '0007',
      ...extra,
    });

  it('is warned with its own code P05 and the tries left in plural, not told the card is locked (P01)', async () => {
    const member = await createMember(app.deps, { userId: 'mistype01', password });
    const card = await createCard(app.deps, member.id, { number: generateCardNumber() });
    const client = await loggedIn('mistype01');
    const first = await wrongPin(client, card);
    expect(first.status).toBe(401);
    const body = await first.text();
    expect(body).toContain('P05');
    expect(body).toContain('/help/errors/P05');
    expect(body).not.toContain('/help/errors/P01');
    expect(body).toContain('4 more wrong tries will lock');
    for (let i = 0; i < 3; i++) await wrongPin(client, card);
    expect(await (await wrongPin(client, card, { lang: 'en' })).text()).toContain('P01');
    const ja = await (await client.get('/help/errors/P05?lang=ja')).text();
    expect(ja).toContain('P05');
    const lookup = await (await client.get('/help/errors?lang=en')).text();
    expect(lookup).toContain('P05');
  });

  it('gets the form back with the card (last 4 digits only) and birth date kept, never the PIN', async () => {
    const member = await createMember(app.deps, { userId: 'mistype02', password });
    const card = await createCard(app.deps, member.id, { number: generateCardNumber() });
    const client = await loggedIn('mistype02');
    const body = await (await wrongPin(client, card)).text();
    expect(body).toContain(`value="${card.birthDate}"`);
    expect(body).toContain(card.last4);
    expect(body).not.toContain(card.number);
    expect(body).not.toContain('0007');
    // Sending the form again with the kept card and the right PIN enrolls without retyping the number.
    const kept = /name="cardNumberKept" value="([^"]+)"/.exec(body)?.[1];
    expect(kept).toBeDefined();
    const res = await client.post('/portal/enroll', {
      cardNumber: '',
      cardNumberKept: kept!,
      birthDate: card.birthDate,
      startPin: '4721',
    });
    expect(res.status).toBe(303);
  });

  it('after enrolling sees a completion message on the dashboard and receives a mail', async () => {
    const member = await createMember(app.deps, {
      userId: 'mistype03',
      password,
      email: 'mistype03@example.jp',
    });
    const card = await createCard(app.deps, member.id, { number: generateCardNumber() });
    const client = await loggedIn('mistype03');
    const res = await client.post('/portal/enroll?lang=en', {
      cardNumber: card.number,
      birthDate: card.birthDate,
      startPin: '4721',
    });
    expect(res.status).toBe(303);
    const dashboard = await (await client.get(res.headers.get('location')!)).text();
    expect(dashboard).toContain('enrolled');
    expect(dashboard).toContain(card.last4);
    const [mail] = await listRecentMail(app.deps.db, app.deps.config, 5, 'mistype03@example.jp');
    expect(mail?.template).toBe('card_enrolled');
    expect(mail?.text).toContain(card.last4);
    expect(mail?.text).not.toContain(card.number);
  });
});
