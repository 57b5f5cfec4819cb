/**
 * Releases (data/releases.yaml) → what the site says about history: when each
 * record was added and last changed, and the Atom feed of each language
 * (/{lang}/changes/feed.xml); json-api.ts builds /api/v1/changes.json from the
 * same pieces. Pure and deterministic:
 * the same releases, catalog and site URL give the same bytes (a feed's
 * `updated` is the newest release's day, never the time of the build).
 */
import { recordPath } from '../../src/paths.ts';
import { type Catalog, KINDS, type LocalizedText, type Release, recordRef } from '../catalog/schema.ts';
import { BUMP_WORDS, GROUP_TITLES, groupedChanges } from '../release/changelog.ts';

type Lang = 'zh' | 'en';

/** The site's own words about changes, in both languages. */
export const CHANGES_WORDS = {
  zh: {
    title: '更新记录',
    feedTitle: '声网云端录制错误码：更新记录',
    intro: '每个版本对目录、npm 包和网站的改动，按改动类型分组；每条改动链接到相关记录。版本号遵循语义化版本：破坏性变更升主版本号，新增内容升次版本号，文字和来源的修改升修订号。',
    feed: 'Atom 订阅源',
    json: 'JSON',
    none: '还没有发布任何版本。',
    released: '发布于',
    changes: (n: number) => `${n} 项改动`,
    footer: '更新记录',
    /** {version} and {date} are filled in by the page (the version links its release). */
    added: '于 {version}（{date}）加入',
    changed: '最近一次变更于 {version}（{date}）',
    unchanged: '此后未变',
    unreleased: '尚未发布：此记录将随下一个版本发布。',
    historyLabel: '版本历史',
  },
  en: {
    title: 'Changes',
    feedTitle: 'Agora Cloud Recording codes: changes',
    intro: 'What each release changed in the catalog, the npm package and the site, grouped by kind of change; each change links to its record. Versions follow semantic versioning: a breaking change raises the major version, an addition the minor one, texts and sources the patch.',
    feed: 'Atom feed',
    json: 'JSON',
    none: 'No release yet.',
    released: 'released',
    changes: (n: number) => (n === 1 ? '1 change' : `${n} changes`),
    footer: 'Changes',
    added: 'Added in {version} on {date}',
    changed: 'last changed in {version} on {date}',
    unchanged: 'not changed since',
    unreleased: 'Not in a release yet: this record arrives with the next version.',
    historyLabel: 'Version history',
  },
} as const;

export const changesPath = (lang: Lang): string => `/${lang}/changes/`;
export const feedPath = (lang: Lang): string => `/${lang}/changes/feed.xml`;
/** The anchor of a release on the changes page: v0.1.0. */
export const releaseAnchor = (version: string): string => `v${version}`;

// ---------------------------------------------------------------------------
// Records' history

export type Moment = { version: string; date: string };
export type RecordHistory = { added?: Moment; changed?: Moment };

/** kind:id → the release that added it and the last release that changed it (a record no release names: none). */
export function recordHistories(releases: readonly Release[]): Map<string, RecordHistory> {
  const out = new Map<string, RecordHistory>();
  // Oldest first: the first release naming a record added it; the last one changed it last.
  for (const release of [...releases].reverse()) {
    const moment = { version: release.version, date: release.date };
    for (const change of release.changes) {
      if (!change.ref) continue;
      const h = out.get(change.ref) ?? {};
      if (change.type === 'record-removed') {
        out.delete(change.ref);
        continue;
      }
      h.added ??= moment;
      h.changed = moment;
      out.set(change.ref, h);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Links to records

/** The record a change is about, if it still exists. */
export const changedRecord = (ref: string | undefined, catalog: Catalog) => (ref ? catalog.records.find((r) => recordRef(r) === ref) : undefined);

/** The pages of the record a change is about, or undefined when it no longer exists (or the change names none). */
export function recordPages(ref: string | undefined, catalog: Catalog, siteUrl: string): { zh: string; en: string } | undefined {
  const record = changedRecord(ref, catalog);
  if (!record) return undefined;
  const segment = KINDS[record.kind].segment;
  return { zh: siteUrl + recordPath(segment, record.code, 'zh'), en: siteUrl + recordPath(segment, record.code, 'en') };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A catalog text as HTML: escaped, `code spans` as <code>. */
export const inlineHtml = (text: string): string =>
  text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeXml(part)}</code>` : escapeXml(part)))
    .join('');

const plain = (text: string) => text.replace(/`/g, '');

// ---------------------------------------------------------------------------
// Atom

export const summaryOf = (release: Release): LocalizedText => release.summary ?? BUMP_WORDS[release.bump];

/** One release as HTML (its summary, then its changes by group, each linking its record): the feed entry's content. */
export function releaseHtml(release: Release, catalog: Catalog, lang: Lang, siteUrl: string): string {
  const parts = [`<p>${inlineHtml(summaryOf(release)[lang])}</p>`];
  for (const { group, changes } of groupedChanges(release.changes)) {
    parts.push(`<h3>${escapeXml(GROUP_TITLES[group][lang])}</h3>`, '<ul>');
    for (const change of changes) {
      const url = recordPages(change.ref, catalog, siteUrl)?.[lang];
      const text = inlineHtml(change.text[lang]);
      parts.push(`<li>${url ? `<a href="${escapeXml(url)}">${text}</a>` : text}</li>`);
    }
    parts.push('</ul>');
  }
  return parts.join('');
}

/** The Atom feed of one language: an entry per release, newest first, every link absolute. */
export function atomFeed(releases: readonly Release[], catalog: Catalog, lang: Lang, siteUrl: string, author: { name: string; uri: string }): string {
  const words = CHANGES_WORDS[lang];
  const page = siteUrl + changesPath(lang);
  const updated = releases.length ? `${releases[0].date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = releases.map((release) => {
    const url = `${page}#${releaseAnchor(release.version)}`;
    const summary = summaryOf(release)[lang];
    return [
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(`${release.version} — ${plain(BUMP_WORDS[release.bump][lang]).replace(/[.。]$/, '')}`)}</title>`,
      `    <published>${release.date}T00:00:00Z</published>`,
      `    <updated>${release.date}T00:00:00Z</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <summary>${escapeXml(plain(summary))}</summary>`,
      `    <content type="html">${escapeXml(releaseHtml(release, catalog, lang, siteUrl))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `  <id>${escapeXml(page)}</id>`,
    `  <title>${escapeXml(words.feedTitle)}</title>`,
    `  <subtitle>${escapeXml(words.intro)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl + feedPath(lang))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    `  <author><name>${escapeXml(author.name)}</name><uri>${escapeXml(author.uri)}</uri></author>`,
    `  <generator uri="${escapeXml(author.uri)}">agora-rec-codes</generator>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
