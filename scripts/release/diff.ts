/**
 * What changed between two snapshots (the last release and the working tree),
 * judged by what a consumer sees, never by the YAML as written:
 *
 * - major: a record removed; a constant renamed (its old name no longer
 *   exported) or re-valued; an export removed; a field or an allowed value
 *   removed from records; a next step that makes a client do something else
 *   (succeed, poll, resend, start over or stop; or, after its retries, start
 *   over instead of stopping; or another resource ID).
 * - minor: a record, meaning, field, allowed value or export added; a constant
 *   renamed whose old name stays exported as an alias (deprecated); a next step
 *   that changes only its schedule or its name; other data (facts, lifecycle).
 * - patch: texts reworded, keywords, sources, links, related records.
 *
 * Pure: the same two snapshots give the same changes, in the same order, with
 * the same sentences (both languages).
 */
import {
  CHANGE_GROUPS,
  CHANGE_TYPES,
  type ChangeType,
  changeGroup,
  inlineFormattingProblem,
  KIND_NAMES,
  KINDS,
  type Kind,
  type LocalizedText,
  METHODS,
  type RetryPolicy,
  type SemverLevel,
} from '../catalog/schema.ts';
import type { LooseRecord, RecordShape, Snapshot } from './snapshot.ts';
import type { Literal, Member, Surface } from './surface.ts';

export type PlannedChange = { type: ChangeType; level: SemverLevel; ref?: string; text: LocalizedText };
type Lang = 'zh' | 'en';

// The package's rule for which meaning applies (src/meaning.ts) and the site's words for kinds and
// next steps (site/lib/i18n.ts). A copy of the project that holds only data/ and scripts/ can still
// be planned: kinds are then named by their ids, next steps by their actions, and each meaning's
// next step is compared on its own (said in the notes).
type PickMeaning = typeof import('../../src/meaning.ts').pickMeaning;
const meaningRule = (await import('../../src/meaning.ts').catch(() => undefined)) as { pickMeaning: PickMeaning } | undefined;
const siteWords = (await import('../../site/lib/i18n.ts').catch(() => undefined)) as typeof import('../../site/lib/i18n.ts') | undefined;
const pickMeaning: PickMeaning | undefined = meaningRule?.pickMeaning;

/** A kind's name ("Error code", "错误码"), or its id where the site's words are not there. */
export const kindName = (kind: string, lang: Lang): string =>
  siteWords && (KIND_NAMES as string[]).includes(kind) ? siteWords.kindLabel(kind as Kind, lang) : kind;

// ---------------------------------------------------------------------------
// Words

/** A text both languages, checked to be plain text with `code spans` only. */
function say(en: string, zh: string): LocalizedText {
  const clean = (s: string) => (inlineFormattingProblem(s) ? s.replace(/`/g, '').replace(/</g, '‹').replace(/>/g, '›') : s);
  return { zh: clean(zh), en: clean(en) };
}

const code = (s: string | number): string => {
  const text = String(s);
  return text.includes('`') ? `"${text}"` : `\`${text}\``;
};
const codes = (items: readonly (string | number)[], lang: Lang) => items.map(code).join(lang === 'zh' ? '、' : ', ');
const quote = (s: string, lang: Lang) => (lang === 'zh' ? `“${s}”` : `“${s}”`);

const groupOf = (r: LooseRecord): string => (KINDS as Record<string, { constantGroup: string }>)[r.kind]?.constantGroup ?? r.kind;
const constantOf = (r: LooseRecord, name: string = r.constant) => `${groupOf(r)}.${name}`;
const constantValue = (r: LooseRecord): string | number => (r.kind === 'message-error' && typeof r.message === 'string' ? r.message : r.code);
const refOf = (r: LooseRecord) => `${r.kind}:${r.code}`;
const textOf = (value: unknown, lang: Lang): string => {
  const t = (value as Record<string, unknown> | undefined)?.[lang];
  return typeof t === 'string' ? t : '';
};

/** "Error code 433", "Gateway message `invalid appid`", "Service state `serviceIdle`". */
function recordLabel(r: LooseRecord, lang: Lang): string {
  const kind = kindName(r.kind, lang);
  const shown = r.kind === 'message-error' && typeof r.message === 'string' ? code(r.message) : typeof r.code === 'number' ? String(r.code) : code(r.code);
  return `${kind} ${shown}`;
}

const about = (r: LooseRecord) => ({ en: recordLabel(r, 'en'), zh: recordLabel(r, 'zh') });

/** Sentences about a record: "Error code 433: …" / "错误码 433：…". */
const onRecord = (r: LooseRecord, en: string, zh: string) => say(`${about(r).en}: ${en}`, `${about(r).zh}：${zh}`);

// ---------------------------------------------------------------------------
// Comparing values

/** JSON with sorted keys: equal values, equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** A value without its `basis` fields (where a claim comes from: compared as sources, not as texts or data). */
function withoutBasis(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBasis);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'basis').map(([k, v]) => [k, withoutBasis(v)]));
  return value;
}

