/**
 * Releases → Markdown: one release as a CHANGELOG entry, and the whole
 * CHANGELOG.md. Pure: the same releases give the same bytes. Each change is
 * written in English, then in Chinese on the next line, under the group it
 * belongs to (breaking, added, deprecated, changed, texts).
 */
import { CHANGE_GROUPS, type ChangeGroup, changeGroup, type LocalizedText, type Release, type SemverLevel } from '../catalog/schema.ts';

/** The heading of each group of changes, in both languages. */
export const GROUP_TITLES: Record<ChangeGroup, LocalizedText> = {
  breaking: { en: 'Breaking changes', zh: '破坏性变更' },
  added: { en: 'Added', zh: '新增' },
  deprecated: { en: 'Deprecated', zh: '弃用' },
  changed: { en: 'Changed', zh: '变更' },
  texts: { en: 'Texts, keywords and sources', zh: '文字、关键词与来源' },
};

/** What a release of each level is, in both languages. */
export const BUMP_WORDS: Record<SemverLevel | 'initial', LocalizedText> = {
  initial: { en: 'First release.', zh: '首个版本。' },
  major: { en: 'Major release: it holds breaking changes; read them before you upgrade.', zh: '主版本：含破坏性变更，升级前请先阅读。' },
  minor: { en: 'Minor release: additions; nothing that worked before breaks.', zh: '次版本：新增内容，原有用法不受影响。' },
  patch: { en: 'Patch release: texts, keywords and sources only.', zh: '修订版本：仅涉及文字、关键词与来源。' },
};

/** A catalog text (plain text with `code spans`) as Markdown: everything outside code spans escaped. */
export function markdownText(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `\`${part}\`` : part.replace(/([\\*_[\]<>#|~])/g, '\\$1')))
    .join('');
}

/** The changes of a release by group, in the order the groups are listed; empty groups left out. */
export function groupedChanges<C extends Release['changes'][number]>(changes: readonly C[]): { group: ChangeGroup; changes: C[] }[] {
  return CHANGE_GROUPS.map((group) => ({ group, changes: changes.filter((c) => changeGroup(c) === group) })).filter((g) => g.changes.length);
}

/** One release as a CHANGELOG entry (a level-2 heading and what follows). */
export function releaseMarkdown(release: Release): string {
  const lines = [`## ${release.version} — ${release.date}`, ''];
  const summary = release.summary ?? BUMP_WORDS[release.bump];
  lines.push(markdownText(summary.en), '', markdownText(summary.zh), '');
  for (const { group, changes } of groupedChanges(release.changes)) {
    lines.push(`### ${GROUP_TITLES[group].en} · ${GROUP_TITLES[group].zh}`, '');
    for (const change of changes) lines.push(`- ${markdownText(change.text.en)}  `, `  ${markdownText(change.text.zh)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The whole CHANGELOG.md: every release, newest first. */
export function changelogMarkdown(releases: readonly Release[]): string {
  const head = [
    '# Changelog · 更新日志',
    '',
    'Every release of `@org/agora-rec-codes`: the npm package, the catalog behind it, and the site and JSON API built from it.',
    'Versions follow Semantic Versioning, judged from the catalog and the package’s exports by `npm run release:plan`',
    '(see *Releases* in README.md). Each change is given in English, then in Chinese. The site shows the same history',
    'on its changes page (`/en/changes/`, `/zh/changes/`), with an Atom feed per language, and `/api/v1/changes.json`.',
    '',
    '每个版本的变更：npm 包、其背后的目录，以及由目录生成的网站和 JSON API。版本号遵循语义化版本，由 `npm run release:plan`',
    '根据目录和包的导出判定（见 README.md 的 *Releases*）。网站的更新页（`/zh/changes/`）与 Atom 订阅源给出同样的历史。',
    '',
    '<!-- Written by `npm run release` from data/releases.yaml: edit that file, then `npm run release -- --changelog`. -->',
    '',
  ];
  return [...head, ...releases.map(releaseMarkdown)].join('\n').replace(/\n+$/, '\n');
}
