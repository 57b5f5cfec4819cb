/**
 * History and text for AI assistants in the built site (build/site): the
 * changes page of each language and /api/v1/changes.json say the same thing;
 * each feed is Atom with absolute links; each record page says when it was
 * added and last changed; /llms.txt and /llms-full.txt hold every record.
 * Run after `npm run build:site` (npm test builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadReleasesOrThrow } from '../../scripts/catalog/load.ts';
import { changeGroup, recordRef } from '../../scripts/catalog/schema.ts';
import { atomFeed, recordHistories } from '../../scripts/generate/changes.ts';
import { llmsFullTxt } from '../../scripts/generate/llms.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { catalog, GUIDES, LANGS, pagePath, readBuilt, SITE_ROOT } from './helpers.ts';

type Element = ReturnType<typeof DomUtils.findAll>[number];
const html = (path: string) => parseDocument(readBuilt(path));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const plain = (text: string) => squash(text.replace(/`/g, ''));

const { records } = catalog();
const releases = loadReleasesOrThrow(process.env.CATALOG_DIR ?? DEFAULT_DATA_DIR);

beforeAll(() => {
  if (!existsSync(join(SITE_ROOT, 'index.html'))) throw new Error('build/site is missing: run `npm run build:site` first');
});

describe('the changes page and /api/v1/changes.json', () => {
  const api = JSON.parse(readBuilt('/api/v1/changes.json')) as {
    count: number;
    feeds: Record<string, string>;
    releases: { version: string; date: string; bump: string; urls: Record<string, string>; changes: { type: string; group: string; ref: string | null; text: Record<string, string>; record: { urls: Record<string, string> } | null }[] }[];
  };

  it('JSON validates against /api/v1/schema.json', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uri', (u: string) => URL.canParse(u));
    ajv.addFormat('date', (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    const validate = ajv.compile(JSON.parse(readBuilt('/api/v1/schema.json')));
    expect(validate(api), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('JSON holds every release of data/releases.yaml, newest first', () => {
    expect(api.count).toBe(releases.length);
    expect(api.releases.map((r) => [r.version, r.date, r.bump])).toEqual(releases.map((r) => [r.version, r.date, r.bump]));
    expect(releases.length).toBeGreaterThan(0);
  });

  for (const lang of LANGS) {
    it(`/${lang}/changes/ lists the same releases and changes, grouped by kind of change, each linking its record`, () => {
      const doc = html(`/${lang}/changes/`);
      const sections = DomUtils.findAll((e) => e.name === 'section' && e.attribs.class === 'release', doc.children);
      expect(sections.map((s) => s.attribs['data-version'])).toEqual(api.releases.map((r) => r.version));
      sections.forEach((section, i) => {
        const release = api.releases[i];
        const heading = DomUtils.findOne((e) => e.name === 'h2', [section])!;
        expect(heading.attribs.id).toBe(`v${release.version}`);
        expect(new URL(release.urls[lang]).hash).toBe(`#v${release.version}`);
        expect(DomUtils.findOne((e) => e.name === 'time', [heading])!.attribs.datetime).toBe(release.date);
        const groups = DomUtils.findAll((e) => e.name === 'section' && e.attribs.class === 'change-group', [section]);
        const items = groups.flatMap((g) => DomUtils.findAll((e) => e.name === 'li', [g]).map((li) => ({ group: g.attribs['data-group'], li })));
        expect(items.map(({ group, li }) => [group, li.attribs['data-type'], li.attribs['data-ref'] ?? null])).toEqual(release.changes.map((c) => [c.group, c.type, c.ref]));
        items.forEach(({ li }, j) => {
          const change = release.changes[j];
          expect(squash(DomUtils.textContent(li))).toBe(plain(change.text[lang]));
          const link = DomUtils.findOne((e) => e.name === 'a', [li]);
          expect(link?.attribs.href ?? null, change.ref ?? '').toBe(change.record ? new URL(change.record.urls[lang]).pathname : null);
        });
        // Groups come in the order breaking, added, deprecated, changed, texts.
        const order = ['breaking', 'added', 'deprecated', 'changed', 'texts'];
        const seen = groups.map((g) => order.indexOf(g.attribs['data-group']));
        expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      });
      // Every change's group is the one the schema decides.
      for (const release of releases) for (const change of release.changes) expect(['breaking', 'added', 'deprecated', 'changed', 'texts']).toContain(changeGroup(change));
    });

    it(`/${lang}/changes/ links its feed and the JSON, and every page's footer links it`, () => {
      const doc = html(`/${lang}/changes/`);
      const alternate = DomUtils.findOne((e) => e.name === 'link' && e.attribs.type === 'application/atom+xml', doc.children)!;
      expect(alternate.attribs.href).toBe(`${SITE_URL}/${lang}/changes/feed.xml`);
      expect(api.feeds[lang]).toBe(alternate.attribs.href);
      const hrefs = DomUtils.findAll((e) => e.name === 'a', doc.children).map((a) => a.attribs.href);
      expect(hrefs).toEqual(expect.arrayContaining([`/${lang}/changes/feed.xml`, '/api/v1/changes.json']));
      for (const path of [`/${lang}/`, pagePath(records[0], lang), `/${lang}/guides/`]) {
        const footer = DomUtils.findOne((e) => e.name === 'footer', html(path).children)!;
        expect(DomUtils.findAll((e) => e.name === 'a', [footer]).map((a) => a.attribs.href), path).toContain(`/${lang}/changes/`);
      }
    });
  }
});

describe('the Atom feeds', () => {
  for (const lang of LANGS) {
    it(`/${lang}/changes/feed.xml parses as Atom, has the required elements, and links only absolute URLs`, () => {
      const xml = readBuilt(`/${lang}/changes/feed.xml`);
      const doc = parseDocument(xml, { xmlMode: true });
      const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children, false);
      expect(feed?.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
      const children = (e: Element) => DomUtils.getChildren(e).filter((c): c is Element => 'name' in c);
      const one = (e: Element, name: string) => children(e).filter((c) => c.name === name);
      for (const name of ['id', 'title', 'updated', 'author']) expect(one(feed!, name), name).toHaveLength(1);
      expect(DomUtils.textContent(one(feed!, 'updated')[0])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const entries = one(feed!, 'entry');
      expect(entries).toHaveLength(releases.length);
      for (const entry of entries) for (const name of ['id', 'title', 'updated', 'content']) expect(one(entry, name), name).toHaveLength(1);
      const urls = [
        ...DomUtils.findAll((e) => e.name === 'link', doc.children).map((l) => l.attribs.href),
        ...entries.flatMap((e) => DomUtils.findAll((a) => a.name === 'a', parseDocument(DomUtils.textContent(one(e, 'content')[0])).children).map((a) => a.attribs.href)),
        ...DomUtils.findAll((e) => e.name === 'id', doc.children).map((e) => DomUtils.textContent(e)),
      ];
      expect(urls.length).toBeGreaterThan(releases.length);
      for (const url of urls) expect(url, url).toMatch(/^https?:\/\/[^/]+\//);
      // The built file is the generator's output for this catalog: the same bytes.
      expect(xml).toBe(atomFeed(releases, { api: catalog().api, records }, lang, SITE_URL, { name: 'agora-rec-codes', uri: SITE_URL }));
    });
  }
});

describe('record pages', () => {
  const history = recordHistories(releases);

  it('say when each record was added and last changed, linking the release', () => {
    for (const r of records) {
      const h = history.get(recordRef(r));
      for (const lang of LANGS) {
        const doc = html(pagePath(r, lang));
        const line = DomUtils.findOne((e) => e.name === 'p' && (e.attribs.class ?? '').split(' ').includes('record-history'), doc.children);
        expect(line, `${recordRef(r)} ${lang}`).not.toBeNull();
        expect(line!.attribs['data-added']).toBe(h?.added?.date);
        expect(line!.attribs['data-changed']).toBe(h?.changed?.date);
        if (!h?.added) continue;
        const times = DomUtils.findAll((e) => e.name === 'time', [line!]).map((t) => t.attribs.datetime);
        expect(times[0]).toBe(h.added.date);
        expect(DomUtils.findAll((e) => e.name === 'a', [line!]).map((a) => a.attribs.href)[0]).toBe(`/${lang}/changes/#v${h.added.version}`);
        expect(squash(DomUtils.textContent(line!))).toContain(h.added.version);
        if (h.changed && h.changed.version !== h.added.version) expect(times).toContain(h.changed.date);
      }
    }
  });
});

describe('text for AI assistants', () => {
  it('/llms.txt says what the site is and links every record and every guide in both languages', () => {
    const text = readBuilt('/llms.txt');
    expect(text).toMatch(/^# .+\n\n> .+/);
    for (const r of records) for (const lang of LANGS) expect(text, `${recordRef(r)} ${lang}`).toContain(`](${SITE_URL}${pagePath(r, lang)})`);
    for (const slug of GUIDES) for (const lang of LANGS) expect(text, slug).toContain(`](${SITE_URL}/${lang}/guides/${slug}/)`);
    expect(text).toContain(`${SITE_URL}/llms-full.txt`);
  });

  it('/llms-full.txt holds every record, both languages, exactly as the generator writes it', () => {
    const text = readBuilt('/llms-full.txt');
    expect(text).toBe(llmsFullTxt({ api: catalog().api, records }, SITE_URL));
    for (const r of records) {
      expect(text).toContain(`${SITE_URL}${pagePath(r, 'en')}`);
      expect(text).toContain(`${SITE_URL}${pagePath(r, 'zh')}`);
    }
  });

  it('are plain text files at the site root', () => {
    for (const file of ['llms.txt', 'llms-full.txt']) expect(readFileSync(join(SITE_ROOT, file), 'utf8')).not.toMatch(/<html/i);
  });
});