/** Every `basis` in a record, by where it is. */
function basesOf(value: unknown, path = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(value)) value.forEach((v, i) => Object.assign(out, basesOf(v, `${path}[${i}]`)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'basis') out[path] = v;
      else Object.assign(out, basesOf(v, path ? `${path}.${k}` : k));
    }
  }
  return out;
}

/** True when a value holds only texts ({zh, en} pairs, and arrays or objects of them). */
function onlyTexts(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.every(onlyTexts);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length && keys.every((k) => k === 'zh' || k === 'en')) return true;
    return Object.values(value).every(onlyTexts);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Next steps as a client follows them

/** What a client does on a next step: the same for `wait` and `poll`, or `do-not-retry` and `fix-request`. */
type Conduct = 'proceed' | 'poll' | 'resend' | 'restart' | 'stop';
const CONDUCT: Record<string, Conduct> = {
  none: 'proceed',
  'already-done': 'proceed',
  wait: 'poll',
  poll: 'poll',
  retry: 'resend',
  'acquire-again': 'restart',
  'do-not-retry': 'stop',
  'fix-request': 'stop',
  'fix-credentials': 'stop',
  'fix-account': 'stop',
  gone: 'stop',
  'contact-support': 'stop',
};
const conductOf = (action: string | undefined): string => (action === undefined ? 'stop' : (CONDUCT[action] ?? `other:${action}`));

const CONDUCT_WORDS: Record<Conduct, LocalizedText> = {
  proceed: { en: 'treats the response as success', zh: '视为成功' },
  poll: { en: 'calls `query` again later', zh: '稍后再调用 `query`' },
  resend: { en: 'sends the same request again', zh: '重新发送同一请求' },
  restart: { en: 'acquires a new resource ID and starts again', zh: '重新 `acquire` 新的 resource ID 再 `start`' },
  stop: { en: 'stops and reports the error', zh: '停止并报告错误' },
};
const conductWords = (c: string, lang: Lang) => (c in CONDUCT_WORDS ? CONDUCT_WORDS[c as Conduct][lang] : lang === 'zh' ? `按 ${code(c.replace(/^other:/, ''))} 处理` : `follows ${code(c.replace(/^other:/, ''))}`);

type Policy = { action?: string; delaysMs?: number[]; backoff?: boolean; sameResourceId?: boolean; then?: string; [k: string]: unknown };
/** The fields of a policy that decide what a client does; everything else (its basis …) is about sources. */
const CONDUCT_FIELDS = ['action', 'delaysMs', 'backoff', 'sameResourceId', 'then'] as const;

function policyLabel(p: Policy, lang: Lang): string {
  let label: string | undefined;
  try {
    label = siteWords?.retryLabel(p as RetryPolicy, lang);
  } catch {
    label = undefined;
  }
  if (!label) {
    // An action today's wording does not know (an older vocabulary): its name, with its schedule.
    const schedule = p.delaysMs?.length ? ` (${p.delaysMs.join(lang === 'zh' ? '、' : ', ')} ms)` : p.backoff ? (lang === 'zh' ? '（退避）' : ' (backoff)') : '';
    label = code(String(p.action)) + schedule;
  }
  const parts: string[] = [];
  if (p.sameResourceId === true) parts.push(lang === 'zh' ? '同一 resource ID' : 'same resource ID');
  if (p.sameResourceId === false) parts.push(lang === 'zh' ? '新的 resource ID' : 'new resource ID');
  if (p.then) parts.push((lang === 'zh' ? '之后：' : 'then: ') + policyLabel({ action: p.then }, lang));
  return parts.length ? `${label}${lang === 'zh' ? '，' : ', '}${parts.join(lang === 'zh' ? '，' : ', ')}` : label;
}

