/**
 * Next steps as a client follows them. A retry policy is compared by what a
 * client does — treat the response as success, poll `query`, send the same
 * request again, start over with a new resource ID, or stop — and, for a
 * retry, what it does after its retries and with which resource ID: a change
 * of those is major; a change of schedule or of name only is minor. Each
 * situation a client can be in (no method, each method, each method with an
 * HTTP status a meaning names) is asked with the package's own rules for the
 * step it gives there (src/meaning.ts: stepAlone), so older and newer vocabularies
 * compare by meaning (`wait` and `poll` are the same step).
 */
import { METHODS, type Method, type RetryPolicy, type SemverLevel, type LocalizedText } from '../catalog/schema.ts';
import type { LooseRecord } from './snapshot.ts';
import { canonical, code, type Lang, list, onRecord, type PlannedChange, refOf, same, siteWords } from './terms.ts';

// Without src/ (a copy of data/ and scripts/ only), each meaning's next step is compared on its own.
type MeaningRule = typeof import('../../src/meaning.ts');
const meaningRule = (await import('../../src/meaning.ts').catch(() => undefined)) as MeaningRule | undefined;
export const pickMeaning: MeaningRule['pickMeaning'] | undefined = meaningRule?.pickMeaning;

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
export const conductOf = (action: string | undefined): string => (action === undefined ? 'stop' : (CONDUCT[action] ?? `other:${action}`));

const CONDUCT_WORDS: Record<Conduct, LocalizedText> = {
  proceed: { en: 'treats the response as success', zh: '视为成功' },
  poll: { en: 'calls `query` again later', zh: '稍后再调用 `query`' },
  resend: { en: 'sends the same request again', zh: '重新发送同一请求' },
  restart: { en: 'acquires a new resource ID and starts again', zh: '重新 `acquire` 新的 resource ID 再 `start`' },
  stop: { en: 'stops and reports the error', zh: '停止并报告错误' },
};
export const conductWords = (c: string, lang: Lang) => (c in CONDUCT_WORDS ? CONDUCT_WORDS[c as Conduct][lang] : lang === 'zh' ? `按 ${code(c.replace(/^other:/, ''))} 处理` : `follows ${code(c.replace(/^other:/, ''))}`);

export type Policy = { action?: string; delaysMs?: number[]; backoff?: boolean; sameResourceId?: boolean; then?: string; [k: string]: unknown };
/** The fields of a policy that decide what a client does; everything else (its basis …) is about sources. */
export const CONDUCT_FIELDS = ['action', 'delaysMs', 'backoff', 'sameResourceId', 'then'] as const;

export function policyLabel(p: Policy, lang: Lang): string {
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

/** The policy a client is given in a situation, and the meaning it came from: the package's rule (stepAlone in src/meaning.ts). */
function policyAt(r: LooseRecord, c: Context, ranks: Record<string, number>): { policy?: Policy; meaning?: object } {
  const fallback = r.retry as Policy | undefined;
  if (!meaningRule || !fallback) return { policy: fallback };
  type Step = Policy & { action: string };
  const meanings = list<{ methods?: Method[]; source: string; http?: number; retry?: Step }>(r.meanings);
  const { step, meaning } = meaningRule.stepAlone({ kind: r.kind as never, meanings, retry: fallback as Step }, c.method as Method | undefined, ranks, METHODS, c.http);
  return { policy: step, ...(meaning && { meaning }) };
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

export function outcomeChanges(o: LooseRecord, n: LooseRecord, oldRanks: Record<string, number>, newRanks: Record<string, number>, picked: Set<object>): PlannedChange[] {
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
