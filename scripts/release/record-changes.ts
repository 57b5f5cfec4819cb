/**
 * What changed in one record that both states hold: its constant (renamed,
 * kept as an alias, re-valued), lifecycle, meanings, next steps, facts, texts,
 * keywords, sources and related records.
 */
import type { ChangeType, LocalizedText, SemverLevel } from '../catalog/schema.ts';
import { CONDUCT_FIELDS, conductOf, conductWords, outcomeChanges, pickMeaning, type Policy, policyLabel } from './next-steps.ts';
import type { LooseRecord } from './snapshot.ts';
import {
  basesOf,
  canonical,
  code,
  codes,
  constantOf,
  constantValue,
  type Lang,
  list,
  onlyTexts,
  onRecord,
  type PlannedChange,
  refOf,
  same,
  withoutBasis,
} from './terms.ts';

type LooseMeaning = { methods?: string[]; source?: string; http?: number; reason?: string; text?: unknown; retry?: Policy };
const meaningKey = (m: LooseMeaning) => `${m.source}|${[...(m.methods ?? ['*'])].sort().join(',')}`;

/** Where a meaning applies, told apart from the record's other meanings: methods, source, reason. */
function meaningWhere(m: LooseMeaning, lang: Lang): string {
  const methods = m.methods?.length ? codes(m.methods, lang) : lang === 'zh' ? '所有方法' : 'every method';
  const reason = m.reason ? (lang === 'zh' ? `，reason ${code(m.reason)}` : `, reason ${code(m.reason)}`) : '';
  return lang === 'zh' ? `在 ${methods} 上（来源 ${code(String(m.source))}${reason}）` : `on ${methods} (source ${code(String(m.source))}${reason})`;
}

function pairMeanings(olds: LooseMeaning[], news: LooseMeaning[]) {
  const pairs: [LooseMeaning, LooseMeaning][] = [];
  const left = [...olds];
  const right = [...news];
  for (const exact of [true, false]) {
    for (let i = 0; i < left.length; ) {
      const j = right.findIndex((m) => meaningKey(m) === meaningKey(left[i]) && (!exact || (m.http === left[i].http && m.reason === left[i].reason)));
      if (j >= 0) {
        pairs.push([left[i], right[j]]);
        left.splice(i, 1);
        right.splice(j, 1);
      } else i++;
    }
  }
  return { pairs, removed: left, added: right };
}

// ---------------------------------------------------------------------------
// One record

const KNOWN_FIELDS = new Set([
  'kind', 'code', 'message', 'constant', 'formerConstants', 'title', 'summary', 'causes', 'actions', 'meanings',
  'retry', 'related', 'links', 'keywords', 'sources', 'facts', 'lifecycle', 'reviewed',
]);

const TEXT_PARTS: Record<string, LocalizedText> = {
  title: { en: 'title', zh: '标题' },
  summary: { en: 'summary', zh: '摘要' },
  causes: { en: 'causes', zh: '原因' },
  actions: { en: 'actions', zh: '处理办法' },
  meanings: { en: 'meanings', zh: '含义' },
  note: { en: 'lifecycle note', zh: '生命周期说明' },
  links: { en: 'link titles', zh: '链接标题' },
};

export type AliasInfo = { kept: boolean; deprecated: boolean; removedIn?: string };

