/**
 * Does a guide's prose say anything the catalog contradicts? Each sentence is
 * read for what it mentions — body codes, HTTP statuses, recording statuses,
 * gateway messages (exact, through <Rec>, or written out), the methods in
 * `code spans`, retry advice, delays and limits — and checked against the
 * catalog (and, for the few figures the catalog does not hold, against a short
 * table of sourced figures below). It catches classes of mistakes:
 *
 * - unknown-code:   a code, status or state the catalog does not have ("HTTP 418", "code 9999");
 * - wrong-method:   a code tied to methods on which the catalog never gives it ("`acquire` returns 7");
 * - wrong-http:     a body code paired with an HTTP status it never comes with ("code 7 with HTTP 200");
 * - retry-claim:    advice to retry something the catalog does not retry on the method, or whose next
 *                   step depends on the body code ("HTTP 206: retry", "retry 433");
 * - no-retry-claim: advice not to retry something the catalog retries ("do not retry 429");
 * - delay:          a wait that is not the record's ("retry 65 on `start` after 5 s");
 * - limit:          a limit or duration that differs from the catalog or the source
 *                   ("20 requests per second", "a resource ID expires after 10 minutes");
 * - unsourced:      a duration or limit that neither the catalog nor a source gives;
 * - uncited:        a sourced figure in a sentence that does not cite its source, or our own
 *                   figure not marked as our advice.
 *
 * It reads sentences, not meaning: the guides are written so that each
 * sentence's codes, methods and numbers belong together (a method is named in
 * `code spans`; a code's advice and its delay share a sentence). Its limits:
 * a retry claim is only recognised from the words below, and a number without
 * a unit is not a quantity.
 */
import type { ApiFile, CatalogRecord, Method, RetryPolicy } from '../../scripts/catalog/schema.ts';
import type { Block } from './render.ts';

export type ProblemKind = 'unknown-code' | 'wrong-method' | 'wrong-http' | 'retry-claim' | 'no-retry-claim' | 'delay' | 'limit' | 'unsourced' | 'uncited';
export type Problem = { kind: ProblemKind; line: number; sentence: string; message: string };

export type Quantity = 'duration' | 'rate' | 'tasks' | 'bytes' | 'characters' | 'uid';
/** A figure a guide may state: its values (ms for durations), where it comes from, and the words it goes with. */
export type Figure = { what: string; quantity: Quantity; values: number[]; anchor: RegExp; basis: 'catalog' | 'ours' | { source: string } };

export type Truth = { records: readonly CatalogRecord[]; figures: Figure[] };


/**
 * The figures a guide may state. Those the catalog holds are read from it;
 * the others are the integration facts of Agora's docs the catalog does not
 * carry (source ids as in data/api.yaml), and our own choices.
 */
