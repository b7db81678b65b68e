import { describe, expect, it } from 'vitest';
import { helpLibrary } from './articles.ts';
import { buildSnippet, helpSearch, tokenize } from './search.ts';

describe('tokenize', () => {
  it('splits Japanese runs into character bigrams and keeps Latin words whole', () => {
    expect(tokenize('パスワードを忘れた')).toEqual([
      'パス',
      'スワ',
      'ワー',
      'ード',
      'ドを',
      'を忘',
      '忘れ',
      'れた',
    ]);
    expect(tokenize('Forgot the ID')).toEqual(['forgot', 'the', 'id']);
    expect(tokenize('会員ID')).toEqual(['会員', 'id']);
  });

  it('folds full-width Latin and half-width kana (NFKC) so they match their usual forms', () => {
    expect(tokenize('ＩＤ')).toEqual(['id']);
    expect(tokenize('ﾛｸﾞｲﾝ')).toEqual(tokenize('ログイン'));
  });

  it('keeps a single Japanese character as one term', () => {
    expect(tokenize('忘')).toEqual(['忘']);
  });
});

describe('help search', () => {
  const top3 = (q: string) =>
    helpSearch()
      .search(q)
      .slice(0, 3)
      .map((h) => h.slug);

  it.each([
    ['ログインできない', 'cannot-log-in'],
    ['パスワード 忘れた', 'forgot-password'],
    ['パスワードを忘れた', 'forgot-password'],
    ['ユーザーID 忘れた', 'forgot-user-id'],
    ['エラーコード', 'card-not-eligible'],
    ['開始手続き', 'start-procedure'],
    ['数字4桁', 'start-pin'],
    ['支払い日', 'payment-date'],
    ['カード なくした', 'lost-stolen-card'],
    ['退会', 'withdrew-by-mistake'],
    ['forgot password', 'forgot-password'],
    ['error code', 'card-not-eligible'],
    ['locked', 'account-locked'],
    ['payment date', 'payment-date'],
    ['stolen', 'lost-stolen-card'],
  ])('finds the right article for %s', (query, slug) => {
    expect(top3(query)).toContain(slug);
  });

  it('ranks the obvious article first for the everyday questions', () => {
    expect(top3('ログインできない')[0]).toBe('cannot-log-in');
    expect(top3('パスワード 忘れた')[0]).toBe('forgot-password');
    expect(top3('開始手続き')[0]).toBe('start-procedure');
    expect(top3('forgot password')[0]).toBe('forgot-password');
    expect(top3('locked')[0]).toBe('account-locked');
  });

  it('searches both languages: a Japanese query finds an article an English reader can open', () => {
    const [hit] = helpSearch().search('強制退会');
    expect(hit?.slug).toBe('forced-withdrawal');
    expect(hit?.matchedLang).toBe('ja');
  });

  it('returns one hit per article and nothing for an empty query', () => {
    const slugs = helpSearch()
      .search('password パスワード')
      .map((h) => h.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(helpSearch().search('   ')).toEqual([]);
  });
});

describe('buildSnippet', () => {
  it('marks the query terms in the article text', () => {
    const text = helpLibrary().find('ja', 'forgot-password')!.text;
    const parts = buildSnippet(text, 'パスワード 忘れた');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toContain('パスワード');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toContain('忘れた');
    expect(parts.map((p) => p.text).join('')).toContain('パスワードを忘れた');
  });

  it('returns text parts, so markup in the text or query stays text', () => {
    const parts = buildSnippet('a <script>alert(1)</script> b', '<script>');
    expect(parts.find((p) => p.mark)?.text).toBe('script');
    expect(parts.map((p) => p.text).join('')).toBe('a <script>alert(1)</script> b');
  });

  it('starts near the first match in a long text, with an ellipsis', () => {
    const text = `${'あ'.repeat(300)}開始手続き${'い'.repeat(300)}`;
    const parts = buildSnippet(text, '開始手続き');
    expect(parts[0]?.text).toBe('…');
    expect(parts.find((p) => p.mark)?.text).toBe('開始手続き');
    expect(parts.at(-1)?.text).toBe('…');
  });
});