export function recordChanges(o: LooseRecord, n: LooseRecord, ctx: { oldRanks: Record<string, number>; newRanks: Record<string, number>; alias(r: LooseRecord, name: string): AliasInfo }): PlannedChange[] {
  const out: PlannedChange[] = [];
  const ref = refOf(n);
  const push = (type: ChangeType, level: SemverLevel, text: LocalizedText) => out.push({ type, level, ref, text });

  // The constant: its name, and for a gateway message its value.
  if (o.constant !== n.constant) {
    const alias = ctx.alias(n, o.constant);
    const was = code(constantOf(o));
    const now = code(constantOf(n));
    if (alias.kept) {
      const until = alias.removedIn ? { en: ` until ${alias.removedIn}`, zh: `，直到 ${alias.removedIn}` } : { en: '', zh: '' };
      push(
        'constant-deprecated',
        'minor',
        onRecord(
          n,
          `${was} renamed to ${now}; ${was} stays exported as ${alias.deprecated ? 'a deprecated alias' : 'an alias'}${until.en}.`,
          `${was} 更名为 ${now}；${was} 作为${alias.deprecated ? '已弃用的' : ''}别名继续导出${until.zh}。`,
        ),
      );
    } else {
      push('constant-renamed', 'major', onRecord(n, `${was} renamed to ${now}; the old name is no longer exported.`, `${was} 更名为 ${now}，旧名称不再导出。`));
    }
  }
  if (constantValue(o) !== constantValue(n)) {
    push(
      'constant-revalued',
      'major',
      onRecord(n, `${code(constantOf(n))} now stands for ${code(constantValue(n))} (was ${code(constantValue(o))}).`, `${code(constantOf(n))} 现在表示 ${code(constantValue(n))}（原为 ${code(constantValue(o))}）。`),
    );
  }

  // Lifecycle.
  const lo = (o.lifecycle ?? {}) as { status?: string; replacedBy?: string; note?: unknown };
  const ln = (n.lifecycle ?? {}) as { status?: string; replacedBy?: string; note?: unknown };
  if (lo.status !== ln.status || lo.replacedBy !== ln.replacedBy) {
    const status = (l: typeof ln, lang: Lang) => {
      const word = { current: { en: 'current', zh: '现行' }, legacy: { en: 'legacy', zh: '旧版' }, replaced: { en: 'replaced', zh: '已被取代' } }[l.status ?? 'current']?.[lang] ?? String(l.status);
      return l.replacedBy ? `${word}${lang === 'zh' ? '，取代者 ' : ', by '}${code(l.replacedBy)}` : word;
    };
    push('lifecycle-changed', 'minor', onRecord(n, `now ${status(ln, 'en')} (was ${status(lo, 'en')}).`, `现为${status(ln, 'zh')}（原为${status(lo, 'zh')}）。`));
  }

  // Meanings.
  const { pairs, removed, added } = pairMeanings(list<LooseMeaning>(o.meanings), list<LooseMeaning>(n.meanings));
  const http = (m: LooseMeaning, lang: Lang) => (typeof m.http === 'number' ? (lang === 'zh' ? `，HTTP ${m.http}` : `, HTTP ${m.http}`) : '');
  for (const m of added) push('meaning-added', 'minor', onRecord(n, `new meaning ${meaningWhere(m, 'en')}${http(m, 'en')}.`, `新增含义：${meaningWhere(m, 'zh')}${http(m, 'zh')}。`));
  for (const m of removed) push('meaning-removed', 'minor', onRecord(n, `the meaning ${meaningWhere(m, 'en')} was removed.`, `删除了${meaningWhere(m, 'zh')}的含义。`));
  let meaningTexts = false;
  for (const [a, b] of pairs) {
    const parts: LocalizedText[] = [];
    if (a.http !== b.http) parts.push({ en: `HTTP ${b.http ?? '—'} (was ${a.http ?? '—'})`, zh: `HTTP ${b.http ?? '—'}（原为 ${a.http ?? '—'}）` });
    if (a.reason !== b.reason) parts.push({ en: `reason ${b.reason ? code(b.reason) : '—'} (was ${a.reason ? code(a.reason) : '—'})`, zh: `reason ${b.reason ? code(b.reason) : '—'}（原为 ${a.reason ? code(a.reason) : '—'}）` });
    if (parts.length) {
      push('meaning-changed', 'minor', onRecord(n, `the meaning ${meaningWhere(b, 'en')} now has ${parts.map((p) => p.en).join(', ')}.`, `${meaningWhere(b, 'zh')}的含义现为 ${parts.map((p) => p.zh).join('，')}。`));
    }
    if (!same(a.text, b.text)) meaningTexts = true;
  }

  // Next steps, in every situation a client can be in.
  const picked = new Set<object>();
  out.push(...outcomeChanges(o, n, ctx.oldRanks, ctx.newRanks, picked));
  // A meaning's own advice that no situation picks (another source wins there) is still data the record holds.
  for (const [a, b] of pairs) {
    if (picked.has(b) || !a.retry || !b.retry) continue;
    const conduct = (p: Policy) => Object.fromEntries(CONDUCT_FIELDS.map((f) => [f, p[f]]));
    if (same(conduct(a.retry), conduct(b.retry))) continue;
    if (pickMeaning) {
      push(
        'meaning-changed',
        'minor',
        onRecord(
          n,
          `the meaning ${meaningWhere(b, 'en')} now advises “${policyLabel(b.retry, 'en')}” (was “${policyLabel(a.retry, 'en')}”); a client is told another meaning's next step there, which did not change.`,
          `${meaningWhere(b, 'zh')}的含义现在建议“${policyLabel(b.retry, 'zh')}”（原为“${policyLabel(a.retry, 'zh')}”）；客户端在此得到的是另一条含义的下一步，没有变化。`,
        ),
      );
    } else {
      // Without the package's rule, a meaning's next step is taken as what a client is told there.
      const major = conductOf(a.retry.action) !== conductOf(b.retry.action);
      push(
        'outcome-changed',
        major ? 'major' : 'minor',
        onRecord(
          n,
          `${meaningWhere(b, 'en')}, the next step is now “${policyLabel(b.retry, 'en')}” (was “${policyLabel(a.retry, 'en')}”)${major ? `: a client that follows it now ${conductWords(conductOf(b.retry.action), 'en')} (before: ${conductWords(conductOf(a.retry.action), 'en')})` : ''}.`,
          `${meaningWhere(b, 'zh')}，下一步改为“${policyLabel(b.retry, 'zh')}”（原为“${policyLabel(a.retry, 'zh')}”）${major ? `：按此处理的客户端现在会${conductWords(conductOf(b.retry.action), 'zh')}（之前：${conductWords(conductOf(a.retry.action), 'zh')}）` : ''}。`,
        ),
      );
    }
  }

  // Facts: exact values.
  const fo = withoutBasis(o.facts ?? {}) as Record<string, unknown>;
  const fn = withoutBasis(n.facts ?? {}) as Record<string, unknown>;
  const factParts: LocalizedText[] = [];
  const shownFact = (v: unknown) => (typeof v === 'object' ? code(canonical(v)) : code(String(v)));
  for (const key of [...new Set([...Object.keys(fo), ...Object.keys(fn)])].sort()) {
    if (same(fo[key], fn[key])) continue;
    if (fo[key] === undefined) factParts.push({ en: `${code(key)} ${shownFact(fn[key])} (new)`, zh: `${code(key)} ${shownFact(fn[key])}（新增）` });
    else if (fn[key] === undefined) factParts.push({ en: `${code(key)} removed`, zh: `删除 ${code(key)}` });
    else factParts.push({ en: `${code(key)} ${shownFact(fn[key])} (was ${shownFact(fo[key])})`, zh: `${code(key)} ${shownFact(fn[key])}（原为 ${shownFact(fo[key])}）` });
  }
  if (factParts.length) push('facts-changed', 'minor', onRecord(n, `exact values changed: ${factParts.map((p) => p.en).join('; ')}.`, `确切取值有变化：${factParts.map((p) => p.zh).join('；')}。`));

  // Texts.
  const reworded = Object.keys(TEXT_PARTS).filter((part) => {
    if (part === 'meanings') return meaningTexts;
    if (part === 'note') return !same(lo.note, ln.note);
    if (part === 'links') {
      // Titles of the links that stay (same address); a new or removed link is a source change.
      const titles = (r: LooseRecord) => new Map(list<{ url?: unknown; title?: unknown }>(r.links).map((l) => [canonical(l.url), l.title]));
      const before = titles(o);
      return [...titles(n)].some(([url, title]) => before.has(url) && !same(before.get(url), title));
    }
    return !same(withoutBasis(o[part]), withoutBasis(n[part]));
  });
  // Other fields a newer schema may add: texts are rewordings, anything else is data.
  const other: string[] = [];
  for (const key of [...new Set([...Object.keys(o), ...Object.keys(n)])].sort()) {
    if (KNOWN_FIELDS.has(key) || same(withoutBasis(o[key]), withoutBasis(n[key]))) continue;
    if (onlyTexts(withoutBasis(o[key])) && onlyTexts(withoutBasis(n[key]))) reworded.push(key);
    else other.push(key);
  }
  if (other.length) push('data-changed', 'minor', onRecord(n, `changed ${codes(other, 'en')}.`, `${codes(other, 'zh')} 有变化。`));
  if (reworded.length) {
    const names = (lang: Lang) => reworded.map((p) => TEXT_PARTS[p]?.[lang] ?? code(p)).join(lang === 'zh' ? '、' : ', ');
    push('reworded', 'patch', onRecord(n, `reworded ${names('en')}.`, `改写了${names('zh')}。`));
  }
  if (!same(o.keywords, n.keywords)) push('keywords', 'patch', onRecord(n, 'search keywords changed.', '搜索关键词有变化。'));

  // Sources, links and the basis of the advice.
  const sourceParts: LocalizedText[] = [];
  const setDiff = (a: unknown[], b: unknown[]) => ({ added: b.filter((x) => !a.includes(x)).map(String), removed: a.filter((x) => !b.includes(x)).map(String) });
  const s = setDiff(list(o.sources), list(n.sources));
  if (s.added.length) sourceParts.push({ en: `cites ${codes(s.added, 'en')}`, zh: `新增来源 ${codes(s.added, 'zh')}` });
  if (s.removed.length) sourceParts.push({ en: `no longer cites ${codes(s.removed, 'en')}`, zh: `不再引用 ${codes(s.removed, 'zh')}` });
  const urls = (r: LooseRecord) => list<{ url?: unknown }>(r.links).map((l) => canonical(l.url));
  if (!same(urls(o), urls(n))) sourceParts.push({ en: 'links changed', zh: '链接有变化' });
  // Where its claims come from: every `basis` (of its next steps, actions, meanings, facts), and what else a policy says beside what a client does.
  const policyExtras = (r: LooseRecord) =>
    [r.retry, ...list<LooseMeaning>(r.meanings).map((m) => m.retry)].map((p) => (p && typeof p === 'object' ? withoutBasis(Object.fromEntries(Object.entries(p).filter(([k]) => !(CONDUCT_FIELDS as readonly string[]).includes(k)))) : {}));
  const meaningSources = (r: LooseRecord) => list<LooseMeaning>(r.meanings).map((m) => m.source).sort();
  if (!same(basesOf(o), basesOf(n)) || !same(policyExtras(o), policyExtras(n))) sourceParts.push({ en: 'the basis of its claims changed', zh: '说法的依据有变化' });
  else if (!same(meaningSources(o), meaningSources(n)) && !added.length && !removed.length) sourceParts.push({ en: 'the sources of its meanings changed', zh: '含义的来源有变化' });
  if (sourceParts.length) push('sources', 'patch', onRecord(n, `${sourceParts.map((p) => p.en).join('; ')}.`, `${sourceParts.map((p) => p.zh).join('；')}。`));

  const r = setDiff(list(o.related), list(n.related));
  if (r.added.length || r.removed.length) {
    const en = [r.added.length && `added ${codes(r.added, 'en')}`, r.removed.length && `removed ${codes(r.removed, 'en')}`].filter(Boolean).join('; ');
    const zh = [r.added.length && `新增 ${codes(r.added, 'zh')}`, r.removed.length && `删除 ${codes(r.removed, 'zh')}`].filter(Boolean).join('；');
    push('related', 'patch', onRecord(n, `related records: ${en}.`, `相关记录：${zh}。`));
  }
  return out;
}