type Context = { method?: string; http?: number };
const contextKey = (c: Context) => `${c.method ?? ''}|${c.http ?? ''}`;

/** Every situation a client can ask about: no method, each method, each method with an HTTP status a meaning names. */
function contextsOf(r: LooseRecord): Context[] {
  if (!pickMeaning) return [{}];
  const out: Context[] = [{}, ...METHODS.map((method) => ({ method }))];
  for (const m of list<{ methods?: string[]; http?: number }>(r.meanings)) {
    if (typeof m.http !== 'number') continue;
    for (const method of m.methods ?? METHODS) out.push({ method, http: m.http });
  }
  return out;
}

/** The policy a client is given in a situation (the package's rule: see pickMeaning), and the meaning it came from. */
function policyAt(r: LooseRecord, c: Context, ranks: Record<string, number>): { policy?: Policy; meaning?: object } {
  const fallback = r.retry as Policy | undefined;
  if (!c.method || !pickMeaning) return { policy: fallback };
  const meanings = list<{ methods?: string[]; source: string; http?: number; retry?: Policy }>(r.meanings);
  const meaning = pickMeaning(meanings, c.method, ranks, c.http);
  return meaning?.retry ? { policy: meaning.retry, meaning } : { policy: fallback };
}

function contextWords(contexts: Context[], lang: Lang): string {
  const withDefault = contexts.some((c) => !c.method);
  const methods = contexts.filter((c) => c.method);
  if (!methods.length) return lang === 'zh' ? '默认（未指定方法）' : 'by default (no method given)';
  if (withDefault && METHODS.every((m) => methods.some((c) => c.method === m && c.http === undefined)) && methods.every((c) => c.http === undefined)) {
    return lang === 'zh' ? '在所有方法上' : 'on every method';
  }
  const parts = methods.map((c) => (c.http === undefined ? code(c.method!) : lang === 'zh' ? `${code(c.method!)}（HTTP ${c.http}）` : `${code(c.method!)} with HTTP ${c.http}`));
  if (lang === 'zh') return `${withDefault ? '默认及' : ''}在 ${parts.join('、')} 上`;
  return `${withDefault ? 'by default and ' : ''}on ${parts.join(', ')}`;
}

