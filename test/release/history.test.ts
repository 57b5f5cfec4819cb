/**
 * The generators behind the site's history and the text for AI assistants,
 * on a history of three releases (a record added, changed, removed): when a
 * record was added and last changed, the Atom feed, changes.json, llms.txt and
 * llms-full.txt. Pure: the same input gives the same bytes.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { type Catalog, KINDS, type Release, ReleasesFile, recordRef } from '../../scripts/catalog/schema.ts';
import { atomFeed, recordHistories } from '../../scripts/generate/changes.ts';
import { ApiChanges, apiChanges } from '../../scripts/generate/json-api.ts';
import { type GuideEntry, llmsFullTxt, llmsTxt } from '../../scripts/generate/llms.ts';

const SITE = 'https://codes.example.org';
const AUTHOR = { name: 'agora-rec-codes', uri: 'https://github.com/org/agora-rec-codes' };
const catalog = loadCatalogOrThrow();
const say = (en: string, zh: string) => ({ en, zh });

/** 0.1.0 added 433 and 1028; 0.2.0 reworded 433 and removed 1028; 1.0.0 renamed 404's constant. */
const releases: Release[] = ReleasesFile.parse({
  releases: [
    {
      version: '1.0.0',
      date: '2027-02-01',
      bump: 'major',
      changes: [{ type: 'constant-renamed', level: 'major', ref: 'error-code:404', text: say('Error code 404: `ErrorCode.A` renamed to `ErrorCode.B`.', '错误码 404：`ErrorCode.A` 更名为 `ErrorCode.B`。') }],
    },
    {
      version: '0.2.0',
      date: '2027-01-10',
      bump: 'major',
      changes: [
        { type: 'reworded', level: 'patch', ref: 'error-code:433', text: say('Error code 433: reworded title.', '错误码 433：改写了标题。') },
        { type: 'record-removed', level: 'major', ref: 'error-code:9999', text: say('Error code 9999: removed (“Gone & soon”).', '错误码 9999：已删除。') },
        { type: 'field-added', level: 'minor', text: say('Records can have the new field `since`.', '记录新增字段 `since`。') },
      ],
    },
    {
      version: '0.1.0',
      date: '2026-11-30',
      bump: 'initial',
      changes: [
        { type: 'record-added', level: 'minor', ref: 'error-code:433', text: say('Error code 433: new record.', '错误码 433：新增记录。') },
        { type: 'record-added', level: 'minor', ref: 'error-code:9999', text: say('Error code 9999: new record.', '错误码 9999：新增记录。') },
      ],
    },
  ],
}).releases;

describe('record history', () => {
  const history = recordHistories(releases);

  it('says when each record was added and last changed, and forgets a removed one', () => {
    expect(history.get('error-code:433')).toEqual({ added: { version: '0.1.0', date: '2026-11-30' }, changed: { version: '0.2.0', date: '2027-01-10' } });
    expect(history.get('error-code:404')).toEqual({ added: { version: '1.0.0', date: '2027-02-01' }, changed: { version: '1.0.0', date: '2027-02-01' } });
    expect(history.has('error-code:9999')).toBe(false);
  });
});

describe('the Atom feed', () => {
  for (const lang of ['en', 'zh'] as const) {
    const xml = atomFeed(releases, catalog, lang, SITE, AUTHOR);
    const doc = parseDocument(xml, { xmlMode: true });
    const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children, false)!;
    const child = (parent: typeof feed, name: string) => DomUtils.getChildren(parent).find((e) => 'name' in e && e.name === name) as typeof feed | undefined;
    const text = (e: typeof feed | undefined) => (e ? DomUtils.textContent(e) : undefined);

    it(`${lang}: is Atom with every required element, an entry per release, newest first`, () => {
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
      expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
      expect(text(child(feed, 'id'))).toBe(`${SITE}/${lang}/changes/`);
      expect(text(child(feed, 'title'))).toBeTruthy();
      expect(text(child(feed, 'updated'))).toBe('2027-02-01T00:00:00Z');
      expect(text(child(child(feed, 'author')!, 'name'))).toBe('agora-rec-codes');
      const self = DomUtils.getChildren(feed).find((e) => 'name' in e && e.name === 'link' && (e as typeof feed).attribs.rel === 'self') as typeof feed;
      expect(self.attribs.href).toBe(`${SITE}/${lang}/changes/feed.xml`);
      const entries = DomUtils.getChildren(feed).filter((e) => 'name' in e && e.name === 'entry') as (typeof feed)[];
      expect(entries.map((e) => text(child(e, 'id')))).toEqual(['1.0.0', '0.2.0', '0.1.0'].map((v) => `${SITE}/${lang}/changes/#v${v}`));
      for (const e of entries) {
        expect(text(child(e, 'title'))).toBeTruthy();
        expect(text(child(e, 'updated'))).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
        expect(child(e, 'link')!.attribs).toMatchObject({ rel: 'alternate', href: text(child(e, 'id')) });
        expect(child(e, 'content')!.attribs.type).toBe('html');
      }
    });

    it(`${lang}: links each change to its record with an absolute URL, and a removed record to nothing`, () => {
      const entry = DomUtils.findAll((e) => e.name === 'entry', doc.children)[1];
      const html = parseDocument(text(child(entry, 'content'))!);
      const links = DomUtils.findAll((e) => e.name === 'a', html.children);
      expect(links.map((a) => a.attribs.href)).toEqual([`${SITE}/${lang}/errors/433/`]);
      expect(DomUtils.textContent(html)).toContain(lang === 'en' ? 'Error code 9999: removed (“Gone & soon”).' : '错误码 9999：已删除。');
      expect(DomUtils.findAll((e) => e.name === 'code', html.children).map((c) => DomUtils.textContent(c))).toEqual(lang === 'en' ? ['since'] : ['since']);
    });
  }

  it('is the same bytes every time, and a history without releases is still a valid feed', () => {
    expect(atomFeed(releases, catalog, 'en', SITE, AUTHOR)).toBe(atomFeed(releases, catalog, 'en', SITE, AUTHOR));
    const empty = parseDocument(atomFeed([], catalog, 'en', SITE, AUTHOR), { xmlMode: true });
    expect(DomUtils.findAll((e) => e.name === 'entry', empty.children)).toHaveLength(0);
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'updated', empty.children)!)).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  });
});

