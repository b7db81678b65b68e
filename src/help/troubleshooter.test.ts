import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors/catalog.ts';
import { isMessageKey } from '../i18n/index.ts';
import { helpLibrary } from './articles.ts';
import { type DomainCause, TROUBLE_START, type TroubleFix, troubleTree } from './troubleshooter.ts';

/** Every path from the start to a fix, following answers; throws on a cycle or a dangling answer. */
function allPaths(): string[][] {
  const paths: string[][] = [];
  const walk = (id: string, path: string[]) => {
    if (path.includes(id)) throw new Error(`cycle: ${[...path, id].join(' → ')}`);
    const node = troubleTree.get(id);
    if (!node) throw new Error(`dangling answer to "${id}" after ${path.join(' → ')}`);
    if (node.kind === 'fix') {
      paths.push([...path, id]);
      return;
    }
    expect(node.answers.length, `${id} offers a choice`).toBeGreaterThanOrEqual(2);
    for (const answer of node.answers) walk(answer.next, [...path, id]);
  };
  walk(TROUBLE_START, []);
  return paths;
}

describe('the login troubleshooter tree', () => {
  const paths = allPaths();
  const fixes = [...troubleTree.values()].filter((n): n is TroubleFix => n.kind === 'fix');

  it('has no cycles and every path ends at a fix', () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) expect(troubleTree.get(path.at(-1)!)?.kind).toBe('fix');
  });

  it('reaches every node from the start (no orphan questions or fixes)', () => {
    const reached = new Set(paths.flat());
    expect([...troubleTree.keys()].filter((id) => !reached.has(id))).toEqual([]);
  });

  it('reaches all twelve DOMAIN.md causes', () => {
    const causes = new Set(paths.map((p) => (troubleTree.get(p.at(-1)!) as TroubleFix).cause));
    for (let cause = 1; cause <= 12; cause++)
      expect(causes, `cause ${cause}`).toContain(cause as DomainCause);
  });

  it('gives every fix a reason, at least one step and a site link to act on', () => {
    for (const fix of fixes) {
      expect(fix.steps.length, fix.id).toBeGreaterThan(0);
      expect(fix.links.length, fix.id).toBeGreaterThan(0);
      for (const link of fix.links)
        expect(link.href, fix.id).toMatch(
          /^\/(forgot\/(id|password)|portal\/enroll|help\/(contact|errors\/[A-Z]\d\d)|register|login)$/,
        );
      for (const key of [fix.title, fix.why, ...fix.steps, ...fix.links.map((l) => l.label)])
        expect(isMessageKey(key), `${fix.id}: ${key}`).toBe(true);
    }
  });

  it('sends the causes only operators can resolve to the contact center with its hours', () => {
    for (const id of ['pinLocked', 'forceWithdrawn', 'cardIneligible']) {
      const fix = troubleTree.get(id) as TroubleFix;
      expect(fix.contactCenter).toBe(true);
      expect(fix.links[0]?.href).toBe('/help/contact');
    }
  });

  it('points each cause at its exact next step', () => {
    const firstLink = (id: string) => (troubleTree.get(id) as TroubleFix).links[0]?.href;
    expect(firstLink('forgotId')).toBe('/forgot/id');
    expect(firstLink('forgotPassword')).toBe('/forgot/password');
    expect(firstLink('notEnrolled')).toBe('/portal/enroll');
    expect(firstLink('withdrew')).toBe('/register');
    expect(firstLink('locked')).toBe('/forgot/password');
  });

  it('links every fix article to an article that exists in both languages', () => {
    const library = helpLibrary();
    for (const fix of fixes) {
      if (!fix.article) continue;
      expect(library.find('ja', fix.article), fix.id).toBeDefined();
      expect(library.find('en', fix.article), fix.id).toBeDefined();
    }
  });

  it('offers every catalog code as an answer, and each code ends at a page about that code', () => {
    const codeQuestion = troubleTree.get('code');
    expect(codeQuestion?.kind).toBe('question');
    if (codeQuestion?.kind !== 'question') return;
    const offered = codeQuestion.answers.map((a) => (typeof a.label === 'string' ? a.label : a.label.code));
    expect(offered).toEqual(errorCodes);
    for (const code of errorCodes) {
      const answer = codeQuestion.answers.find((a) => typeof a.label !== 'string' && a.label.code === code)!;
      const target = troubleTree.get(answer.next);
      // L01 means "wrong ID or password": it continues to that question instead of ending.
      const aboutCode =
        target?.kind === 'fix'
          ? target.links.some((l) => l.href === `/help/errors/${code}`)
          : code === 'L01' && target?.id === 'wrong';
      expect(aboutCode, code).toBe(true);
    }
  });
});