function outcomeChanges(o: LooseRecord, n: LooseRecord, oldRanks: Record<string, number>, newRanks: Record<string, number>, picked: Set<object>): PlannedChange[] {
  const contexts = new Map<string, Context>();
  for (const c of [...contextsOf(o), ...contextsOf(n)]) contexts.set(contextKey(c), c);
  type Step = { level: SemverLevel; before: Policy; after: Policy; why?: LocalizedText; contexts: Context[] };
  const steps = new Map<string, Step>();
  for (const c of contexts.values()) {
    const before = policyAt(o, c, oldRanks).policy;
    const at = policyAt(n, c, newRanks);
    if (at.meaning) picked.add(at.meaning);
    const after = at.policy;
    if (!before || !after) continue;
    const pick = (p: Policy) => Object.fromEntries(CONDUCT_FIELDS.map((f) => [f, p[f]]));
    if (same(pick(before), pick(after))) continue;
    const was = conductOf(before.action);
    const now = conductOf(after.action);
    let level: SemverLevel = 'minor';
    let why: LocalizedText | undefined;
    if (was !== now) {
      level = 'major';
      why = {
        en: `a client that follows it now ${conductWords(now, 'en')} (before: ${conductWords(was, 'en')})`,
        zh: `按此处理的客户端现在会${conductWords(now, 'zh')}（之前：${conductWords(was, 'zh')}）`,
      };
    } else if (now === 'resend' && conductOf(before.then) !== conductOf(after.then)) {
      level = 'major';
      const thenNow = conductOf(after.then);
      const thenWas = conductOf(before.then);
      why = {
        en: `when every retry fails, a client now ${conductWords(thenNow, 'en')} (before: ${conductWords(thenWas, 'en')})`,
        zh: `全部重试失败后，客户端现在会${conductWords(thenNow, 'zh')}（之前：${conductWords(thenWas, 'zh')}）`,
      };
    } else if (now === 'resend' && before.sameResourceId !== after.sameResourceId && before.sameResourceId !== undefined && after.sameResourceId !== undefined) {
      level = 'major';
      why = {
        en: `a client now retries with ${after.sameResourceId ? 'the same' : 'a new'} resource ID`,
        zh: `客户端现在用${after.sameResourceId ? '同一个' : '新的'} resource ID 重试`,
      };
    }
    const key = `${level}|${canonical(pick(before))}|${canonical(pick(after))}`;
    const step = steps.get(key) ?? { level, before, after, why, contexts: [] };
    step.contexts.push(c);
    steps.set(key, step);
  }
  const out: PlannedChange[] = [];
  for (const step of steps.values()) {
    // A method whose answer did not change with the HTTP status is named once, without it.
    const plainMethods = new Set(step.contexts.filter((c) => c.method && c.http === undefined).map((c) => c.method));
    const shown = step.contexts.filter((c) => c.http === undefined || !plainMethods.has(c.method));
    const ctx = { en: contextWords(shown, 'en'), zh: contextWords(shown, 'zh') };
    const en = `${ctx.en}, the next step is now “${policyLabel(step.after, 'en')}” (was “${policyLabel(step.before, 'en')}”)${step.why ? `: ${step.why.en}` : ''}.`;
    const zh = `${ctx.zh}，下一步改为“${policyLabel(step.after, 'zh')}”（原为“${policyLabel(step.before, 'zh')}”）${step.why ? `：${step.why.zh}` : ''}。`;
    out.push({ type: 'outcome-changed', level: step.level, ref: refOf(n), text: onRecord(n, en, zh) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Meanings

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

type AliasInfo = { kept: boolean; deprecated: boolean; removedIn?: string };

function recordChanges(o: LooseRecord, n: LooseRecord, ctx: { oldRanks: Record<string, number>; newRanks: Record<string, number>; alias(r: LooseRecord, name: string): AliasInfo }): PlannedChange[] {
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

// ---------------------------------------------------------------------------
// The package's surface

const PACKAGE = '@org/agora-rec-codes';
const entryName = (subpath: string) => code(subpath === '.' ? PACKAGE : `${PACKAGE}/${subpath.replace(/^\.\//, '')}`);
const shownLiteral = (v: Literal | undefined) => code(typeof v === 'string' ? v : canonical(v));

function surfaceChanges(o: Surface, n: Surface, accounted: Set<string>): PlannedChange[] {
  const out: PlannedChange[] = [];
  if (o.entries && n.entries) {
    for (const [subpath, names] of o.entries) {
      const now = n.entries.get(subpath);
      if (!now) {
        out.push({ type: 'export-removed', level: 'major', text: say(`The entry point ${entryName(subpath)} no longer exists.`, `入口 ${entryName(subpath)} 已不存在。`) });
        continue;
      }
      const gone = [...names].filter(([name, kind]) => !now.has(name) || (kind === 'value' && now.get(name) === 'type')).map(([name]) => name).sort();
      if (gone.length) {
        out.push({
          type: 'export-removed',
          level: 'major',
          text: say(`${entryName(subpath)} no longer exports ${codes(gone, 'en')}.`, `${entryName(subpath)} 不再导出 ${codes(gone, 'zh')}。`),
        });
      }
    }
    for (const [subpath, names] of n.entries) {
      const before = o.entries.get(subpath);
      if (!before) {
        out.push({ type: 'export-added', level: 'minor', text: say(`New entry point ${entryName(subpath)}.`, `新增入口 ${entryName(subpath)}。`) });
        continue;
      }
      const fresh = [...names].filter(([name, kind]) => !before.has(name) || (kind === 'value' && before.get(name) === 'type')).map(([name]) => name).sort();
      if (fresh.length) {
        out.push({ type: 'export-added', level: 'minor', text: say(`${entryName(subpath)} now exports ${codes(fresh, 'en')}.`, `${entryName(subpath)} 新增导出 ${codes(fresh, 'zh')}。`) });
      }
    }
  }

  for (const [name, before] of o.values) {
    const after = n.values.get(name);
    if (!after) continue; // a removed export, said above
    if ('value' in before || 'value' in after) {
      const a = 'value' in before ? before.value : undefined;
      const b = 'value' in after ? after.value : undefined;
      if (!same(a, b)) out.push({ type: 'value-changed', level: 'major', text: say(`${code(name)} is now ${shownLiteral(b)} (was ${shownLiteral(a)}).`, `${code(name)} 现为 ${shownLiteral(b)}（原为 ${shownLiteral(a)}）。`) });
      continue;
    }
    const members = (after as { members: Map<string, Member> }).members;
    for (const [member, was] of before.members) {
      const full = `${name}.${member}`;
      const now = members.get(member);
      if (accounted.has(full)) continue;
      if (!now) {
        out.push(
          was.deprecated
            ? { type: 'alias-removed', level: 'major', text: say(`The deprecated ${code(full)} is no longer exported.`, `已弃用的 ${code(full)} 不再导出。`) }
            : { type: 'value-changed', level: 'major', text: say(`${code(full)} is no longer exported.`, `${code(full)} 不再导出。`) },
        );
      } else if (!same(was.value, now.value)) {
        out.push({ type: 'value-changed', level: 'major', text: say(`${code(full)} is now ${shownLiteral(now.value)} (was ${shownLiteral(was.value)}).`, `${code(full)} 现为 ${shownLiteral(now.value)}（原为 ${shownLiteral(was.value)}）。`) });
      } else if (now.deprecated && !was.deprecated) {
        out.push({ type: 'constant-deprecated', level: 'minor', text: say(`${code(full)} is deprecated.`, `${code(full)} 已弃用。`) });
      }
    }
    for (const [member, now] of members) {
      const full = `${name}.${member}`;
      if (before.members.has(member) || accounted.has(full)) continue;
      out.push({ type: 'value-changed', level: 'minor', text: say(`New ${code(full)} = ${shownLiteral(now.value)}.`, `新增 ${code(full)} = ${shownLiteral(now.value)}。`) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The shape of a record

function topmost(paths: string[]): string[] {
  const sorted = [...paths].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && (p.startsWith(`${q}.`) || p.startsWith(`${q}[]`))));
}

/** Values at `path` (dotted, `[]` for array items) in a record. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (!path.length) return value === undefined ? [] : [value];
  const [head, ...rest] = path;
  const array = head.endsWith('[]');
  const key = array ? head.slice(0, -2) : head;
  const next = key ? (value as Record<string, unknown> | undefined)?.[key] : value;
  if (array) return Array.isArray(next) ? next.flatMap((item) => valuesAt(item, rest)) : [];
  return next === undefined || next === null ? [] : valuesAt(next, rest);
}

/**
 * Where a past state's schema could not be read: its shape as its records show
 * it (the fields they fill, the values they use at today's enumerations).
 */
function observedShape(records: readonly LooseRecord[], today: RecordShape): RecordShape {
  const shape: RecordShape = { fields: new Set(today.fields), enums: new Map() };
  for (const path of today.enums.keys()) {
    const segments = path.split('.').flatMap((p) => (p.includes('[]') ? p.split(/(?<=\[\])/) : [p])).filter(Boolean);
    const used = new Set(records.flatMap((r) => valuesAt(r, segments)).filter((v) => typeof v === 'string' || typeof v === 'number').map(String));
    shape.enums.set(path, used);
  }
  return shape;
}

/** Changes of the record shape; `onlyRemovals` where the past shape was observed from data (unused values are not new). */
function shapeChanges(o: RecordShape, n: RecordShape, onlyRemovals = false): PlannedChange[] {
  const out: PlannedChange[] = [];
  const added = onlyRemovals ? [] : topmost([...n.fields].filter((f) => !o.fields.has(f)));
  const removed = topmost([...o.fields].filter((f) => !n.fields.has(f)));
  if (added.length) out.push({ type: 'field-added', level: 'minor', text: say(`Records can have the new field${added.length > 1 ? 's' : ''} ${codes(added, 'en')}.`, `记录新增字段 ${codes(added, 'zh')}。`) });
  if (removed.length) {
    out.push({
      type: 'field-removed',
      level: 'major',
      text: say(`Records no longer have the field${removed.length > 1 ? 's' : ''} ${codes(removed, 'en')}: code that reads ${removed.length > 1 ? 'them' : 'it'} gets nothing.`, `记录不再有字段 ${codes(removed, 'zh')}：读取它的代码将得不到值。`),
    });
  }
  // Allowed values, said once per set of fields that changed alike (retry.action and meanings[].retry.action).
  type Delta = { added: string[]; removed: string[]; paths: string[] };
  const deltas = new Map<string, Delta>();
  const inRemovedField = (p: string) => removed.some((r) => p === r || p.startsWith(`${r}.`) || p.startsWith(`${r}[]`));
  for (const path of [...new Set([...o.enums.keys(), ...n.enums.keys()])].sort()) {
    const before = o.enums.get(path);
    const after = n.enums.get(path);
    if (!before || !after || inRemovedField(path)) continue;
    const plus = onlyRemovals ? [] : [...after].filter((v) => !before.has(v)).sort();
    const minus = [...before].filter((v) => !after.has(v)).sort();
    if (!plus.length && !minus.length) continue;
    const key = `${plus.join(',')}|${minus.join(',')}`;
    const delta = deltas.get(key) ?? { added: plus, removed: minus, paths: [] };
    delta.paths.push(path);
    deltas.set(key, delta);
  }
  for (const d of deltas.values()) {
    const where = (lang: Lang) => codes([...d.paths].sort((a, b) => a.length - b.length || a.localeCompare(b)), lang);
    if (d.removed.length) {
      out.push({
        type: 'vocabulary-removed',
        level: 'major',
        text: say(`${where('en')} no longer allow${d.paths.length > 1 ? '' : 's'} ${codes(d.removed, 'en')}: code that compares with ${d.removed.length > 1 ? 'them' : 'it'} no longer matches.`, `${where('zh')} 不再有取值 ${codes(d.removed, 'zh')}：与之比较的代码将不再匹配。`),
      });
    }
    if (d.added.length) out.push({ type: 'vocabulary-added', level: 'minor', text: say(`${where('en')} can now be ${codes(d.added, 'en')}.`, `${where('zh')} 新增取值 ${codes(d.added, 'zh')}。`) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// data/api.yaml: facts about the API, its methods, the sources, the shared links

const byKey = (items: unknown, key: string) =>
  new Map(list<Record<string, unknown>>(items).filter((x) => x && typeof x === 'object').map((x) => [String(x[key]), x]));
const changedKeys = (a: Record<string, unknown> = {}, b: Record<string, unknown> = {}) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k])).sort();

function apiFileChanges(o: Record<string, unknown>, n: Record<string, unknown>): PlannedChange[] {
  const out: PlannedChange[] = [];
  if (!Object.keys(o).length || !Object.keys(n).length) return out;
  // The API's own facts (rate limit, content type, base URLs …): data a client may rely on.
  const facts = changedKeys(o, n).filter((k) => !['methods', 'sources', 'links'].includes(k));
  const textFacts = facts.filter((k) => onlyTexts(o[k]) && onlyTexts(n[k]));
  const dataFacts = facts.filter((k) => !textFacts.includes(k));
  const shown = (v: unknown) => (v === undefined ? '—' : code(typeof v === 'object' ? canonical(v) : String(v)));
  for (const k of dataFacts) {
    out.push({ type: 'data-changed', level: 'minor', text: say(`API facts: ${code(k)} is now ${shown(n[k])} (was ${shown(o[k])}).`, `API 事实：${code(k)} 现为 ${shown(n[k])}（原为 ${shown(o[k])}）。`) });
  }
  if (textFacts.length) out.push({ type: 'reworded', level: 'patch', text: say(`API facts: reworded ${codes(textFacts, 'en')}.`, `API 事实：改写了 ${codes(textFacts, 'zh')}。`) });
  // Methods: where they are (verb, path) is data; their titles and summaries are texts.
  const om = byKey(o.methods, 'name');
  const nm = byKey(n.methods, 'name');
  for (const [name, after] of nm) {
    const before = om.get(name);
    if (!before) continue; // a new method is a new allowed value, said with the record shape
    const keys = changedKeys(before, after);
    const data = keys.filter((k) => !onlyTexts(before[k]) || !onlyTexts(after[k]));
    if (data.length) {
      const where = (m: Record<string, unknown>) => code(`${m.verb} ${m.path}`);
      out.push({ type: 'data-changed', level: 'minor', text: say(`Method ${code(name)}: now ${where(after)} (was ${where(before)}).`, `方法 ${code(name)}：现为 ${where(after)}（原为 ${where(before)}）。`) });
    }
    if (keys.length > data.length) out.push({ type: 'reworded', level: 'patch', text: say(`Method ${code(name)}: reworded ${keys.filter((k) => !data.includes(k)).join(', ')}.`, `方法 ${code(name)}：改写了 ${keys.filter((k) => !data.includes(k)).join('、')}。`) });
  }
  // Sources and shared links: where the facts come from.
  const os = byKey(o.sources, 'id');
  const ns = byKey(n.sources, 'id');
  const parts: LocalizedText[] = [];
  const added = [...ns.keys()].filter((id) => !os.has(id));
  const removed = [...os.keys()].filter((id) => !ns.has(id));
  if (added.length) parts.push({ en: `new ${codes(added, 'en')}`, zh: `新增 ${codes(added, 'zh')}` });
  if (removed.length) parts.push({ en: `removed ${codes(removed, 'en')}`, zh: `删除 ${codes(removed, 'zh')}` });
  for (const [id, after] of ns) {
    const before = os.get(id);
    const keys = before ? changedKeys(before, after) : [];
    if (keys.length) parts.push({ en: `${code(id)}: ${keys.join(', ')} changed`, zh: `${code(id)}：${keys.join('、')} 有变化` });
  }
  if (parts.length) out.push({ type: 'sources', level: 'patch', text: say(`Sources: ${parts.map((p) => p.en).join('; ')}.`, `来源：${parts.map((p) => p.zh).join('；')}。`) });
  const links = changedKeys(o.links as Record<string, unknown>, n.links as Record<string, unknown>);
  if (links.length) out.push({ type: 'sources', level: 'patch', text: say(`Shared links changed: ${codes(links, 'en')}.`, `共用链接有变化：${codes(links, 'zh')}。`) });
  return out;
}

// ---------------------------------------------------------------------------
// Everything

export type Comparison = { changes: PlannedChange[]; level: SemverLevel | 'none'; notes: string[] };

const LEVEL_RANK: Record<SemverLevel, number> = { patch: 0, minor: 1, major: 2 };
export const highestLevel = (changes: readonly { level: SemverLevel }[]): SemverLevel | 'none' =>
  changes.reduce<SemverLevel | 'none'>((top, c) => (top === 'none' || LEVEL_RANK[c.level] > LEVEL_RANK[top] ? c.level : top), 'none');

function recordOrder(ref: string | undefined): [number, number | string] {
  if (!ref) return [-1, ''];
  const [kind, id] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  const k = (KIND_NAMES as string[]).indexOf(kind);
  return [k < 0 ? KIND_NAMES.length : k, /^\d+$/.test(id) ? Number(id) : id];
}

/** The changes in the order a changelog lists them: by group, then record, then type. */
export function sortChanges<T extends { type: ChangeType; level: SemverLevel; ref?: string; text: LocalizedText }>(changes: T[]): T[] {
  return [...changes].sort((a, b) => {
    const g = CHANGE_GROUPS.indexOf(changeGroup(a)) - CHANGE_GROUPS.indexOf(changeGroup(b));
    if (g) return g;
    const [ka, ia] = recordOrder(a.ref);
    const [kb, ib] = recordOrder(b.ref);
    if (ka !== kb) return ka - kb;
    if (ia !== ib) return typeof ia === 'number' && typeof ib === 'number' ? ia - ib : String(ia).localeCompare(String(ib), 'en');
    return CHANGE_TYPES.indexOf(a.type) - CHANGE_TYPES.indexOf(b.type) || a.text.en.localeCompare(b.text.en, 'en');
  });
}

/** Compare the last release with the working tree. */
export function compareSnapshots(o: Snapshot, n: Snapshot): Comparison {
  const notes = [...o.notes, ...n.notes];
  if (!pickMeaning) notes.push("src/meaning.ts is not there: each meaning's next step was compared on its own, not as the package picks it");
  if (!siteWords) notes.push('site/lib/i18n.ts is not there: kinds and next steps are named by their ids');
  const changes: PlannedChange[] = [];
  const oldByRef = new Map(o.records.map((r) => [refOf(r), r]));
  const newByRef = new Map(n.records.map((r) => [refOf(r), r]));
  const ranks = (s: Snapshot) => Object.fromEntries([...s.sources].map(([id, v]) => [id, v.rank]));
  const oldRanks = ranks(o);
  const newRanks = ranks(n);
  /** Constants whose change a record-level change already says. */
  const accounted = new Set<string>();

  let removed = o.records.filter((r) => !newByRef.has(refOf(r)));
  let added = n.records.filter((r) => !oldByRef.has(refOf(r)));
  // The same constant on another code: a re-valued constant, not a removal and an addition.
  for (const r of [...removed]) {
    const twin = added.find((a) => a.kind === r.kind && a.constant === r.constant);
    if (!twin) continue;
    removed = removed.filter((x) => x !== r);
    added = added.filter((x) => x !== twin);
    accounted.add(constantOf(r));
    changes.push({
      type: 'constant-revalued',
      level: 'major',
      ref: refOf(twin),
      text: onRecord(twin, `${code(constantOf(twin))} now stands for ${code(constantValue(twin))} (was ${code(constantValue(r))}).`, `${code(constantOf(twin))} 现在表示 ${code(constantValue(twin))}（原为 ${code(constantValue(r))}）。`),
    });
  }
  for (const r of removed) {
    accounted.add(constantOf(r));
    for (const f of list<{ name?: string }>(r.formerConstants)) if (f?.name) accounted.add(constantOf(r, f.name));
    const title = { en: quote(textOf(r.title, 'en'), 'en'), zh: quote(textOf(r.title, 'zh'), 'zh') };
    changes.push({
      type: 'record-removed',
      level: 'major',
      ref: refOf(r),
      text: onRecord(r, `removed (${title.en}); ${code(constantOf(r))} is no longer exported and lookups no longer find it.`, `已删除（${title.zh}）；不再导出 ${code(constantOf(r))}，查询也不再找到它。`),
    });
  }
  for (const r of added) {
    accounted.add(constantOf(r));
    for (const f of list<{ name?: string }>(r.formerConstants)) if (f?.name) accounted.add(constantOf(r, f.name));
    changes.push({
      type: 'record-added',
      level: 'minor',
      ref: refOf(r),
      text: onRecord(r, `new record ${code(constantOf(r))}, ${quote(textOf(r.title, 'en'), 'en')}.`, `新增记录 ${code(constantOf(r))}，${quote(textOf(r.title, 'zh'), 'zh')}。`),
    });
  }

  const alias = (r: LooseRecord, name: string): AliasInfo => {
    const member = (() => {
      const group = n.surface.values.get(groupOf(r));
      return group && 'members' in group ? group.members.get(name) : undefined;
    })();
    const former = list<{ name?: string; removedIn?: string } | string>(r.formerConstants).find((f) => (typeof f === 'string' ? f : f?.name) === name);
    const removedIn = typeof former === 'object' && typeof former?.removedIn === 'string' ? former.removedIn : undefined;
    if (member) return { kept: same(member.value, constantValue(r)), deprecated: member.deprecated, removedIn };
    return { kept: false, deprecated: false };
  };
  for (const [ref, before] of oldByRef) {
    const after = newByRef.get(ref);
    if (!after) continue;
    if (before.constant !== after.constant) {
      accounted.add(constantOf(before));
      accounted.add(constantOf(after));
    }
    if (constantValue(before) !== constantValue(after)) accounted.add(constantOf(after));
    const own = recordChanges(before, after, { oldRanks, newRanks, alias });
    if (own.some((c) => c.type === 'lifecycle-changed')) accounted.add(constantOf(after));
    changes.push(...own);
  }

  changes.push(...surfaceChanges(o.surface, n.surface, accounted));
  changes.push(...apiFileChanges(o.api, n.api));
  if (o.shape && n.shape) changes.push(...shapeChanges(o.shape, n.shape));
  else if (n.shape && o.records.length) changes.push(...shapeChanges(observedShape(o.records, n.shape), n.shape, true));

  const sorted = sortChanges(changes);
  return { changes: sorted, level: highestLevel(sorted), notes: [...new Set(notes)] };
}
