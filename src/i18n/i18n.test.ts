import { describe, expect, it } from 'vitest';
import { negotiateLang, translate } from './index.ts';

describe('negotiateLang', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language, and defaults to Japanese', () => {
    expect(negotiateLang('en', 'ja', 'ja')).toBe('en');
    expect(negotiateLang(undefined, 'en', 'ja')).toBe('en');
    expect(negotiateLang(undefined, undefined, 'en-US,en;q=0.9,ja;q=0.5')).toBe('en');
    expect(negotiateLang(undefined, undefined, 'fr-FR, ja;q=0.3, en;q=0.2')).toBe('ja');
    expect(negotiateLang(undefined, undefined, 'de')).toBe('ja');
    expect(negotiateLang('xx', undefined, undefined)).toBe('ja');
  });
});

describe('translate', () => {
  it('fills parameters in both languages', () => {
    expect(translate('en', 'error.code', { code: 'P01' })).toBe('Error code: P01');
    expect(translate('ja', 'error.code', { code: 'P01' })).toBe('エラーコード: P01');
  });
});
