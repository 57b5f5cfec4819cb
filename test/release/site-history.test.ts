/**
 * The site built from a longer history than this repository has yet: a record
 * added in 0.1.0 and changed in 0.2.0, a record removed in 0.2.0. Record pages
 * say "last changed", the changes page links what still exists and only that,
 * and the page, the feed and changes.json agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadReleases } from '../../scripts/catalog/load.ts';
import { copyRepo, output, type RepoCopy } from '../hardening/repo-copy.ts';

let repo: RepoCopy;
let site: string;
const read = (path: string) => readFileSync(join(site, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const html = (path: string) => parseDocument(read(path));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(() => {
  repo = copyRepo({ prefix: 'history-build-' });
  const data = join(repo.root, 'data');
  const { releases } = loadReleases(data);
  const later = [
    {
      version: '0.2.0',
      date: '2027-01-10',
      bump: 'major',
      changes: [
        { type: 'record-removed', level: 'major', ref: 'error-code:9999', text: { zh: '错误码 9999：已删除（“旧码”）。', en: 'Error code 9999: removed (“Old code”).' } },
        { type: 'reworded', level: 'patch', ref: 'error-code:433', text: { zh: '错误码 433：改写了标题。', en: 'Error code 433: reworded title.' } },
      ],
    },
  ];
  writeFileSync(join(data, 'releases.yaml'), `# yaml-language-server: $schema=./releases.schema.json\n${stringify({ releases: [...later, ...releases] }, { lineWidth: 0 })}`);
  expect(loadReleases(data).problems).toEqual([]);
  const pkg = repo.run('scripts/build-package.ts');
  expect(pkg.status, output(pkg)).toBe(0);
  const built = repo.run('scripts/build-site.ts');
  expect(built.status, output(built)).toBe(0);
  site = join(repo.root, 'build', 'site');
});
afterAll(() => repo?.remove());

describe('a site with three releases of history', () => {
  it('record pages say when they were added and when they last changed', () => {
    const changed = DomUtils.findOne((e) => (e.attribs.class ?? '').includes('record-history'), html('/en/errors/433/').children)!;
    expect(squash(DomUtils.textContent(changed))).toBe('Added in 0.1.0 on 2026-11-30; last changed in 0.2.0 on 2027-01-10.');
    expect(DomUtils.findAll((e) => e.name === 'a', [changed]).map((a) => a.attribs.href)).toEqual(['/en/changes/#v0.1.0', '/en/changes/#v0.2.0']);
    const zh = DomUtils.findOne((e) => (e.attribs.class ?? '').includes('record-history'), html('/zh/errors/433/').children)!;
    expect(squash(DomUtils.textContent(zh))).toBe('于 0.1.0（2026-11-30）加入，最近一次变更于 0.2.0（2027-01-10）。');
    const untouched = DomUtils.findOne((e) => (e.attribs.class ?? '').includes('record-history'), html('/en/errors/2/').children)!;
    expect(squash(DomUtils.textContent(untouched))).toBe('Added in 0.1.0 on 2026-11-30; not changed since.');
  });

  it('the changes page lists the new release first, breaking changes first, and links only records that exist', () => {
    const doc = html('/en/changes/');
    const release = DomUtils.findOne((e) => e.attribs['data-version'] === '0.2.0', doc.children)!;
    const sections = DomUtils.findAll((e) => e.name === 'section' && e.attribs.class === 'release', doc.children);
    expect(sections.map((s) => s.attribs['data-version'])).toEqual(['0.2.0', '0.1.0']);
    const items = DomUtils.findAll((e) => e.name === 'li', [release]);
    expect(items.map((li) => [li.attribs['data-type'], DomUtils.findOne((e) => e.name === 'a', [li])?.attribs.href ?? null])).toEqual([
      ['record-removed', null],
      ['reworded', '/en/errors/433/'],
    ]);
    expect(DomUtils.findAll((e) => e.name === 'h3', [release]).map((h) => squash(DomUtils.textContent(h)))).toEqual(['Breaking changes (1)', 'Texts, keywords and sources (1)']);
  });

  it('the feed and changes.json say the same, newest first', () => {
    const api = JSON.parse(read('/api/v1/changes.json'));
    const feed = parseDocument(read('/zh/changes/feed.xml'), { xmlMode: true });
    const entries = DomUtils.findAll((e) => e.name === 'entry', feed.children);
    expect(entries.map((e) => DomUtils.textContent(DomUtils.findOne((x) => x.name === 'id', [e])!))).toEqual([`${api.site}/zh/changes/#v0.2.0`, `${api.site}/zh/changes/#v0.1.0`]);
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'updated', feed.children)!)).toBe('2027-01-10T00:00:00Z');
    expect(api.releases.map((r: { version: string }) => r.version)).toEqual(['0.2.0', '0.1.0']);
    expect(api.releases[0].changes.map((c: { type: string; record: unknown }) => [c.type, c.record === null])).toEqual([
      ['record-removed', true],
      ['reworded', false],
    ]);
  });
});
