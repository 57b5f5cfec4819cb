/**
 * Catalog → text for AI assistants (https://llmstxt.org/):
 *
 *   /llms.txt       what the site is, and a link to every record and guide (both languages)
 *   /llms-full.txt  every record's meaning and next steps as plain Markdown, English then Chinese
 *
 * Pure and deterministic: the same catalog, guides and site URL give the same
 * bytes (records in kind order, then by code, whatever the order of the files).
 */
import { recordPath } from '../../src/paths.ts';
import { codeStepsLabel, kindLabel, retryText, t } from '../../site/lib/i18n.ts';
import { nextSteps } from '../../site/lib/record.ts';
import { type Catalog, type CatalogRecord, KIND_NAMES, KINDS, type Meaning, METHODS } from '../catalog/schema.ts';
import { markdownText } from '../release/changelog.ts';
import { changesPath } from './changes.ts';

type Lang = 'zh' | 'en';
const LANGS: readonly Lang[] = ['en', 'zh'];
/** A label's colon, and brackets, as each language writes them. */
const COLON: Record<Lang, string> = { en: ': ', zh: '：' };
const bracket = (text: string, lang: Lang) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** A guide as the lists show it. */
export type GuideEntry = { lang: Lang; slug: string; title: string; description: string; order: number };

const WORDS = {
  en: {
    about:
      'The error codes, HTTP statuses and service states Agora documents for the Cloud Recording REST API: what each means on each method, why it happens and what a client does next, in English and Chinese (zh-CN). The facts come from Agora’s documentation; each record cites its sources, and advice that is ours is marked as ours on its page.',
    details: (site: string) =>
      [
        `Each record has a page in English (\`${site}/en/…\`) and in Chinese (\`${site}/zh/…\`). Kinds are separate: body \`code\` 404 ("failed to find worker") and HTTP status 404 are two records.`,
        `Every record in full, both languages, as plain Markdown: ${site}/llms-full.txt`,
        `The same data as JSON: ${site}/api/v1/codes.json (every record), ${site}/api/v1/{kind}/{id}.json (one record), ${site}/api/v1/changes.json (every release).`,
        'In code: the npm package `@org/agora-rec-codes` (a typed constant per record, `lookup`, `explain`, retry policies, a CLI: `npx agora-rec-codes 433`).',
      ].join('\n\n'),
    guides: 'Guides',
    optional: 'Optional',
    changes: 'Changes: every release and what it changed, with an Atom feed',
    full: 'Every record in full (both languages)',
    api: 'Every record as JSON',
    fullTitle: 'every record in full',
    fullIntro: (n: number) => `${n} records, by kind. Each record: what it means, then what to do, in English, then the same in Chinese (中文).`,
    next: 'Next step',
    constant: 'Constant',
    page: 'Page',
    source: 'source',
  },
  zh: {
    guides: '指南',
    changes: '更新记录',
    next: '下一步',
    constant: '常量',
    page: '页面',
    source: '来源',
  },
} as const;

const compareCodes = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en'));

/** The records in the site's order: by kind, then by code. */
const ordered = (catalog: Catalog): CatalogRecord[] =>
  [...catalog.records].sort((a, b) => KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind) || compareCodes(a.code, b.code));

const pageUrl = (r: CatalogRecord, lang: Lang, site: string) => site + recordPath(KINDS[r.kind].segment, r.code, lang);
const shownCode = (r: CatalogRecord) => (r.kind === 'message-error' ? `\`${r.message.replace(/`/g, '')}\`` : typeof r.code === 'number' ? String(r.code) : `\`${r.code}\``);
/** "Error codes", "HTTP statuses": a kind's heading in English. */
const plural = (label: string) => (label.endsWith('s') ? `${label}es` : `${label}s`);
const guideUrl = (g: GuideEntry, site: string) => `${site}/${g.lang}/guides/${g.slug}/`;