describe('changes.json', () => {
  const doc = apiChanges(releases, catalog, SITE);

  it('fits its schema and lists each release with its changes by kind of change, breaking first', () => {
    expect(ApiChanges.safeParse(doc).success).toBe(true);
    expect(doc.count).toBe(3);
    expect(doc.releases[1].changes.map((c) => [c.group, c.type])).toEqual([
      ['breaking', 'record-removed'],
      ['added', 'field-added'],
      ['texts', 'reworded'],
    ]);
    const reworded = doc.releases[1].changes[2];
    expect(reworded.record).toEqual({ urls: { zh: `${SITE}/zh/errors/433/`, en: `${SITE}/en/errors/433/` }, api: `${SITE}/api/v1/error-code/433.json` });
    expect(doc.releases[1].changes[0].record).toBeNull();
  });
});

describe('llms.txt and llms-full.txt', () => {
  const guides: GuideEntry[] = [
    { lang: 'en', slug: 'retries', title: 'Retries', description: 'When and how to retry.', order: 2 },
    { lang: 'zh', slug: 'retries', title: '重试', description: '何时以及如何重试。', order: 2 },
    { lang: 'en', slug: 'reading-errors', title: 'Reading errors', description: 'Where a code comes from.', order: 1 },
    { lang: 'zh', slug: 'reading-errors', title: '读懂错误', description: '代码从哪里来。', order: 1 },
  ];
  const shuffled: Catalog = { ...catalog, records: [...catalog.records].reverse() };

  it('are the same bytes whatever the order of the records in the files', () => {
    expect(llmsTxt(shuffled, [...guides].reverse(), SITE)).toBe(llmsTxt(catalog, guides, SITE));
    expect(llmsFullTxt(shuffled, SITE)).toBe(llmsFullTxt(catalog, SITE));
  });

  it('llms.txt links every record and guide in both languages, under a heading per kind', () => {
    const text = llmsTxt(catalog, guides, SITE);
    expect(text).toMatch(/^# .+\n\n> .+\n/);
    for (const r of catalog.records) {
      for (const lang of ['en', 'zh']) expect(text, recordRef(r)).toContain(`(${SITE}/${lang}/`);
    }
    const links = [...text.matchAll(/\]\((https:[^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.filter((l) => /\/(errors|http|states|recording-status|upload-status|extension-state|output-status)\//.test(l))).toHaveLength(catalog.records.length * 2);
    for (const g of guides) expect(text).toContain(`(${SITE}/${g.lang}/guides/${g.slug}/)`);
    expect(text.indexOf('Reading errors')).toBeLessThan(text.indexOf('Retries'));
    expect(text).toContain('## Error codes · 错误码');
    expect(text).toContain('## HTTP statuses · HTTP 状态码');
  });

  it('llms-full.txt holds every record\'s meaning and next step in both languages', () => {
    const text = llmsFullTxt(catalog, SITE);
    const sections = text.split(/\n(?=## )/).slice(1);
    expect(sections).toHaveLength(catalog.records.length);
    const plain = (s: string) => s.replace(/\\(.)/g, '$1');
    for (const r of catalog.records) {
      const section = plain(sections.find((s) => s.includes(`\`${KINDS[r.kind].constantGroup}.${r.constant}\``))!);
      expect(section, recordRef(r)).toContain(`### English: ${r.title.en}`);
      expect(section).toContain(`### 中文：${r.title.zh}`);
      expect(section).toContain(r.summary.en);
      expect(section).toContain(r.summary.zh);
      // The next step on each method it occurs on (or without one, where it names none), as its page says it.
      expect(section).toMatch(/^Next step(?: \(On [^)]+\))?: \S/m);
      expect(section).toMatch(/^下一步(?:（在 [^）]+ 上）)?：\S/m);
      for (const m of r.meanings) {
        expect(section).toContain(m.text.en);
        expect(section).toContain(m.text.zh);
      }
    }
  });
});