export function figures(records: readonly CatalogRecord[], api: Pick<ApiFile, 'rateLimitPerSecond'>, pollAfterMs: number): Figure[] {
  const at = (ref: string) => records.find((r) => `${r.kind}:${r.code}` === ref);
  const facts = (ref: string) => at(ref)?.facts ?? {};
  const rps = [api.rateLimitPerSecond, ...records.flatMap((r) => (r.facts?.requestsPerSecond ? [r.facts.requestsPerSecond] : []))];
  const expires = records.flatMap((r) => (r.facts?.expiresAfterSeconds ? [r.facts.expiresAfterSeconds * 1000] : []));
  const chars = facts('error-code:1013').allowedCharacters;
  return [
    { what: 'how long a resource ID stays valid', quantity: 'duration', values: expires, anchor: /resource ?ID|resourceId|valid|expir|有效|过期|超过|内/i, basis: 'catalog' },
    { what: 'the rate limit', quantity: 'rate', values: rps, anchor: /./, basis: 'catalog' },
    { what: 'the length of a channel name', quantity: 'bytes', values: facts('error-code:1013').maxBytes ? [facts('error-code:1013').maxBytes!] : [], anchor: /channel|cname|name|频道|名/i, basis: 'catalog' },
    { what: 'the allowed characters', quantity: 'characters', values: chars ? [[...chars].length] : [], anchor: /./, basis: 'catalog' },
    { what: '`start` within two seconds of `acquire`', quantity: 'duration', values: [2000], anchor: /start|pairs|成对/i, basis: { source: 'api' } },
    { what: 'maxIdleTime, by default', quantity: 'duration', values: [30_000], anchor: /maxIdleTime|idle|no users|无人|空闲/i, basis: { source: 'stop' } },
    { what: 'the best-practice backoff', quantity: 'duration', values: [1000, 3000, 6000], anchor: /backoff|best.practice|退避|最佳实践/i, basis: { source: 'bp' } },
    { what: "the official Go client's retries of `start`", quantity: 'duration', values: [1000, 2000, 3000], anchor: /\bGo\b/, basis: { source: 'clients' } },
    { what: 'concurrent recording tasks per App ID, to begin with', quantity: 'tasks', values: [50], anchor: /same time|concurrent|同时|并发/i, basis: { source: 'bp' } },
    { what: '`cname` in page recording mode', quantity: 'bytes', values: [128], anchor: /page recording|web|页面录制/i, basis: { source: 'acq' } },
    { what: 'the largest uid', quantity: 'uid', values: [2 ** 32 - 1], anchor: /uid|integer|整数/i, basis: { source: 'acq' } },
    { what: 'how often to poll `query` until the recording runs (the package’s pollAfterMs)', quantity: 'duration', values: [pollAfterMs], anchor: /poll|query|轮询/i, basis: 'ours' },
  ];
}

// ---------------------------------------------------------------------------
// Reading a sentence

type Mention = { refs: string[]; explicit: boolean; http?: boolean; methods?: Method[] };
type Amount = { quantity: Quantity; value: number; text: string; at: number };
type Claim = 'positive' | 'negative';
type Clause = { text: string; start: number; mentions: Mention[]; amounts: Amount[]; claims: Claim[] };

const OURS = /our advice|our choice|we recommend|in our experience|本站建议|我们的选择|我们建议|根据我们的经验/i;

/** Sentences of a block: split after . ! ? (then a space) and 。！？, never inside `code` or ⟦tokens⟧. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let code = false;
  let token = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '`') code = !code;
    else if (c === '⟦') token = true;
    else if (c === '⟧') token = false;
    else if (!code && !token && ((/[.!?]/.test(c) && /\s/.test(text[i + 1] ?? ' ') && !/\b(?:e\.g|i\.e|etc|vs)$/.test(text.slice(start, i))) || /[。！？]/.test(c))) {
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/** Clauses of a sentence, with their offsets: split at , ; ( ) and their Chinese forms, and at "while", "but", 而, 但. */
function clauses(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  let code = false;
  let token = false;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '`') code = !code;
    else if (c === '⟦') token = true;
    else if (c === '⟧') token = false;
    else if (!code && !token && (/[,;()，；（）]/.test(c) || /^(?: while | but |而|但)/.test(sentence.slice(i)))) {
      out.push({ text: sentence.slice(start, i), start });
      start = i + 1;
    }
  }
  out.push({ text: sentence.slice(start), start });
  return out.filter((c) => c.text.trim() !== '');
}

/** Code spans and tokens blanked out (same length), so offsets still match the sentence. */
const blank = (text: string) => text.replace(/`[^`]*`|⟦[^⟧]*⟧/g, (m) => ' '.repeat(m.length));

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const num = (s: string) => WORD_NUMBERS[s.toLowerCase()] ?? Number(s);
const UNIT_MS: [RegExp, number][] = [
  [/^(?:ms|milliseconds?|毫秒)$/i, 1],
  [/^(?:s|secs?|seconds?|秒钟?)$/i, 1000],
  [/^(?:min|mins|minutes?|分钟)$/i, 60_000],
  [/^(?:h|hours?|小时)$/i, 3_600_000],
];
const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|[一二两三四五六七八九十])`;
const LIST = String.raw`${NUMBER}(?:\s*(?:,|、|/|,?\s*and|,?\s*or|和|或|then|再)\s*${NUMBER})*`;
const DURATION = new RegExp(String.raw`(?<![\w.])(${LIST})\s*(ms|milliseconds?|毫秒|s|secs?|seconds?|秒钟?|min|mins|minutes?|分钟|h|hours?|小时)(?![\w])`, 'gi');

function amounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(DURATION)) {
    const factor = UNIT_MS.find(([re]) => re.test(m[2]!))![1];
    for (const n of m[1]!.match(new RegExp(NUMBER, 'gi')) ?? []) out.push({ quantity: 'duration', value: num(n) * factor, text: m[0], at: m.index! });
  }
  const patterns: [Quantity, RegExp][] = [
    ['rate', /(\d+)\s*(?:requests?|calls?|queries)\s*(?:per|a|each|every|\/)\s*second/gi],
    ['rate', /(?:QPS|rate limit)\s*(?:limit\s*)?(?:of|is|=|:)?\s*(\d+)|(\d+)\s*QPS/gi],
    ['rate', /每秒(?:钟)?[^\d，。；]{0,8}?(\d+)\s*(?:个|次)|(\d+)\s*次\s*\/\s*秒/g],
    ['tasks', /(\d+)\s*(?:recording\s+)?(?:tasks|recordings)\b|(\d+)\s*(?:个|路)(?:录制)?任务/gi],
    ['bytes', /(\d+)\s*(?:bytes?|字节)/gi],
    ['characters', /(\d+)\s*(?:characters?|个字符)/gi],
  ];
  for (const [quantity, re] of patterns) {
    for (const m of text.matchAll(re)) {
      const n = m.slice(1).find((g) => g !== undefined);
      if (n !== undefined) out.push({ quantity, value: Number(n), text: m[0], at: m.index! });
    }
  }
  for (const m of text.matchAll(/2\s*(?:\^|\*\*)?\s*(³²|\d+)\s*[−-]\s*1\b/g)) {
    const exp = m[1] === '³²' ? 32 : Number(m[1]);
    out.push({ quantity: 'uid', value: 2 ** exp - 1, text: m[0], at: m.index! });
  }
  return out;
}

/** Retry advice in a clause: positive ("retry it", "may be retried"), negative ("do not retry"), or only a description. */
function retryClaims(raw: string): Claim[] {
  const text = raw.replace(/[’‘]/g, "'");
  const claims: Claim[] = [];
  const en = /\b(re-?tr(?:y|ies|ied|ying)|resend(?:s|ing)?|send(?:ing|s)?\s+(?:\S+\s+){0,4}?again|try(?:ing)?\s+again)\b/gi;
  for (const m of text.matchAll(en)) {
    const before = text.slice(0, m.index).toLowerCase();
    const after = text.slice(m.index! + m[0].length).toLowerCase();
    const word = m[1]!.toLowerCase();
    if (/\b(?:not|never|no|don't|doesn't|do not|cannot|can't|nothing|without|instead of|neither|nor|stop)\s+(?:\S+\s+){0,4}$/.test(before) || /^\s*(?:cannot|can't|does not|doesn't|won't|will not|is no|is not)\s+(?:help|change)|^\s+(?:fails|will fail) the same way/.test(after) || /\bnot worth\s+$/.test(before)) {
      claims.push('negative');
    } else if (/\b(?:a|an|the|each|every|your|after|before|when|if|of|first)\s+$|\b(?:when|if|once|after)\s+(?:you|we|it|the client)\s+$/.test(before) || (word === 'retried' && !/\b(?:be|been)\s+$/.test(before)) || /^\s*(?:policy|policies|schedule|loop)\b/.test(after)) {
      // a description ("after a retry", "a retried `start`"), not advice
    } else claims.push('positive');
  }
  const zh = /重试|重发|重新发送|再次发送|再发送一次|再发一次|再试一次/g;
  for (const m of text.matchAll(zh)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index! + m[0].length);
    if (/(?:不要|无需|不必|不用|别|勿|不能|无法|不会|不值得|不再|没有必要|而不是|不)[^，。；]{0,6}$/.test(before) || /^[^，。；]{0,8}(?:无济于事|没有用|没用|无用|也不行|解决不了|改变不了|以同样的方式失败)/.test(after)) {
      claims.push('negative');
    } else if (/^(?:后|之后|以后|时|了|过|的|前)/.test(after) || /(?:经|经过|被|已|已经|每次)$/.test(before) || /(?:如果|若|当|一旦)[^，。；]{0,20}$/.test(before)) {
      // a description
    } else claims.push('positive');
  }
  return claims;
}