/** /llms.txt */
export function llmsTxt(catalog: Catalog, guides: readonly GuideEntry[], site: string): string {
  const en = t('en');
  const lines = [`# ${en.siteName} · ${t('zh').siteName}`, '', `> ${WORDS.en.about}`, '', WORDS.en.details(site), ''];
  const records = ordered(catalog);
  for (const kind of KIND_NAMES) {
    const ofKind = records.filter((r) => r.kind === kind);
    if (!ofKind.length) continue;
    lines.push(`## ${plural(kindLabel(kind, 'en'))} · ${kindLabel(kind, 'zh')}`, '');
    for (const r of ofKind) {
      lines.push(
        `- [${shownCode(r)} ${markdownText(r.title.en)}](${pageUrl(r, 'en', site)}): ${markdownText(r.summary.en)} 中文：[${markdownText(r.title.zh)}](${pageUrl(r, 'zh', site)})`,
      );
    }
    lines.push('');
  }
  const byLang = (lang: Lang) => guides.filter((g) => g.lang === lang).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug, 'en'));
  if (guides.length) {
    lines.push(`## ${WORDS.en.guides} · ${WORDS.zh.guides}`, '');
    const zh = byLang('zh');
    for (const g of byLang('en')) {
      const other = zh.find((z) => z.slug === g.slug);
      lines.push(`- [${markdownText(g.title)}](${guideUrl(g, site)}): ${markdownText(g.description)}${other ? ` 中文：[${markdownText(other.title)}](${guideUrl(other, site)})` : ''}`);
    }
    for (const g of zh.filter((z) => !byLang('en').some((e) => e.slug === z.slug))) lines.push(`- [${markdownText(g.title)}](${guideUrl(g, site)}): ${markdownText(g.description)}`);
    lines.push('');
  }
  lines.push(
    `## ${WORDS.en.optional}`,
    '',
    `- [${WORDS.en.full}](${site}/llms-full.txt)`,
    `- [${WORDS.en.api}](${site}/api/v1/codes.json)`,
    `- [${WORDS.en.changes}](${site}${changesPath('en')}) 中文：[${WORDS.zh.changes}](${site}${changesPath('zh')})`,
    '',
  );
  return lines.join('\n');
}

function meaningLine(m: Meaning, lang: Lang, sourceTitle: (id: string) => string): string {
  const ui = t(lang);
  const methods = !m.methods ? undefined : m.methods.length === METHODS.length ? ui.allMethods : m.methods.map((x) => `\`${x}\``).join(lang === 'zh' ? '、' : ', ');
  const facts = [`${WORDS[lang].source}${COLON[lang]}${markdownText(sourceTitle(m.source))}`, ...(m.http ? [`HTTP ${m.http}`] : []), ...(m.reason ? [`reason \`${m.reason.replace(/`/g, '')}\``] : [])];
  const where = lang === 'zh' ? `${methods ? `在 ${methods} 上` : '未指明方法'}（${facts.join('，')}）` : `${methods ? `On ${methods}` : 'No method named'} (${facts.join(', ')})`;
  // Its next step is said once, above, with the method's.
  return `- ${where}${COLON[lang]}${markdownText(m.text[lang])}`;
}

function recordSection(r: CatalogRecord, lang: Lang, site: string, sourceTitle: (id: string) => string): string[] {
  const ui = t(lang);
  const c = COLON[lang].trim();
  const lines = [`### ${lang === 'en' ? 'English' : '中文'}${COLON[lang]}${markdownText(r.title[lang])}`, '', markdownText(r.summary[lang]), ''];
  // The next step on each method it occurs on, as its page says it (where the body code decides, each code's step).
  const methodList = (ms: readonly string[]) => (ms.length === METHODS.length ? ui.allMethods : ms.map((x) => `\`${x}\``).join(lang === 'zh' ? '、' : ', '));
  for (const g of nextSteps(r)) {
    const on = g.methods.length ? (lang === 'zh' ? `在 ${methodList(g.methods)} 上` : `On ${methodList(g.methods)}`) : '';
    const step = g.byCode ? `${codeStepsLabel(g.byCode, lang)}${lang === 'zh' ? '；没有包体 code：' : '; no body code: '}${retryText(g.policy, lang)}` : retryText(g.policy, lang);
    lines.push(`${WORDS[lang].next}${on ? bracket(on, lang) : ''}${COLON[lang]}${markdownText(step)}`);
  }
  lines.push('');
  if (r.meanings.length) lines.push(`${ui.meaning}${c}`, '', ...r.meanings.map((m) => meaningLine(m, lang, sourceTitle)), '');
  if (r.actions.length) lines.push(`${ui.actions}${c}`, '', ...r.actions.map((a, i) => `${i + 1}. ${markdownText(a[lang])}`), '');
  if (r.causes.length) lines.push(`${ui.causes}${c}`, '', ...r.causes.map((x) => `- ${markdownText(x[lang])}`), '');
  lines.push(`${WORDS[lang].page}${COLON[lang]}${pageUrl(r, lang, site)}`, '');
  return lines;
}

/** /llms-full.txt */
export function llmsFullTxt(catalog: Catalog, site: string): string {
  const records = ordered(catalog);
  const sourceTitle = (lang: Lang) => (id: string) => catalog.api.sources.find((s) => s.id === id)?.title[lang] ?? id;
  const lines = [`# ${t('en').siteName} · ${t('zh').siteName}: ${WORDS.en.fullTitle}`, '', `> ${WORDS.en.about}`, '', WORDS.en.fullIntro(records.length), ''];
  for (const r of records) {
    const group = KINDS[r.kind].constantGroup;
    lines.push(`## ${kindLabel(r.kind, 'en')} ${shownCode(r)} · ${kindLabel(r.kind, 'zh')} ${shownCode(r)}`, '', `${WORDS.en.constant} · ${WORDS.zh.constant}: \`${group}.${r.constant}\``, '');
    for (const lang of LANGS) lines.push(...recordSection(r, lang, site, sourceTitle(lang)));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
