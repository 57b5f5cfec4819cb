/**
 * Query understanding: what a search box receives, read the way a person
 * meant it. Pure functions, no DOM, no network; the same code runs when the
 * build writes the search data (site/lib/search-data.ts) and when a query
 * arrives (site/scripts/engine.ts), so both sides agree on every word.
 *
 * - normalize(): case, full-width/half-width forms and digits (NFKC),
 *   camelCase, `_`/`-`/punctuation as spaces, Chinese apart from Latin.
 * - Lexicon: the filler words and synonym sets of data/synonyms.yaml for one
 *   language; canonical() maps each synonym to its set's first term, clean()
 *   also drops filler words.
 * - tokens(): Latin words (lightly stemmed) and overlapping two-character
 *   pieces of Chinese.
 * - readResponse(): a pasted response or fragment of one (JSON, half a body,
 *   `"message":"…"`, an HTTP status line, an HTML error page), as the input of
 *   the package's explain().
 */

import { normalize } from '../../scripts/catalog/normalize.ts';
import { ID_WORDS } from '../../src/nearest.ts';
import { METHODS, wrongVerb } from '../../src/records.ts';

export type Lang = 'zh' | 'en';

const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string): boolean => HAN.test(s);

export { normalize };

/** English words reduced to a common stem, so "expires", "expired" and "expire" meet. */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  for (const [suffix, keep] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (!word.endsWith(suffix)) continue;
    if (suffix === 's' && /(?:ss|us|is)$/.test(word)) return word;
    const base = word.slice(0, -suffix.length) + keep;
    if (base.length < 3) return word;
    // "timed" → "tim", "times" → "tim": drop a final e, so "time" meets them.
    return base.replace(/e$/, '');
  }
  return word.length > 4 ? word.replace(/e$/, '') : word;
}

/**
 * The search tokens of normalized text: each Latin word or number (stemmed),
 * and each overlapping pair of Chinese characters (a lone character alone).
 */