function mentionsIn(text: string, records: readonly CatalogRecord[], problems: (kind: ProblemKind, message: string) => void): { mentions: Mention[]; methods: Method[] } {
  const has = (kind: string, code: number | string) => records.some((r) => r.kind === kind && String(r.code) === String(code));
  const mentions: Mention[] = [];
  const methods = new Set<Method>();
  // Tokens from components: exact.
  for (const m of text.matchAll(/⟦(rec|policy):([^⟧@]+)(?:@(\w+))?⟧/g)) {
    if (m[2] === '?') continue;
    const method = m[3] as Method | undefined;
    if (method) methods.add(method);
    mentions.push({ refs: [m[2]!], explicit: true, http: m[2]!.startsWith('http-status:'), methods: method ? [method] : undefined });
  }
  for (const m of text.matchAll(/`(acquire|start|query|update|updateLayout|stop)`/g)) methods.add(m[1] as Method);
  // Written out: tokens and code spans' backticks removed, so "`code` 404" reads as "code 404".
  let plain = text.replace(/⟦[^⟧]*⟧/g, ' ').replace(/`/g, '');
  const take = (re: RegExp, kind: string, label: string, range = false) => {
    plain = plain.replace(re, (whole: string, first: string, rest: string) => {
      let values = [first, ...(rest.match(/\d+/g) ?? [])].map(Number);
      if (range && values.length === 2 && /\d+\s*(?:to|到|至)\s*\d+/.test(whole)) values = Array.from({ length: values[1]! - values[0]! + 1 }, (_, k) => values[0]! + k);
      for (const v of values) if (!has(kind, v)) problems('unknown-code', `${label} ${v} is not in the catalog`);
      const refs = values.filter((v) => has(kind, v)).map((v) => `${kind}:${v}`);
      if (refs.length) mentions.push({ refs, explicit: true, http: kind === 'http-status' });
      return ' '.repeat(whole.length);
    });
  };
  const list = String.raw`((?:\s*(?:\/|,|、|or|and|或|和|与|to|到)\s*\d+)*)`;
  take(new RegExp(String.raw`\b(?:HTTP(?:\s+status(?:\s+code)?)?|status\s+code|HTTP\s*状态码?)\s*(\d{3})${list}`, 'gi'), 'http-status', 'HTTP');
  take(new RegExp(String.raw`(?:\b(?:body\s+)?codes?|(?:包体)?错误码)\s*(\d+)${list}`, 'gi'), 'error-code', 'body code');
  take(new RegExp(String.raw`(?:serverResponse\.status|\bstatus(?:es)?|状态(?:值)?)\s*(?:is|are|of|为|是|值)?\s*(\d+)${list}`, 'gi'), 'recording-status', 'recording status', true);
  // Bare numbers of two to four digits that name a body code or an HTTP status (not quantities).
  for (const m of plain.matchAll(/(?<![\w.:/^-])(\d{2,4})(?![\w.%/-]|\s*(?:bytes?|字节|ms|毫秒|s\b|秒|分钟|minutes?|seconds?|requests?|个|次))/g)) {
    const refs = (['error-code', 'http-status'] as const).filter((k) => has(k, m[1]!)).map((k) => `${k}:${m[1]}`);
    if (refs.length) mentions.push({ refs, explicit: false });
  }
  // Gateway messages written out.
  for (const r of records) if (r.kind === 'message-error' && text.includes(r.message)) mentions.push({ refs: [`message-error:${r.code}`], explicit: true });
  return { mentions, methods: [...methods] };
}

// ---------------------------------------------------------------------------
// What the catalog says

type Policy = RetryPolicy & { delaysMs?: number[] };
function policies(r: CatalogRecord, methods: Method[]): Policy[] {
  if (methods.length === 0) return [r.retry as Policy, ...r.meanings.map((m) => (m.retry ?? r.retry) as Policy)];
  const on = r.meanings.filter((m) => !m.methods || m.methods.some((x) => methods.includes(x)));
  return on.length ? on.map((m) => (m.retry ?? r.retry) as Policy) : [r.retry as Policy];
}
const onMethods = (r: CatalogRecord, methods: Method[]) =>
  methods.length === 0 || r.meanings.length === 0 || r.meanings.some((m) => !m.methods || m.methods.some((x) => methods.includes(x)));
const httpOf = (r: CatalogRecord, methods: Method[]) =>
  r.meanings.filter((m) => m.http !== undefined && (methods.length === 0 || !m.methods || m.methods.some((x) => methods.includes(x)))).map((m) => m.http!);
const show = (ref: string) => ref.replace(/^(error-code|http-status|recording-status|message-error):/, (_, k: string) => ({ 'error-code': 'body code ', 'http-status': 'HTTP ', 'recording-status': 'status ', 'message-error': 'message ' })[k] ?? '');
const fmt = (ms: number) => (ms % 60_000 === 0 && ms >= 60_000 ? `${ms / 60_000} min` : ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

// ---------------------------------------------------------------------------

export type CheckOptions = {
  /** prose must cite the source of each sourced figure it states (false for code comments) */
  requireCitations?: boolean;
};

/** Every problem of the blocks, sentence by sentence. */
export function checkBlocks(blocks: readonly Block[], truth: Truth, options: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const byRef = new Map(truth.records.map((r) => [`${r.kind}:${r.code}`, r]));
  for (const block of blocks) {
    const requireCitations = (options.requireCitations ?? true) && block.kind !== 'comment';
    const cites = new Set([...block.text.matchAll(/⟦cite:([^⟧]*)⟧/g)].flatMap((m) => m[1]!.split(/\s+/)));
    const ours = OURS.test(block.text);
    for (const sentence of sentences(block.text)) {
      const report = (kind: ProblemKind, message: string) => problems.push({ kind, line: block.line, sentence, message });
      const methodsOf = mentionsIn(sentence, truth.records, () => {}).methods;
      const split = clauses(sentence);
      const found = amounts(blank(sentence));
      /** The waits a sentence states for one code (or one figure), in order, and the schedules they may follow. */
      const schedules = new Map<string, { stated: number[]; schedules: number[][] }>();
      const parts: Clause[] = split.map(({ text, start }, i) => {
        const end = split[i + 1]?.start ?? sentence.length;
        const { mentions } = mentionsIn(text, truth.records, report);
        return { text, start, mentions, amounts: found.filter((a) => a.at >= start && a.at < end), claims: retryClaims(blank(text)) };
      });
      const all = parts.flatMap((p) => p.mentions);
      /** What a clause is about: its own mentions, else those of the nearest clause before it, else after it. */
      const context = (i: number): Mention[] => {
        if (parts[i]!.mentions.length) return parts[i]!.mentions;
        for (let k = i - 1; k >= 0; k--) if (parts[k]!.mentions.length) return parts[k]!.mentions;
        for (let k = i + 1; k < parts.length; k++) if (parts[k]!.mentions.length) return parts[k]!.mentions;
        return [];
      };
      const recordsOf = (m: Mention) => m.refs.map((ref) => byRef.get(ref)!).filter(Boolean);
      const methodsFor = (m: Mention) => m.methods ?? methodsOf;

      // wrong-method: a code on methods that never return it.
      for (const m of all) {
        const methods = methodsFor(m);
        if (methods.length && !recordsOf(m).some((r) => onMethods(r, methods))) {
          report('wrong-method', `${m.refs.map(show).join(' / ')} is not returned by ${methods.map((x) => `\`${x}\``).join(', ')} in the catalog`);
        }
      }
      for (const [index, part] of parts.entries()) {
        // wrong-http: a body code with an HTTP status it never comes with.
        const statuses = part.mentions.filter((m) => m.http && m.explicit).flatMap((m) => m.refs.map((r) => Number(r.split(':')[1])));
        for (const m of part.mentions.filter((x) => !x.http && x.explicit)) {
          for (const r of recordsOf(m)) {
            if (r.kind !== 'error-code' && r.kind !== 'message-error') continue;
            const https = httpOf(r, methodsFor(m));
            if (statuses.length && https.length && !statuses.some((s) => https.includes(s))) {
              report('wrong-http', `${show(`${r.kind}:${r.code}`)} comes with HTTP ${[...new Set(https)].join(' or ')}, not ${statuses.join(' or ')}`);
            }
          }
        }
        // The subjects of the clause (see context), less any HTTP status that only carries a body code beside it.
        const about = context(index);
        const subjects = about.filter((m) => {
          if (!m.http) return true;
          const status = Number(m.refs[0]!.split(':')[1]);
          return !about.some((o) => !o.http && recordsOf(o).some((r) => httpOf(r, methodsFor(o)).includes(status)));
        });

        for (const claim of new Set(part.claims)) {
          for (const m of subjects) {
            const verdicts = recordsOf(m).map((r) => {
              const ps = policies(r, methodsFor(m));
              return { r, all: ps.every((p) => p.action === 'retry'), none: ps.every((p) => p.action !== 'retry'), ps };
            });
            if (verdicts.length === 0) continue;
            const where = methodsFor(m).length ? ` on ${methodsFor(m).map((x) => `\`${x}\``).join(', ')}` : '';
            if (claim === 'positive' && !verdicts.some((v) => v.all)) {
              const v = verdicts[0]!;
              report(
                'retry-claim',
                v.none
                  ? `advises a retry, but the catalog's next step for ${show(`${v.r.kind}:${v.r.code}`)}${where} is ${[...new Set(v.ps.map((p) => p.action))].join(' / ')}`
                  : `advises a retry, but for ${show(`${v.r.kind}:${v.r.code}`)}${where} the next step depends on ${v.r.kind === 'http-status' ? 'the body code' : 'the method'} (${[...new Set(v.ps.map((p) => p.action))].join(' / ')})`,
              );
            }
            if (claim === 'negative' && verdicts.every((v) => v.all)) {
              report('no-retry-claim', `advises against a retry, but the catalog retries ${show(`${verdicts[0]!.r.kind}:${verdicts[0]!.r.code}`)}${where}`);
            }
          }
        }

        // Delays and limits.
        for (const amount of part.amounts) {
          const figureOf = (text: string) => truth.figures.filter((f) => f.quantity === amount.quantity && f.anchor.test(text));
          // A record gives durations as the delays of its next step and as how long something stays valid.
          const delaysOf = (ms: Mention[]) => (amount.quantity === 'duration' ? ms.flatMap((m) => recordsOf(m).flatMap((r) => policies(r, methodsFor(m)).flatMap((p) => p.delaysMs ?? []))) : []);
          const validityOf = (ms: Mention[]) => (amount.quantity === 'duration' ? ms.flatMap((m) => recordsOf(m).flatMap((r) => (r.facts?.expiresAfterSeconds ? [r.facts.expiresAfterSeconds * 1000] : []))) : []);
          const recordValues = (ms: Mention[]) => [...delaysOf(ms), ...validityOf(ms)];
          const clauseFigures = figureOf(part.text);
          const steps: { values: number[]; delays?: boolean; figures: Figure[]; what: string }[] = [
            // 1. the records of the clause itself; 2. figures whose words are in the clause (with the
            // sentence's: "in page recording mode, `cname` …"); 3. the records the clause is about;
            // 4. figures whose words are in the sentence; 5. … in the paragraph.
            { values: recordValues(part.mentions), delays: delaysOf(part.mentions).length > 0, figures: [], what: part.mentions.map((m) => m.refs.map(show).join(' / ')).join(', ') },
            { values: [], figures: clauseFigures.length ? figureOf(sentence) : [], what: '' },
            { values: recordValues(about), delays: delaysOf(about).length > 0, figures: [], what: about.map((m) => m.refs.map(show).join(' / ')).join(', ') },
            { values: [], figures: figureOf(sentence), what: '' },
            { values: [], figures: figureOf(block.text), what: '' },
          ];
          const step = steps.find((s) => s.values.length > 0 || s.figures.length > 0);
          const shown = amount.quantity === 'duration' ? fmt(amount.value) : String(amount.value);
          if (!step) {
            report('unsourced', `"${amount.text}": no record and no source gives this ${amount.quantity === 'duration' ? 'duration' : 'limit'}`);
            continue;
          }
          if (step.values.length) {
            if (!step.values.includes(amount.value)) {
              report(step.delays ? 'delay' : 'limit', `${shown} is not a ${step.delays ? 'delay' : 'duration'} the catalog gives for ${step.what} (${[...new Set(step.values)].map(fmt).join(', ')})`);
            } else if (step.delays) {
              const ms = step === steps[0] ? part.mentions : about;
              const entry = schedules.get(step.what) ?? { stated: [], schedules: ms.flatMap((m) => recordsOf(m).flatMap((r) => policies(r, methodsFor(m)).flatMap((p) => (p.delaysMs ? [p.delaysMs] : [])))) };
              if (entry.schedules.some((d) => d.includes(amount.value))) entry.stated.push(amount.value);
              schedules.set(step.what, entry);
            }
            continue;
          }
          // Where several figures fit, the one the paragraph cites (or the catalog's) is meant.
          const fitting = step.figures.filter((f) => f.values.includes(amount.value));
          const match = fitting.find((f) => f.basis === 'catalog' || (typeof f.basis === 'object' && cites.has(f.basis.source))) ?? fitting[0];
          if (match && match.values.length > 1) {
            const entry = schedules.get(match.what) ?? { stated: [], schedules: [match.values] };
            entry.stated.push(amount.value);
            schedules.set(match.what, entry);
          }
          if (!match) {
            report('limit', `${shown} differs from ${step.figures.map((f) => `${f.what}: ${f.values.map((v) => (amount.quantity === 'duration' ? fmt(v) : String(v))).join(', ')}`).join('; ')}`);
          } else if (requireCitations && typeof match.basis === 'object' && !cites.has(match.basis.source)) {
            report('uncited', `${match.what} (${shown}) comes from source "${match.basis.source}": cite it in this sentence or paragraph`);
          } else if (requireCitations && match.basis === 'ours' && !ours) {
            report('uncited', `${match.what} (${shown}) is our own choice: mark it as our advice`);
          }
        }
      }
      // Several waits for one code follow one of its schedules, from its start: "3 s, then 6 s" is
      // `start`'s schedule for 65, not `query`'s (1 s, 3 s, 6 s).
      for (const [what, { stated, schedules: known }] of schedules) {
        if (stated.length < 2) continue;
        if (!known.some((d) => stated.every((v, k) => d[k] === v))) {
          report('delay', `${stated.map(fmt).join(', then ')} is not a schedule the catalog gives for ${what} (${known.map((d) => d.map(fmt).join(', ')).join(' or ')})`);
        }
      }
    }
  }
  return problems;
}