export function tokens(normalized: string): string[] {
  const out: string[] = [];
  for (const part of normalized.split(' ')) {
    if (!part) continue;
    if (!hasHan(part)) {
      out.push(stem(part));
      continue;
    }
    const chars = [...part];
    if (chars.length === 1) out.push(part);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Each Chinese character of normalized text, once: what a typo leaves of a word (频到名 still has 频 and 名). */
export function hanChars(normalized: string): string[] {
  return [...new Set([...normalized].filter((c) => HAN.test(c)))];
}

// ---------------------------------------------------------------------------
// Synonyms and filler words

/** The search words of one language (data/synonyms.yaml): filler words, and sets of equivalent terms. */
export type Lexicon = { fillers: string[]; synonyms: string[][] };

type Matcher = { byFirst: Map<string, { term: string; to: string }[]> };

/** Damerau–Levenshtein distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** How many typos a Latin word may hold and still be read as another: one, two from eight letters on. */
export const typoAllowance = (word: string): number => (word.length >= 8 ? 2 : 1);

/**
 * Whether `written` may be a typo of `word`: both Latin words of five letters
 * or more, the same first two letters, within typoAllowance() (chanel → channel).
 */
const typoOf = (written: string, word: string): boolean =>
  written.length >= 5 && word.length >= 5 && /^[a-z]+$/.test(written) && written.slice(0, 2) === word.slice(0, 2) && editDistance(written, word, typoAllowance(word)) <= typoAllowance(word);

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c) && !HAN.test(c);

/** Normalized text with each Latin word stemmed: "host never published" → "host never publish". */
export const stemmed = (normalized: string): string =>
  normalized
    .split(' ')
    .map((w) => (hasHan(w) ? w : stem(w)))
    .join(' ');

function matcher(pairs: [term: string, to: string][], stems = true): Matcher {
  const byFirst = new Map<string, { term: string; to: string }[]>();
  for (const [raw, to] of pairs) {
    const term = stems ? stemmed(normalize(raw)) : normalize(raw);
    if (!term) continue;
    const first = term[0];
    if (!byFirst.has(first)) byFirst.set(first, []);
    byFirst.get(first)!.push({ term, to });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.term.length - a.term.length);
  return { byFirst };
}

/**
 * How many characters of `text` from `at` are `term` — a term of two or more
 * Latin words — written with a typo in some of its words but not all (one
 * word as written keeps "chanel nam" from reading as anything); 0 if they are not.
 */
function typoLength(text: string, at: number, term: string): number {
  const wanted = term.split(' ');
  if (wanted.length < 2 || !wanted.every((w) => /^[a-z]+$/.test(w))) return 0;
  const written = text.slice(at).split(' ', wanted.length);
  if (written.length < wanted.length) return 0;
  let exact = 0;
  for (const [k, word] of wanted.entries()) {
    if (written[k] === word) exact++;
    else if (!typoOf(written[k], word)) return 0;
  }
  return exact > 0 && exact < wanted.length ? written.join(' ').length : 0;
}

/**
 * Replace every term of `m` found in normalized `text`, leftmost and longest
 * first: a Latin term only as whole words, a Chinese one anywhere; with
 * `fuzzy`, a term of several Latin words also with a typo in some of them.
 */
function replaceTerms(text: string, m: Matcher, fuzzy = false): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const startsWord = !isWordChar(text[i - 1]) || !isWordChar(c);
    let hit: { term: string; to: string } | undefined;
    let length = 0;
    if (startsWord) {
      for (const candidate of m.byFirst.get(c) ?? []) {
        const { term } = candidate;
        if (!text.startsWith(term, i)) continue;
        const last = term[term.length - 1];
        if (isWordChar(last) && isWordChar(text[i + term.length])) continue;
        hit = candidate;
        length = term.length;
        break;
      }
      // No term as written: a term of several Latin words with a typo in some of them ("chanel name").
      if (!hit && fuzzy && !isWordChar(text[i - 1])) {
        for (const candidate of m.byFirst.get(c) ?? []) {
          length = typoLength(text, i, candidate.term);
          if (length) {
            hit = candidate;
            break;
          }
        }
      }
    }
    if (hit) {
      out += ` ${hit.to} `;
      i += length;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

export type Understanding = {
  /** The words to look up: synonyms replaced by their set's first term, filler words dropped. */
  clean: string;
  /** The same, filler words kept. */
  canonical: string;
  /** What to give the full-text search: the query's words with each synonym as its set's first term, filler words dropped. */
  fullText: string;
};

/** A lexicon ready to use: canonical(), clean() and stripFillers() over normalized text. */
export class Words {
  private readonly synonyms: Matcher;
  private readonly all: Matcher;
  private readonly fillerOnly: Matcher;
  /** Synonyms to their set's first term, word for word as written (no stems): what the full-text index holds. */
  private readonly asWritten: Matcher;

  constructor(lexicon: Lexicon) {
    const synonymPairs: [string, string][] = [];
    for (const set of lexicon.synonyms) {
      const canonical = stemmed(normalize(set[0]));
      for (const term of set) {
        synonymPairs.push([term, canonical]);
      }
    }
    const fillerPairs = lexicon.fillers.map((f): [string, string] => [f, '']);
    this.synonyms = matcher(synonymPairs);
    // Synonyms before fillers of the same length: "写错了" is a synonym, "了" a filler.
    this.all = matcher([...synonymPairs, ...fillerPairs]);
    this.fillerOnly = matcher(fillerPairs, false);
    this.asWritten = matcher(
      lexicon.synonyms.flatMap((set) => set.map((term): [string, string] => [term, normalize(set[0])])),
      false,
    );
  }

  /** Synonyms replaced by their set's first term, compared word by word on stems ("published" meets "publish"). */
  canonical(normalized: string): string {
    return replaceTerms(stemmed(normalized), this.synonyms, true);
  }

  clean(normalized: string): string {
    return replaceTerms(stemmed(normalized), this.all, true);
  }

  stripFillers(normalized: string): string {
    return replaceTerms(normalized, this.fillerOnly);
  }

  /**
   * Words for a full-text index: each synonym as its set's first term, as written. The build adds
   * that term to every record page that uses a term of the set (site/lib/search-data.ts indexWords()).
   */
  asIndexed(normalized: string): string {
    return replaceTerms(normalized, this.asWritten, true);
  }

  understand(query: string): Understanding {
    const n = normalize(query);
    const fullText = this.stripFillers(this.asIndexed(n)) || this.asIndexed(n) || n;
    return { canonical: this.canonical(n), clean: this.clean(n) || this.canonical(n), fullText };
  }
}

/**
 * The values a query gives a state field as the API writes them (`uploadingStatus 是 backuped`, `state=exit`,
 * `status: serviceAbnormal`, `outputs status became disconnected`): lower-cased. Such a value is what was seen.
 */
export function givenStateValues(query: string): Set<string> {
  const given = new Set<string>();
  for (const m of query.normalize('NFKC').matchAll(/(?:status|state)\s*(?:["']?\s*(?:[:=]|是|为|变成了?|变为|显示为?|一直是|返回了?)|\s(?:is|was|says|shows|becomes|became|turned|stays|stuck at))\s*["']?([a-z][a-z_]{2,})\b/gi)) {
    given.add(m[1].toLowerCase());
  }
  return given;
}

// ---------------------------------------------------------------------------
// Numbers that name a code

const HAN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_ONES: Record<string, number> = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const EN_TEENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_NUMBER_WORD = `(?:${[...Object.keys(EN_ONES), ...Object.keys(EN_TEENS), ...Object.keys(EN_TENS), 'hundred', 'and'].join('|')})`;
const EN_NUMBER_RUN = new RegExp(`\\b${EN_NUMBER_WORD}(?:[\\s-]+${EN_NUMBER_WORD})+\\b`, 'gi');

/** Chinese numerals as written or said: 四三三 and 五零一 digit by digit, 四百三十三, 一千零一, 六十五 by place. */
function hanNumber(run: string): string | undefined {
  if (!/[百千十]/.test(run)) return run.length >= 3 && run.length <= 4 && !run.includes('两') ? [...run].map((c) => HAN_DIGIT[c]).join('') : undefined;
  // By place: a digit before each of 千, 百 and 十 (十 alone, as in 十分钟, is left as written), 零 for a place skipped.
  const m = /^(?:([一二三四五六七八九两])千)?零?(?:([一二三四五六七八九两])百)?零?(?:([一二三四五六七八九])十)?([一二三四五六七八九])?$/.exec(run);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const value = (m[1] ? HAN_DIGIT[m[1]] * 1000 : 0) + (m[2] ? HAN_DIGIT[m[2]] * 100 : 0) + (m[3] ? HAN_DIGIT[m[3]] * 10 : 0) + (m[4] ? HAN_DIGIT[m[4]] : 0);
  return String(value);
}

/** The number below a hundred that words[i] starts (sixty five, twelve, four): its value and the next word's index. */
function belowHundred(words: readonly string[], i: number): [value: number, next: number] | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (EN_TENS[w] !== undefined) return EN_ONES[words[i + 1]] ? [EN_TENS[w] + EN_ONES[words[i + 1]], i + 2] : [EN_TENS[w], i + 1];
  if (EN_TEENS[w] !== undefined) return [EN_TEENS[w], i + 1];
  if (EN_ONES[w] !== undefined) return [EN_ONES[w], i + 1];
  return undefined;
}

/** English number words of two or more (four three three, sixty five, four hundred and thirty three, five oh two), as digits. */
function englishNumber(run: string): string | undefined {
  const words = run.toLowerCase().split(/[\s-]+/);
  let out = '';
  for (let i = 0; i < words.length; ) {
    // Four hundred (and) thirty three: one number.
    if (words[i + 1] === 'hundred' && EN_ONES[words[i]]) {
      const hundreds = EN_ONES[words[i]] * 100;
      const rest = belowHundred(words, i + (words[i + 2] === 'and' ? 3 : 2));
      out += String(hundreds + (rest?.[0] ?? 0));
      i = rest?.[1] ?? i + 2;
      continue;
    }
    // Else each number below a hundred in turn (four three three, four thirty three).
    const part = belowHundred(words, i);
    if (!part) return undefined;
    out += String(part[0]);
    i = part[1];
  }
  // A number no code has the length of (one, two: `one or two retries`) stays words; so does one that starts with `oh`.
  return out.length >= 2 && out.length <= 4 && !/^oh\b/i.test(run) ? out : undefined;
}

/**
 * A query with the numbers people spell out as digits: Chinese numerals (错误码四三三, 返回五零一, 四百三十三), English
 * number words (code sixty five, four three three) and characters typed or read one by one (c o d e 5 0 2, from a
 * screenshot or a voice input). Everything else is left as written.
 */
export function numbersAsDigits(query: string): string {
  return query
    .replace(/(^|\s)((?:[a-z0-9] ){2,}[a-z0-9])(?=\s|$)/gi, (whole, lead: string, run: string) => {
      // Letters joined into a word, digits into a number of a code's length: `c o d e 5 0 2` → `code 502`.
      const groups = run.split(' ').join('').match(/[a-z]+|\d+/gi) ?? [];
      return groups.every((g) => (/[a-z]/i.test(g) ? g.length >= 3 : g.length >= 2 && g.length <= 4)) ? lead + groups.join(' ') : whole;
    })
    .replace(/[零〇一二三四五六七八九两十百千]{2,}/g, (run) => {
      const digits = hanNumber(run);
      return digits === undefined ? run : ` ${digits} `;
    })
    .replace(EN_NUMBER_RUN, (run) => {
      // An `and` before or after the number is the sentence's (sixty five and it fails).
      const [, before, number, after] = /^((?:and[\s-]+)*)([\s\S]*?)((?:[\s-]+and)*)$/i.exec(run)!;
      const digits = englishNumber(number);
      return digits === undefined ? run : before + digits + after;
    });
}

/** Words after a number that make it an amount, not a code: "5 minutes", "64 字节", "10 次". */
const UNIT_WORDS =
  /^(?:ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|times?|bytes?|b|kb|mb|gb|chars?|characters?|requests?|reqs?|qps|per|x|percent|retries|retry|attempts?|tries|users?|tasks?|channels?|calls?|streams?|files?|people|members?|hosts?|instances?|workers?|concurrent)$/;
const HAN_UNITS = /^(?:秒|毫秒|分钟|分|小时|天|次|个|字节|字符|位|路|条|倍)/u;
/** The units of a time or a count of tries: after a status's name, the only ones that still make its number an amount. */
const TIME_WORDS = /^(?:ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|times?)$/;
const TIME_HAN = /^(?:秒|毫秒|分钟|分|小时|天|次)/u;

/** The reason phrase of each HTTP status the API answers with, as normalize() writes it. */
const REASON_PHRASES: Record<string, string> = {
  200: 'ok',
  201: 'created',
  206: 'partial content',
  400: 'bad request',
  401: 'unauthorized',
  404: 'not found',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

/** Words between an id's name and its value: uid 设成了 433, uid was 7, sid = 12. */
const ASSIGNED = /^(?:设成了?|设为|设置为|设置成|设的是|改成了?|填了?|填的是|用的是|是|为|is|was|set|to|as|equals?)$/;

/** What the words before a number say it is: an HTTP status, a recording status, a body code. */
export type NumberContext = 'http' | 'recording' | 'code' | undefined;

/**
 * `text` without the numbers of a log line that are never codes: dates, clock
 * times, time zones, thread names, IP addresses and versions (2026-03-02T08:11:45Z,
 * 10:02:33.118, 2026/05/12, +0800, [pool-2], 172.18.0.4, Go-http-client/1.1, v2.3.0):
 * 12:07:49 is not error 49, and 172.18.0.4 is not recording status 4.
 */
/**
 * The numbers of a request pasted with the answer (a body with `clientRequest`, curl's `-d '…'`): a uid, an hour, a
 * region, a layout's place — none is a code. The words stay (`resourceExpiredHour` names what was refused).
 */
export function withoutRequestNumbers(text: string): string {
  const out = text.replace(/(^|\s)(-d|--data(?:-raw|-binary)?|--json)(\s+)(['"])([\s\S]*?)\4/g, (_, lead: string, flag: string, gap: string, q: string, data: string) => `${lead}${flag}${gap}${q}${data.replace(/\d+/g, ' ')}${q}`);
  if (!/clientRequest/.test(out)) return out;
  // Each outermost object that holds `clientRequest`.
  let result = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '{') {
      if (depth === 0) {
        result += out.slice(start, i);
        start = i;
      }
      depth++;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      const object = out.slice(start, i + 1);
      result += /clientRequest/.test(object) ? object.replace(/\d+/g, ' ') : object;
      start = i + 1;
    }
  }
  const rest = out.slice(start);
  return result + (depth > 0 && /clientRequest/.test(rest) ? rest.replace(/\d+/g, ' ') : rest);
}

export function withoutLogNumbers(text: string): string {
  return (
    withoutRequestNumbers(text)
    // An HTTP status and a body code written together (400/53, 500:504): each said by its kind.
    .replace(/(^|[^\d/:.])([1-5]\d\d)\s*[/:]\s*(\d{1,4})(?![\d/:.])/g, '$1 http $2 code $3 ')
    // A code with a letter prefix (E1013, ERR433): a code.
    .replace(/\b(?:e|err|error)(\d{2,4})\b/gi, ' code $1 ')
    // A clock time: 凌晨2点, 8点半, 2 am, 11 p.m.
    .replace(/(^|\D)\d{1,2}\s*点(?:钟|半|整|\s*\d{1,2}\s*分)?/g, '$1 ')
    .replace(/\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/gi, ' ')
    // A date in Chinese: 2023 年 12 月 8 号, 12月8日, 3 月 5 号.
    .replace(/\d{2,4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}(?!\d)\s*[日号]?)?)?|\d{1,2}\s*月\s*\d{1,2}(?!\d)\s*[日号]?/g, ' ')
    .replace(/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T\s]+\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, ' ')
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b/g, ' ')
    // An access log's date (11/Mar/2025) and a time zone (+0800, UTC+8, GMT-05:00).
    .replace(/\b\d{1,2}\/[A-Za-z]{3}\/\d{4}\b|\s[+-]\d{4}\b|\b(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?(?!\d)/gi, ' ')
    // An IP address (and its port), a version: 172.18.0.4:8080, Go-http-client/1.1, v2.3.0. (HTTP/1.1 404 stays an
    // HTTP status: the words before 404 are still "http".)
    .replace(/(^|[^\w.])v?\d+(?:\.\d+){1,3}(?::\d+)?(?![\w.])/gi, '$1 ')
    // A function's arity in Elixir or Erlang: Recorder.stop/2, :gen_server.call/3.
    .replace(/\b([A-Za-z_]\w*\.[a-z_]\w*[!?]?)\/\d\b/g, '$1 ')
    // A thread's name in brackets: [pool-2], [rec-worker-3].
    .replace(/\[[\w.-]*-\d+\]/g, ' ')
    // A name ending in a number: UTF-8, ISO-8859-1, room-1, class-2031, exec-3, Player_77, shop_anchor_01 (not error-433 or http-404).
    .replace(/\b([A-Za-z]+)[-_](\d+)(?:[-_]\d+)*\b/g, (all, word: string) => (/^(?:code|error|err|http|status|errcode)$/i.test(word) ? all : `${word} `))
    // A share (3%), a number in a name (直播间8号, 3号房间), and a list of amounts with one unit (1、3、6 秒; 1, 3 and 6 s):
    // the list's last number keeps the unit, which says it is no code.
    .replace(/\d+(?:\.\d+)?\s*[%％]/g, ' ')
    // A quoted name with Chinese in it (channel “会议室1”): its number is part of the name.
    .replace(/[“"「『][^“”"「」『』\n]{0,40}[”"」』]/gu, (quoted) => (/\p{Script=Han}/u.test(quoted) ? quoted.replace(/\d+/g, ' ') : quoted))
    // (Not 433号错误: a code's number.)
    .replace(/(\p{Script=Han})\d{1,4}号(?!错|码|报错|状态)|(^|[^\d.])\d{1,4}号(?=\p{Script=Han})(?!错|码|报错|状态)/gu, '$1$2 ')
    .replace(/\b\d{1,5}(?:(?:\s*[,，、/]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*[和或]\s*)\d{1,5})+(?=\s*(?:s|ms|secs?|seconds?|minutes?|mins?|秒|毫秒|分钟)(?![A-Za-z]))/gi, (list) => ` ${/\d+$/.exec(list)?.[0]}`)
    // A position in a list: extensionServiceState[0], outputs[1].status.
    .replace(/([\w\]])\[\d{1,3}\]/g, '$1 ')
  );
}

/**
 * Whether a question asks how to do something (how do I …, can I …, 怎么 …, 能不能 …, …吗) rather
 * than what a code means: a guide may answer it better than any one record.
 */
export function asksHowTo(normalized: string): boolean {
  // How to get out of a problem (怎么办, how do I fix …) asks about the problem: its record answers.
  if (/怎么办|怎么搞|怎么弄|怎么回事|怎么解决|怎么处理|咋办|咋回事|如何解决|如何处理|(?:^|\s)how (?:do|can|should) (?:i|we) (?:fix|solve|resolve|handle|deal|avoid|stop|get rid)/.test(normalized)) return false;
  // Which error, code or status one gets asks for a record (which error code do I get, what error does it return,
  // 会返回什么, 报什么错, 哪个错误码).
  if (/(?:^|\s)(?:which|what) (?:\S+ )?(?:error|errors|code|codes|status|statuses|response)(?: code)? (?:\S+ ){0,8}?(?:get|gets|got|see|receive|return|returns|give|gives|throw|throws|raise|raises|show|shows|come back|comes back)(?:\s|$)|(?:返回|报|回传|回|得到|收到)(?:的是)?(?:什么|哪个|哪种)(?:错误|错|码|状态)?|是(?:什么|哪个|哪种)(?:错误码|状态码|错误|状态)/.test(normalized)) return false;
  return (
    /(?:^|\s)(?:how (?:do|can|should|to|would)|can (?:i|we|you|the|it|my|our|a|an)|should (?:i|we)|is it possible|what is the (?:right|best|correct) way|do (?:i|we) need)(?:\s|$)/.test(normalized) ||
    // Which of two to trust, how two things differ, whether something can be relied on, what one would like to do;
    // which of two a thing is (is that the recording service or the gateway); which codes, in general, call for what.
    /(?:^|\s)is (?:that|this|it) (?:\S+ ){1,5}or (?:\S+ ){0,3}\S+$|(?:^|\s)which (?:error codes|errors|codes|statuses|responses) (?:can|should|are|do|need|must|mean)(?:\s|$)|哪些(?:错误码|错误|错|码|状态码|状态|code|情况)|哪一?层|谁返回的|(?:是|来自)\S{0,6}网关还是|网关\S{0,6}还是/.test(normalized) ||
    /(?:^|\s)(?:which (?:one|of|should|do|is)|which \S+(?: \S+)? (?:should|do|does|is|to)|difference between|rely on|reliable|safe to|is it (?:ok|okay|safe)|(?:i|we) (?:want|would like) to)(?:\s|$)/.test(normalized) ||
    // Where something goes, whether it will work, what is needed, whether there is a way, whether what is seen is expected.
    /(?:^|\s)(?:where (?:do|does|should|can|is|are)|where (?:\S+ ){1,4}?(?:do|should|can) (?:i|we)|will (?:it|the|this|that|my|our|they|a|an)|(?:do|does) (?:all|every|each|the|i|we|you|it|my|our) (?:\S+ ){0,2}need|is there (?:a|an|any) (?:way|flag|option|setting|parameter|field|limit|quota)|is (?:that|this|it) (?:a bug|normal|expected|by design))(?:\s|$)/.test(normalized) ||
    // How often to do something (how often to poll query, query 多久查一次): a guide says.
    /(?:^|\s)how (?:often|frequently)(?:\s|$)|多久\S{0,4}一次|多长时间\S{0,4}一次|隔多久|每隔多久|频率多少|什么频率/.test(normalized) ||
    // What is recommended (推荐的退避间隔是几秒, what is the recommended backoff): a guide says.
    /(?:^|\s)(?:recommended|best practice|best practices)(?:\s|$)|推荐|最佳实践/.test(normalized) ||
    /怎么|如何|怎样|能不能|可不可以|能否|是否可以|要不要|该不该|会不会|(?:能|可以|需要|会)[^吗]{0,24}吗|能\S*多少|最多\S*多少|(?:应该|到底是)\S*(?:\s\S+){0,4}\s?\S*还是|是\S{1,8}还是(?!一样|不行|报|失败|没|不|老样子)|哪个|哪一个|一回事|区别|靠谱|可靠|靠得住|也想|我想|想要/.test(normalized)
  );
}

/** Words that say something went wrong: a question with them is about that problem (how do I get a new token after it expired). */
const PROBLEM = /(?:^|\s)(?:expire|expired|expires|fail|fails|failed|failing|error|errors|invalid|wrong|denied|rejected|refused|reject|refuse)(?:\s|$)|过期|失败|报错|错误|无效|不合法|拒绝|不行/;

/**
 * Whether a how-to question asks how to make or choose something (how do I build the Authorization header, 怎么选 uid),
 * not what to do about an error (should I retry): a guide holding all of its words answers it before a record holding
 * most of them by a name or keyword.
 */
export const asksProcedure = (normalized: string): boolean =>
  !PROBLEM.test(normalized) &&
  /(?:^|\s)how (?:do|can|should|to|would) (?:(?:i|we|you) )?(?:build|construct|create|generate|make|compose|assemble|set|set up|write|compute|encode|format|sign|pass|put|configure|choose|pick)(?:\s|$)|怎么(?:组|拼|生成|构造|构建|设置|配置|传|写|选|填)|如何(?:组|拼|生成|构造|构建|设置|配置|传|写|选|填)/.test(normalized);

/**
 * The numbers of a query that may be codes: every number not followed by a
 * unit, with what the words before it say: an HTTP status ("HTTP 404",
 * "status code 404", "HTTP/1.1 404", "状态码 404"; also any number of a query
 * about a URL, route or gateway), or a recording status ("status 5", "录制状态 8").
 */
export function codeNumbers(normalized: string): { value: string; context: NumberContext }[] {
  const words = normalized.split(' ');
  const out: { value: string; context: NumberContext }[] = [];
  const aboutGateway = /(?:^|\s)(?:url|endpoint|route|routes|gateway|nginx|proxy)(?:\s|$)|地址|路由|网关|路径/.test(normalized);
  words.forEach((w, i) => {
    const m = /^(\d{1,4})(\p{Script=Han}*)$/u.exec(w);
    // A code has no leading zero: 03 is part of a date or an id.
    if (!m || /^0\d/.test(m[1])) return;
    // HTTP/1.1 and HTTP/2: a version, not a code.
    if (/^\d$/.test(w) && (words[i - 1] === 'http' || (words[i - 2] === 'http' && /^\d$/.test(words[i - 1])))) return;
    // The value of an id, not a code: uid 0, sid 12, port 443, line 49, thread 7, uid 设成了 433, uid was 7.
    if (ID_WORDS.test(words[i - 1] ?? '') || (ASSIGNED.test(words[i - 1] ?? '') && ID_WORDS.test(words[i - 2] ?? ''))) return;
    const before = words.slice(Math.max(0, i - 3), i).join(' ');
    const said: NumberContext =
      /(?:^|\s)(?:http(?:\s\d(?:\s\d)?)?|http status(?: code)?|status code|(?:http )?response code|状态码|http 状态码)$/.test(before)
        ? 'http'
        : /(?:^|\s)(?:status|serverresponse status|录制状态|状态)$/.test(before) || /^(?:录制状态|状态)$/.test(words[i - 1] ?? '')
          ? 'recording'
          : /(?:^|\s)(?:code|error code|body code|错误码|code 是|code 为|code 等于|错误码是|返回码)$/.test(before)
            ? 'code'
            : undefined;
    // 400 Bad Request, 404 Not Found: a number with its own HTTP reason phrase is the HTTP status.
    const phrase = REASON_PHRASES[m[1]];
    const context: NumberContext = said ?? (phrase && words.slice(i + 1, i + 1 + phrase.split(' ').length).join(' ') === phrase ? 'http' : aboutGateway ? 'http' : undefined);
    // An amount (5 minutes, 64 字节, 10 次), unless the words before call it a code (code 53 task conflict).
    // (504 request timeout: a reason, not 504 requests.)
    const reasonNext = /^request time ?out(?:\s|$)/.test(words.slice(i + 1, i + 4).join(' '));
    // After a status's name, only a time makes it an amount (Go's `Status:20 FileListMode:` names a field next, not 20 files).
    const [units, han] = said ? [TIME_WORDS, TIME_HAN] : [UNIT_WORDS, HAN_UNITS];
    if (context !== 'code' && !reasonNext && (m[2] ? han.test(m[2]) : units.test(words[i + 1] ?? '') || han.test(words[i + 1] ?? ''))) return;
    // OkHttp's Response{code=400, message=Bad Request}: the code beside an HTTP reason phrase is the HTTP status.
    const told = context === 'code' && /^message (?:ok|created|partial content|bad request|unauthorized|forbidden|not found|method not allowed|conflict|too many requests|internal server error|bad gateway|service unavailable|gateway time ?out)(?:\s|$)/.test(words.slice(i + 1, i + 5).join(' ')) ? 'http' : context;
    out.push({ value: String(Number(m[1])), context: told });
  });
  return out;
}

// ---------------------------------------------------------------------------
// Pasted responses


/** What explain() reads: `{ status, body, method }`. */
export type ResponseInput = { status?: number; body?: unknown; method?: string; verb?: string };

/**
 * A key's string value in JSON, half a JSON, a JavaScript object as Node prints it
 * (`message: 'no Route matched'`) or a Python dict (`'reason': 'x'`).
 */
const jsonString = (key: string, text: string): string | undefined => {
  const m =
    // (An Elixir map or a Ruby hash: "reason" => "no recorded data".)
    new RegExp(`"${key}"\\s*(?::|=>)\\s*"((?:[^"\\\\]|\\\\.){0,300})"?`).exec(text) ??
    new RegExp(`(?:'${key}'|\\b${key})\\s*:\\s*'((?:[^'\\\\]|\\\\.){0,300})'?`).exec(text) ??
    // A JavaScript object as a client prints it with double quotes: data: { message: "Unauthorized" }.
    new RegExp(`\\b${key}\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,300})"?`).exec(text) ??
    // A key-value dump (logfmt, TOML, Java's toString): reason = "request not completed".
    new RegExp(`\\b${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.){1,300})"?`).exec(text) ??
    // A name unquoted (uploadingStatus=backuped).
    new RegExp(`\\b${key}\\s*=\\s*([A-Za-z_]\\w{0,60})\\b`).exec(text);
  if (!m) return undefined;
  try {
    return JSON.parse(`"${m[1].replace(/\\'/g, "'")}"`) as string;
  } catch {
    return m[1];
  }
};
const jsonNumber = (key: string, text: string): number | undefined => {
  const m = new RegExp(`(?:"${key}"|'${key}'|\\b${key})\\s*(?::|=>)\\s*["']?(\\d{1,9})\\b`).exec(text);
  if (m) return Number(m[1]);
  // A key-value dump (logfmt, TOML, Java's toString): code=1003, the last one, and not an HTTP client's response
  // (OkHttp's `Response{protocol=h2, code=401, …}`: that code is the HTTP status).
  const values = [...text.matchAll(new RegExp(`\\b${key}\\s*=\\s*"?(\\d{1,9})\\b`, 'g'))].filter((v) => !/Response\{[^}]*$/.test(text.slice(Math.max(0, v.index - 80), v.index)));
  return values.length ? Number(values.at(-1)![1]) : undefined;
};

/** The JSON object in `text`, whole or from its first `{` to its last `}`. */
function wholeJson(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) return undefined;
  try {
    const value = JSON.parse(text.slice(start, end + 1)) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    // A part of a body copied with its key and not the braces around it ("serverResponse":{…}, "subServiceStatus":{…}).
    const key = /"(serverResponse|subServiceStatus)"\s*:\s*$/.exec(text.slice(0, start))?.[1];
    return key === 'serverResponse' ? { serverResponse: value } : key ? { serverResponse: { subServiceStatus: value } } : (value as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

/**
 * A pasted response, or a piece of one, as explain() input; undefined when the
 * query does not look like one. Reads a whole JSON body, half a body
 * (`"code":433,"reason":"…`), keys without braces, an HTTP status line
 * (`HTTP/1.1 404 Not Found`), an HTML error page's title, and the method from
 * a pasted URL (`…/mode/mix/start`).
 */
export function readResponse(query: string): ResponseInput | undefined {
  // A body logged inside a quoted string keeps its quotes escaped: body="{\"code\":500}".
  const pasted = query.slice(0, 20_000).normalize('NFKC');
  const text = /\{\s*\\"/.test(pasted) ? pasted.replace(/\\"/g, '"') : pasted;
  const status =
    Number(/\bHTTP\/\d(?:\.\d)?\s+(\d{3})\b/i.exec(text)?.[1]) ||
    // An access log's line (nginx, Apache): "GET /v1/… HTTP/1.1" 429 37.
    Number(/\bHTTP\/\d(?:\.\d)?"\s+(\d{3})\s+(?:\d+|-)\b/i.exec(text)?.[1]) ||
    Number(/<(?:title|h1)>\s*(\d{3})\b/i.exec(text)?.[1]) ||
    Number(/"?\b(?:httpStatus|statusCode|status_code|http_status|status)"?\s*[=:]\s*(\d{3})\b/i.exec(text)?.[1]) ||
    // What HTTP clients print: "status code 404" (axios), "400 Client Error" (requests), "[401 Unauthorized]" (Feign).
    // .NET's HttpRequestException: "Response status code does not indicate success: 401 (Unauthorized)".
    Number(/\bstatus code (\d{3})\b|\b(\d{3}) (?:Client|Server) Error\b|\[(\d{3}) [A-Z][A-Za-z ]+\]|does not indicate success: (\d{3})\b/.exec(text)?.slice(1).find(Boolean)) ||
    undefined;
  const method = METHODS.find((m) => new RegExp(`/(?:mode/\\w+/)?${m}(?:[?\\s"'/\\]),]|$)`, 'i').test(text));
  // A request pasted with its verb and URL (`curl -X GET "…/stop"`, `POST …/query`) and a word of what came back (`then 404`).
  const verb = method && /(?:-X\s*|--request\s+|^|[\s"'])(GET|POST|PUT|DELETE|PATCH)\s+["']?(?:https?:\/\/|\/|\.{3})\S*(?:cloud_recording|\/resourceid\/)/i.exec(text)?.[1]?.toUpperCase();
  // Or said in words: the one method named, the verb it was sent with in capitals right after it, and the status
  // (`query 接口我用的 POST 请求，结果返回 404`); not where two methods are named (`stop 用 POST 成功，然后 query 返回 404`).
  const named = method ? [] : METHODS.filter((m) => new RegExp(`(?:^|[^\\w/])${m}(?:[^\\w/]|$)`, 'i').test(text));
  const said = named.length === 1 ? named[0] : undefined;
  const word = said && new RegExp(`${said}\\W{0,3}(?:\\S{0,8}\\s?){0,3}?\\b(GET|POST|PUT|DELETE|PATCH)\\b`, 'i').exec(text)?.[1];
  const saidVerb = word && word === word.toUpperCase() && wrongVerb(said, word) ? word : undefined;
  const answered =
    verb || saidVerb ? Number(/(?:then|got|returned|returns|->|→|返回|回来|然后|结果|得到|收到|报)\s*(?:了|一个|个|an?\b)?\s*(?:http\s*)?(\d{3})\b/i.exec(text)?.[1]) || undefined : undefined;
  if (saidVerb && answered === 404 && !/[{<]/.test(text)) return { status: 404, method: said, verb: saidVerb };
  const json = wholeJson(text);
  let body: unknown;
  // A request's body (it has `clientRequest`) is no answer.
  if (json && !('clientRequest' in json)) body = json;
  else if (/"(?:code|message|reason|serverResponse|uploadingStatus|status)"\s*(?::|=>)|\bserverResponse\.(?:status|uploadingStatus)\s*[=:]|\buploadingStatus\s*=\s*"?[a-z]|['{,]\s*'?(?:code|message|reason)'?\s*:\s*['"\d]|(?:^|[\s,{(])(?:code|err_?code|errorCode)\s*=\s*"?\d|\b(?:err_?code|errorCode)\s*:\s*"?\d/i.test(text)) {
    // (SDK wrappers and gateways rename them: errCode, err_msg.)
    const code = jsonNumber('code', text) ?? jsonNumber('errCode', text) ?? jsonNumber('err_code', text) ?? jsonNumber('errorCode', text);
    const message = jsonString('message', text);
    const reason = jsonString('reason', text) ?? jsonString('err_msg', text) ?? jsonString('errMsg', text);
    // (Or a log's dotted keys: http.status=200 serverResponse.status=20.)
    const dotted = /\bserverResponse\.status\s*[=:]\s*"?(\d{1,2})\b/.exec(text)?.[1];
    const recordingStatus = dotted !== undefined ? Number(dotted) : /"serverResponse"/.test(text) || /"status"\s*:\s*\d{1,2}\b/.test(text) ? jsonNumber('status', text) : undefined;
    const uploadingStatus = jsonString('uploadingStatus', text);
    const server = {
      ...(recordingStatus !== undefined && recordingStatus < 100 && { status: recordingStatus }),
      ...(uploadingStatus && { uploadingStatus }),
    };
    body = {
      ...(code !== undefined && { code }),
      ...(message && { message }),
      ...(reason && { reason }),
      ...(Object.keys(server).length && { serverResponse: server }),
    };
    if (!Object.keys(body as object).length) body = undefined;
  } else if (/<html|<!doctype/i.test(text)) body = text;
  const seen = status ?? answered;
  if (body === undefined && seen === undefined) return undefined;
  return { ...(seen !== undefined && { status: seen }), ...(body !== undefined && { body }), ...(method && { method }), ...(verb && { verb }) };
}
