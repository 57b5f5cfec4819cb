/**
 * The site's search, as one module: the search page, the home page's search
 * box and other sites (examples/support-portal.html loads it from
 * /search/engine.js) all ask it the same way and get the same answers.
 *
 *   const search = createSearch({ lang: 'en', site: 'https://…' });
 *   const run = search.run(query);
 *   await run.pinned;    // step 1: the records the query names, before Pagefind has loaded
 *   await run.results;   // step 2: the same records first, then Pagefind's pages and the
 *                        //         relaxed search's records under them (no page twice)
 *
 * Step 1 needs only the search's own small files (the lexicon, the token files
 * of the query's words, an entry file or two), whatever the size of the
 * catalog; a page shows it at once and replaces it with step 2, which starts
 * with the same records in the same order.
 *
 * Order: a pasted response's records (read by the package's own
 * readResponse(), the reading explain() makes, and found in the search's own
 * files: body code before HTTP status unless the response is about its status), codes the
 * query contains, records whose names it contains (longest, rarest first);
 * then Pagefind's full-text results for the query's words (filler words
 * dropped) ranked with the relaxed search (each word on its own, Chinese in
 * two-character pieces, by rarity and weight); when Pagefind finds fewer than
 * three pages, the relaxed search's records are shown apart, as closest
 * matches. Nothing here touches the DOM but <html lang>,
 * which Pagefind reads to choose its index.
 */
import { editDistance } from '../../src/nearest.ts';
import { readResponse as readPackageResponse, type NamedValue } from '../../src/response.ts';
import { GatewayMessage } from '../../src/constants.ts';
import { METHODS, wrongVerb } from '../../src/records.ts';
import { decidingState } from '../../src/outcome.ts';
import { HTML_LANG } from '../lib/i18n.ts';
import { camelNames, codeMatches, FIELDS, type Field, pinMatches, postingsFor, relaxedScores, type SearchEntry, type SearchLexicon, type Shard, pageFileOf, spellings, tokenFileOf, typoNames } from './pin.ts';
import { asksHowTo, asksProcedure, codeNumbers, givenStateValues, hanChars, hasHan, type Lang, normalize, numbersAsDigits, readResponse, type ResponseInput, tokens, withoutLogNumbers, Words } from './query.ts';

export type { Lang } from './query.ts';

/** One result: what it is (kind), its code and title, one line about it. */
export type Hit = {
  /** Absolute URL of the page. */
  url: string;
  /** The page's path on the site (/en/errors/433/). */
  path: string;
  code: string;
  title: string;
  /** The kind, in words (Error code, HTTP status, Guide …). */
  kind: string;
  /** The kind as the catalog names it (error-code, http-status …), or guide. */
  type: string;
  /** The record's one-line summary, or a guide's description. */
  summary: string;
  /** Pagefind's excerpt (escaped HTML with <mark>) for a page the search has no entry for; '' for every other (its summary says what it is). */
  excerpt: string;
  /** named: the query names it; text: found by all its words; closest: a closest match. */
  how: 'named' | 'text' | 'closest';
};

export type Results = {
  /** The first results: named records, then Pagefind's, up to a page. */
  hits: Hit[];
  /** Closest matches (the relaxed search), when the words found fewer than three pages. */
  closest: Hit[];
  /** How many more of Pagefind's results more() can still give. */
  remaining: number;
  more(count: number): Promise<Hit[]>;
  /** The query's words as understood (filler words dropped), for highlighting. */
  terms: string[];
  /** A method or kind the query names, for a filtered view of the whole table. */
  filter?: { method?: string; kind?: string };
};

/**
 * A search in two steps: `pinned`, the records the query names (shown at once,
 * before Pagefind loads); `results`, everything, starting with those same records.
 */
export type Run = { pinned: Promise<Hit[]>; results: Promise<Results> };

export type SiteSearch = {
  lang: Lang;
  run(query: string): Run;
  /** Start loading what a first search needs (Pagefind, its WebAssembly, the lexicon). */
  warm(): void;
};

type PagefindResult = { id: string; score: number; data(): Promise<PagefindData> };
type PagefindData = { url: string; excerpt: string; meta: Record<string, string | undefined>; filters?: Record<string, string[]> };
type PagefindInstance = {
  init(): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
};
type PagefindModule = { createInstance(o: Record<string, unknown>): PagefindInstance };

/** Words that compare two things: the query asks which of them fits. */
const COMPARES = /(?:^|\s)(?:vs|versus|or|difference|differ|which one|which of)(?:\s|$)|区别|不同|还是|哪个|哪一个|对比/;

/** Results in a page. */
export const PAGE = 10;
const CLOSEST = 8;
/** Pagefind's pages in the first results (each an entry file to read, or a fragment for a page without an entry); more() gives the others. */
const TEXT_PAGES = 5;
/** A relaxed match joins the first results when it scores this share of the best and covers this share of the query. */
const STRONG = 0.5;
const COVERAGE = 0.5;
/** Records that match this share of the query's words (by rarity): half a page of them answers it without Pagefind. */
const FITS = 0.9;
/** What being among Pagefind's first results is worth next to the best relaxed score (1). */
const PAGEFIND_WEIGHT = 0.8;
/** How much of that the relaxed search takes back as its best record covers more of the query (all of it: a quarter is left). */
const PAGEFIND_YIELD = 0.75;
/** How much better than every record a query names a record must fit it to be the more precise name of one (1028 for `invalid parameter`). */
const SPECIFIC = 1.5;
/** A page that holds this share of a query's words ranks above one that scores higher holding only a sliver of them (a rare word). */
const HOLDS_MOST = 2 / 3;
const SLIVER = 1 / 4;
/** …or, a guide in a how-to question, every one of them where the best scoring holds less than half (App Certificate, start, token); where the question asks how to make or choose something (asksProcedure), less than all. */
const HALF = 1 / 2;
/** How much more a guide weighs for a question of how to do something. */
const GUIDE_FOR_HOW_TO = 2.2;

let pagefindModule: Promise<PagefindModule> | undefined;

/** The search of one language of the site at `site` ('' for this site). */
export function createSearch({ lang, site = '' }: { lang: Lang; site?: string }): SiteSearch {
  const root = site.replace(/\/$/, '');
  const files = new Map<string, Promise<unknown>>();
  const load = <T>(name: string): Promise<T> => {
    if (!files.has(name)) {
      const loading = fetch(`${root}/search/${lang}/${name}.json`).then((r) => {
        if (!r.ok) throw new Error(`${r.status} for /search/${lang}/${name}.json`);
        return r.json() as Promise<T>;
      });
      files.set(name, loading);
      loading.catch(() => files.delete(name));
    }
    return files.get(name) as Promise<T>;
  };
  let lexicon: Promise<{ head: SearchLexicon; words: Words }> | undefined;
  const lexiconOnce = () =>
    (lexicon ??= load<SearchLexicon>('lexicon').then((head) => ({ head, words: new Words(head) })));

  let pagefind: Promise<PagefindInstance> | undefined;
  const pagefindOnce = () =>
    (pagefind ??= (async () => {
      pagefindModule ??= import(/* @vite-ignore */ `${root}/pagefind/pagefind.js`) as Promise<PagefindModule>;
      const pf = await pagefindModule;
      // Pagefind picks its index by <html lang>, read when an instance is created (and kept):
      // set for that moment only, so a page that changes its own language meanwhile keeps it.
      const html = document.documentElement;
      const before = html.getAttribute('lang');
      html.setAttribute('lang', HTML_LANG[lang]);
      let instance: PagefindInstance;
      try {
        instance = pf.createInstance({
          basePath: `${root}/pagefind/`,
          ...(root && { baseUrl: `${root}/` }),
          // In the page, not in Pagefind's web worker: its script is another ~13 KB before a first search.
          noWorker: true,
          ranking: { termSimilarity: 3, pageLength: 0.3, termFrequency: 0.6 },
        });
      } finally {
        if (before === null) html.removeAttribute('lang');
        else html.setAttribute('lang', before);
      }
      await instance.init();
      return instance;
    })());

  const origin = root || (typeof location === 'undefined' ? '' : location.origin);
  const absolute = (path: string) => new URL(path, `${origin}/`).href;
  const pathOf = (url: string) => {
    const u = new URL(url, `${origin}/`);
    return (u.origin === new URL(`${origin}/`).origin ? u.pathname : u.href).replace(/index\.html$/, '');
  };

  const entryHit = (e: SearchEntry, how: Hit['how']): Hit => ({
    url: absolute(e.u),
    path: e.u,
    code: e.c,
    title: e.t,
    kind: e.kl,
    type: e.k,
    summary: e.s,
    excerpt: '',
    how,
  });

  const run = (typed: string): Run => {
    // Full-width forms as ASCII, and numbers spelled out (错误码四三三, code sixty five, c o d e 5 0 2) as digits; a pasted body as it is.
    const query = typed.includes('{"') ? typed : numbersAsDigits(typed.normalize('NFKC'));
    const understood = lexiconOnce().then(async ({ head, words }) => {
      const u = words.understand(query);
      const normalized = normalize(query);
      const response = readResponse(query);
      // Stemmed words with synonyms (with and without filler words), without synonyms (constants),
      // and the words as written (state names).
      const sequences = [tokens(u.canonical), tokens(u.clean), tokens(normalized), normalized.split(' ').filter((w) => w && !hasHan(w))];
      // A body code the words name decides before an HTTP status they name (as in explain()).
      // A number the query says is not the case (也不是 401, not 401 but 400) names nothing.
      const numbers = codeNumbers(normalize(withoutLogNumbers(query)))
        .filter((n) => !negated(normalized, n.value))
        .sort((a, b) => Number(b.context === 'code') - Number(a.context === 'code'));
      const tokenFile = (t: string) => load<Record<string, Shard>>(tokenFileOf(t, head));
      const loaded = new Map<string, Record<string, Shard>>();
      const loadAll = (list: Iterable<string>) => Promise.all([...list].map(async (t) => loaded.set(t, await tokenFile(t))));
      const fileOf = (t: string) => loaded.get(t);
      const shard = (t: string) => {
        const f = loaded.get(t);
        return f && Object.hasOwn(f, t) ? f[t] : undefined;
      };
      const chars = hanChars(words.stripFillers(normalized));
      await loadAll(new Set([...sequences.flat(), ...chars, ...numbers.map((n) => n.value)]));
      // A word of a name written with a typo (invaild appid): the name's word, so that the name is still named.
      const spelled = spellings(sequences.slice(0, 3).flat(), fileOf);
      const respelled = spelled.size ? sequences.map((sequence, s) => (s < 3 ? sequence.map((t) => spelled.get(t) ?? t) : sequence)) : undefined;
      await loadAll(spelled.values());
      const entry = async (n: number) =>
        (await load<SearchEntry[]>(`e${Math.floor(n / head.entriesPerFile)}`))[n % head.entriesPerFile];
      // A number that is not a code (a date, an id, a port, a position in a list) says nothing of any record.
      const codes = new Set(numbers.map((n) => n.value));
      const queryWords = tokens(u.clean).filter((t) => !/^\d+$/.test(t) || codes.has(String(Number(t))));
      const scores = relaxedScores([...queryWords, ...chars], fileOf, head.records);
      // A question of how to do something, with no code or response in it: guides weigh more (they are the last entries).
      // A number that is no record's code ("user_42", a count) does not make it a question about a code.
      const firstGuide = head.records - (head.guides ?? 0);
      // In a how-to question, a small number no word calls a status (uid 0, "1 or 3") names a recording status only by chance: it is a value.
      const asks = asksHowTo(normalized) && !response;
      const kindsOf = async (value: string) => Promise.all(codeMatches(value, shard).map(async (n) => (await entry(n)).k));
      const values = new Set<string>();
      if (asks) for (const n of numbers) if (n.context === undefined && (await kindsOf(n.value)).every((k) => k === 'recording-status')) values.add(n.value);
      const howTo = asks && !numbers.some((n) => !values.has(n.value) && codeMatches(n.value, shard).length);
      const procedure = howTo && asksProcedure(normalized);
      const weighed = howTo ? scores.map((r) => (r.entry >= firstGuide ? { ...r, score: r.score * GUIDE_FOR_HOW_TO } : r)) : scores;
      // A page holding most of the query's words fits it better than one that scores higher by a rare word or two of it
      // (a question on webhooks that arrive twice: the guide on notifications, not the records of a request sent twice).
      const lead = weighed.reduce<(typeof weighed)[number] | undefined>((a, r) => (a && a.score >= r.score ? a : r), undefined);
      const relaxed = weighed
        .map((r) =>
          lead && ((r.coverage >= HOLDS_MOST && lead.coverage <= SLIVER) || (howTo && r.entry >= firstGuide && r.coverage >= 1 && lead.coverage < (procedure ? 1 : HALF))) && r.score < lead.score
            ? { ...r, score: lead.score * (1 + r.coverage / 100 + r.score / lead.score / 1000) }
            : r,
        )
        .sort((a, b) => b.score - a.score || a.entry - b.entry);
      // Nothing but filler words ("the and of", "的 了 吗"): nothing to look for.
      const empty = !words.clean(normalized).trim() && !numbers.length && !response && !constantsIn(query).length;
      // A how-to question the best fitting page of which is a guide: that guide answers it before any record its words name.
      const guideFirst = howTo && relaxed[0] !== undefined && relaxed[0].entry >= firstGuide ? relaxed[0].entry : undefined;
      return { head, words, u, normalized, response, sequences, spelled, respelled, numbers: howTo ? numbers.filter((n) => !values.has(n.value)) : numbers, shard, fileOf, entry, tokenFile, relaxed, empty, guideFirst, firstGuide };
    });

    const pinned = understood.then(async (q) => {
      if (q.empty) return [];
      const order: number[] = [];
      const add = (n: number) => void (order.includes(n) || order.push(n));
      // How well each record matches all of the query's words: breaks ties between names.
      const relaxed = new Map(q.relaxed.map((r) => [r.entry, r.score]));
      const byRelaxed = (a: number, b: number) => (relaxed.get(b) ?? 0) - (relaxed.get(a) ?? 0);
      // 1. A pasted response, read as the package's explain() reads it; a constant
      //    (RESOURCE_ID_EXPIRED, ErrorCode.TASK_CONFLICT), as its lookup() reads it.
      const index: NameIndex = { words: q.words, entry: q.entry, tokenFile: q.tokenFile };
      if (q.response) for (const n of await responseEntries(q.response, index)) add(n);
      for (const name of constantsIn(query)) for (const n of await constantEntries(name, q.head.constantGroups, index)) add(n);
      // 2. A name that is the whole query (a message or title pasted alone), before any number in it.
      const pins = pinMatches(q.sequences, q.shard, [false, false, false, hasHan(q.normalized)]);
      // And the names the query holds once a word written with a typo is the name's (invaild appid): those a corrected
      // word is part of, beside what the words as written name (a real word the index lacks stays one).
      if (q.respelled) {
        const fixed = [...q.spelled.values()];
        for (const p of pinMatches(q.respelled, q.shard, [false, false, false, hasHan(q.normalized)])) {
          if (fixed.some((w) => ` ${p.phrase} `.includes(` ${w} `)) && !pins.some((x) => x.entry === p.entry && x.field === p.field)) pins.push(p);
        }
      }
      // A state name written with a typo (uploded); a name the API writes in camelCase, copied (serviceCompleted) or
      // with a typo (serviceAbnormol).
      const camel = (query.match(/[a-z]+(?:[A-Z][a-z0-9]*)+/g) ?? []).map((w): [string, string] => [w.toLowerCase(), normalize(w).split(' ')[0]]);
      const copied = [...typoNames(q.sequences[3], q.fileOf), ...camelNames(camel, q.shard)];
      pins.push(...copied);
      // So is a state's value the query gives its field as the API writes it (uploadingStatus 是 backuped, state=exit), and
      // a reason or message in English words inside a Chinese question (收到 already started): copied from a response.
      const given = givenStateValues(query);
      const han = hasHan(q.normalized);
      copied.push(...pins.filter((p) => (p.field === 'id' && given.has(p.phrase)) || (han && (p.field === 'reason' || p.field === 'message') && /^[a-z]+(?: [a-z]+)+$/.test(p.phrase))));
      // A name the query says is not the case ("why is it not publishing", "不是 disconnected") is what was expected,
      // not what was seen: it names nothing.
      for (let i = pins.length - 1; i >= 0; i--) if (negated(q.normalized, pins[i].phrase)) pins.splice(i, 1);
      // Each name's kind, read once.
      const kinds = new Map(await Promise.all(pins.map(async (p) => [p, (await q.entry(p.entry)).k] as const)));
      const level = (score: number) => Math.floor(score / 5);
      // A reason is its body code's before an HTTP status's that quotes it (`failed to find worker`: body code 404).
      const bodyReason = (p: (typeof pins)[number]) => Number(p.field === 'reason' && kinds.get(p) === 'error-code');
      const byPin = (a: (typeof pins)[number], b: (typeof pins)[number]) => level(b.score) - level(a.score) || bodyReason(b) - bodyReason(a) || byRelaxed(a.entry, b.entry) || b.score - a.score;
      // A reason copied as the service writes it, in snake_case, is its body code's (invalid_appid: 400's, not the gateway
      // message `invalid appid`), before any other name.
      // (With a typo in one of its words, as the name's word: no_worker_manager_availble.)
      const snake = new Set((query.toLowerCase().match(/[a-z]+(?:_[a-z]+)+/g) ?? []).flatMap((w) => [w, w.split('_').map((part) => q.spelled.get(part) ?? part).join('_')]));
      const asWritten = (p: (typeof pins)[number]) => [...snake].some((w) => ` ${p.phrase} `.includes(` ${w.replace(/_/g, ' ')} `));
      for (const p of pins.filter(asWritten).sort(byPin)) if (kinds.get(p) === 'error-code') add(p.entry);
      pins.filter((p) => p.whole && p.field !== 'code').sort(byPin).forEach((p) => add(p.entry));
      // A gateway's message quoted in the query ("404 no Route matched with those values") says which case of its HTTP
      // status this is: it comes before the numbers — when no other record its words name fits the query better
      // (`invalid_appid` in a body is the reason of body code 400 more than the message `invalid appid`).
      const bestFit = q.relaxed[0]?.score ?? 0;
      // (Not the HTTP status a message comes with, named by its number or by that message, which its page quotes.)
      const bestPinned = Math.max(0, ...pins.filter((p) => kinds.get(p) !== 'http-status').map((p) => relaxed.get(p.entry) ?? 0));
      const messages = pins.filter((p) => (p.field === 'message' || p.field === 'id') && !asWritten(p) && (relaxed.get(p.entry) ?? 0) >= Math.max(bestPinned, bestFit * STRONG)).sort(byPin);
      // So does a body code's reason quoted beside the HTTP status it comes with (HTTP 500 "Failed to allocate worker": 502).
      for (const p of messages) if (kinds.get(p) === 'message-error') add(p.entry);
      // (A number the words do not call a body code: `stop answered 206 with no recorded data` names 435 by its reason.)
      if (q.numbers.some((n) => n.context !== 'code')) {
        for (const p of pins.filter((p) => p.field === 'reason' && (relaxed.get(p.entry) ?? 0) >= Math.max(bestPinned, bestFit * STRONG)).sort(byPin)) {
          if (kinds.get(p) === 'error-code') add(p.entry);
        }
      }
      // 3. Codes: the kind the words before the number name; else the record the other words fit
      //    best; else body codes before HTTP statuses.
      //    HTTP 200 says only that the request went through: a name beside it ("stop answered 200 but
      //    uploadingStatus is backuped") says more, so 200 comes after the names.
      const afterNames: number[] = [];
      // Two codes compared (49 vs 435, 433 和 432 有啥区别, status 6 vs 7 vs 8, which one …): the one the other words fit best first.
      const compared = q.numbers.length > 1 && COMPARES.test(q.normalized);
      const fitOf = (value: string) => Math.max(0, ...codeMatches(value, q.shard).map((n) => relaxed.get(n) ?? 0));
      const numbers = compared ? [...q.numbers].sort((a, b) => fitOf(b.value) - fitOf(a.value)) : q.numbers;
      for (const { value, context } of numbers) {
        const found = await Promise.all(codeMatches(value, q.shard).map(async (n) => ({ n, e: await q.entry(n) })));
        if (value === '200' && pins.length && found.every((x) => x.e.k === 'http-status')) {
          afterNames.push(...found.map((x) => x.n));
          continue;
        }
        const named = (k: string) => (context === 'http' ? k === 'http-status' : context === 'recording' ? k === 'recording-status' : context === 'code' ? k === 'error-code' : false);
        // A status with its HTTP reason phrase ("502 Bad Gateway", a proxy's page) that the catalog has no record of is
        // not the body code of that number.
        if (context === 'http' && !found.some((x) => named(x.e.k)) && withReasonPhrase(q.normalized, value)) continue;
        const kindRank = (k: string) => (named(k) ? 0 : k === 'error-code' ? 1 : k === 'http-status' ? 2 : 3);
        // The kind the words name, when the number has one of that kind ("code 7" is no recording status).
        const kept = found.some((x) => named(x.e.k)) ? found.filter((x) => named(x.e.k)) : found;
        kept
          .sort((a, b) => byRelaxed(a.n, b.n) || kindRank(a.e.k) - kindRank(b.e.k) || a.n - b.n)
          .forEach(({ n }) => add(n));
      }
      // 4. Names the query contains: longest, then rarest, then the best fit to all its words;
      //    not a record that fits the query's words far worse than another (a name of a family,
      //    "web page recording", in a question about a channel name's length).
      //    A name copied as the API writes it (serviceCompleted, in camelCase) or with a typo (serviceAbnormol) is what
      //    the question is about, however well other records fit its other words: before a guide.
      pins.filter((p) => copied.includes(p)).sort(byPin).forEach((p) => add(p.entry));
      if (q.guideFirst !== undefined) add(q.guideFirst);
      // A name shared by a family ("invalid parameter": body code 2, HTTP 400) is said more precisely by a record whose
      // title holds it and whose other words the query has too (the layout's invalid parameter, 1028): that record,
      // when it fits the query far better than every record named, comes first.
      const top = q.relaxed[0];
      const named = Math.max(0, ...pins.map((p) => relaxed.get(p.entry) ?? 0));
      if (top && top.entry < q.firstGuide && top.score >= named * SPECIFIC && !pins.some((p) => p.entry === top.entry)) {
        const title = ` ${tokens(q.words.understand((await q.entry(top.entry)).t).canonical).join(' ')} `;
        if (pins.some((p) => title.includes(` ${p.phrase} `))) add(top.entry);
      }
      pins
        .filter((p) => (relaxed.get(p.entry) ?? 0) >= bestFit * STRONG)
        .sort(byPin)
        .forEach((p) => add(p.entry));
      afterNames.forEach(add);
      return Promise.all(order.slice(0, PAGE).map(async (n) => entryHit(await q.entry(n), 'named')));
    });

    const results = understood.then(async (q): Promise<Results> => {
      if (q.empty) return { hits: [], closest: [], remaining: 0, more: async () => [], terms: [] };
      const first = await pinned;
      // Let the page paint the named records before Pagefind's script and WebAssembly are fetched: they are the answer, Pagefind's pages follow.
      if (first.length && typeof requestAnimationFrame === 'function') await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      const seen = new Set(first.map((h) => h.path));
      const sent = rarestWords(
        q.response ? responseWords(q.response) || q.u.fullText : q.u.fullText,
        lang,
        (t) => recordsWith(t, q.fileOf),
        q.head.pagefind?.chunks,
        q.head.records,
        (t) => postingsFor(t, q.fileOf(t)).length > 0,
      );
      const fullText = sent.text;
      // Pagefind's full-text search, once the named records are known (they are shown before it loads).
      let found: PagefindResult[] = [];
      let searched: Promise<void> | undefined;
      const searchText = () =>
        (searched ??= (async () => {
          try {
            found = fullText ? ((await (await pagefindOnce()).search(fullText))?.results ?? []) : [];
            // Pagefind answers a word no page has with the pages of its longest prefix that one has ("asdkjh" → "as"):
            // checked on a short query (keyboard mashing), from its first page's fragment — a question downloads none.
            const short = q.u.fullText.split(' ').filter(Boolean).length <= 3;
            if (short && found.length && (await onlyPrefixMatched(fullText, found[0], (t) => postingsFor(t, q.fileOf(t)).length > 0))) found = [];
          } catch (error) {
            console.warn('search index unavailable', error);
          }
        })());
      // The query names records, or its words alone fit some records well: those lead, and the
      // closest matches are not needed.
      const best = q.relaxed[0]?.score ?? 0;
      const fitting = q.relaxed.filter((r) => r.score >= best * STRONG && r.coverage >= FITS);
      const named = first.length > 0 || fitting.length >= PAGE / 2;
      await searchText();
      const toHit = (d: PagefindData): Hit => {
        const path = pathOf(d.url);
        return { url: absolute(d.url), path, code: d.meta.code ?? '', title: d.meta.title ?? path, kind: d.meta.kind ?? '', type: d.filters?.kind?.[0] ?? '', summary: d.meta.summary ?? '', excerpt: d.excerpt, how: 'text' };
      };
      // The search entry of each page shown that has one; whether a page was shown without one.
      const entryOf = new Map<string, number>();
      let withoutEntries = false;
      let next = 0;
      const more = async (count: number): Promise<Hit[]> => {
        await searchText();
        const out: Hit[] = [];
        while (out.length < count && next < found.length) {
          const batch = found.slice(next, next + count - out.length);
          next += batch.length;
          // A page the search has an entry for is shown from that entry: no fragment to download.
          const pageHit = async (r: PagefindResult) => {
            const layout = q.head.pagefind;
            const pages = layout ? await load<Record<string, number>>(pageFileOf(r.id, layout.pageFiles)).catch(() => undefined) : undefined;
            const n = pages?.[r.id];
            if (n === undefined) {
              withoutEntries = true;
              return toHit(await r.data());
            }
            const hit = entryHit(await q.entry(n), 'text');
            entryOf.set(hit.path, n);
            return hit;
          };
          for (const hit of await Promise.all(batch.map(pageHit))) {
            if (seen.has(hit.path)) continue;
            seen.add(hit.path);
            out.push(hit);
          }
        }
        return out;
      };
      // Pagefind's first page and the relaxed search's best records, ranked together: a page
      // both find first, then by relaxed score (rarity × weight) and Pagefind's order. When the
      // query names records or its words fit some well, the relaxed search's records follow
      // them and Pagefind's pages come under those. When fewer than three pages have all the
      // words, the relaxed search's records are the closest matches instead, shown apart.
      const few = !named && found.length < 3;
      const room = Math.max(0, PAGE - first.length);
      // Pagefind's pages (a fragment to download for a page without a search entry): the first step takes a few, more() the rest.
      const textHits = named ? [] : await more(Math.min(room, TEXT_PAGES));
      // Strong: close to the best score, and covering the query's words — half of them, or (the
      // words of a long question being many) half as many as the best record covers.
      const bestCoverage = q.relaxed[0]?.coverage ?? 0;
      const strong = few ? [] : q.relaxed.filter((r) => r.score >= best * STRONG && r.coverage >= Math.min(COVERAGE, bestCoverage * STRONG)).slice(0, PAGE);
      const strongHits = await Promise.all(strong.map(async (r) => ({ r, e: await q.entry(r.entry) })));
      const relaxedOf = new Map(q.relaxed.map((r) => [r.entry, r.score / (best || 1)]));
      const scored = new Map<string, { hit: Hit; score: number }>();
      // Pagefind's order is worth as much as the words it was given say of the query.
      // And as much as the relaxed search leaves open: little when its best record covers most of the query.
      const pagefindWeight = PAGEFIND_WEIGHT * sent.share * (1 - bestCoverage * PAGEFIND_YIELD);
      textHits.forEach((hit, i) => scored.set(hit.path, { hit, score: pagefindWeight * (1 - i / (2 * PAGE)) }));
      // Records Pagefind found get their relaxed score too, when among the relaxed search's first.
      const top = new Set(q.relaxed.slice(0, PAGE + 2).map((r) => r.entry));
      for (const { r, e } of strongHits) entryOf.set(e.u, r.entry);
      if (withoutEntries) await Promise.all([...top].map(async (n) => entryOf.set((await q.entry(n)).u, n)));
      const entryOfPath = new Map([...entryOf].filter(([, n]) => top.has(n)));
      for (const [path, item] of scored) {
        const n = entryOfPath.get(path);
        if (n !== undefined) item.score += relaxedOf.get(n) ?? 0;
      }
      for (const { r, e } of strongHits) {
        if (seen.has(e.u) && !scored.has(e.u)) continue;
        const had = scored.get(e.u);
        if (!had) scored.set(e.u, { hit: entryHit(e, 'closest'), score: relaxedOf.get(r.entry) ?? 0 });
      }
      const ranked: Hit[] = [...scored.values()].sort((a, b) => b.score - a.score).map((x) => ({ ...x.hit, how: x.hit.how === 'closest' ? ('text' as const) : x.hit.how }));
      ranked.forEach((h) => seen.add(h.path));
      if (named) ranked.push(...(await more(Math.min(TEXT_PAGES, Math.max(0, room - ranked.length)))));
      // Fewer than three pages have all the words: the closest matches follow, under a line that
      // says so. One of those few pages that fits the query's words much worse than the best
      // record (Chinese is matched by pieces, so "all the words" can be a stray hit) joins them.
      let closest: Hit[] = [];
      let kept = ranked;
      if (few) {
        const relaxedFit = (h: Hit) => {
          const n = entryOfPath.get(h.path);
          return n === undefined ? 0 : (relaxedOf.get(n) ?? 0);
        };
        kept = best ? ranked.filter((h) => relaxedFit(h) >= STRONG) : ranked;
        const stray = ranked.filter((h) => !kept.includes(h));
        stray.forEach((h) => seen.delete(h.path));
        const rest = q.relaxed.slice(0, CLOSEST + PAGE);
        const entries = await Promise.all(rest.map((r) => q.entry(r.entry)));
        closest = entries
          .filter((e) => !seen.has(e.u))
          .slice(0, CLOSEST)
          .map((e) => {
            seen.add(e.u);
            return entryHit(e, 'closest');
          });
        for (const h of stray) {
          if (seen.has(h.path)) continue;
          seen.add(h.path);
          closest.push({ ...h, how: 'closest' });
        }
      }
      const hits = [...first, ...kept].slice(0, Math.max(PAGE, first.length));
      const terms = [...new Set(q.u.fullText.split(' ').filter((t) => t.length > 1 || /\p{Script=Han}/u.test(t)))];
      const method = METHODS.find((m) => q.normalized.split(' ').includes(m.toLowerCase()) || q.response?.method === m);
      return {
        hits,
        closest,
        get remaining() {
          return found.length - next;
        },
        more,
        terms,
        ...(method && { filter: { method } }),
      };
    });
    return { pinned, results };
  };

  return {
    lang,
    run,
    warm() {
      void lexiconOnce().catch(() => undefined);
      void pagefindOnce().catch(() => undefined);
    },
  };
}

/**
 * At most this many words go to Pagefind, all in one index chunk: each chunk
 * is a download of ~25 KB gzipped, so a long question would fetch most of the
 * index. The relaxed search ranks by all the words anyway.
 */
const FULL_TEXT_WORDS = 2;

/**
 * The index chunks Pagefind loads for `word`: the chunks whose word range
 * holds it, else those whose range holds it cut to the range's length (its
 * strict and loose checks), for the word and for the shorter forms its
 * stemmer may make of it (the ranges are on stemmed words).
 */
export function chunksOf(word: string, chunks: readonly (readonly [string, string])[]): number[] {
  const chars = [...word.toLowerCase()];
  const forms = [chars.join('')];
  // Chinese has no stemmer in Pagefind: a Chinese word is looked up as it is.
  if (!hasHan(word)) for (let cut = 1; cut <= 3 && chars.length - cut >= 3; cut++) forms.push(chars.slice(0, -cut).join(''));
  const found = new Set<number>();
  const prefix = (s: string[], n: number) => s.slice(0, n).join('');
  for (const form of forms) {
    const strict = chunks.flatMap(([from, to], i) => (form >= from && form <= to ? [i] : []));
    const term = [...form];
    const loose = chunks.flatMap(([from, to], i) => {
      const [f, t] = [[...from], [...to]];
      const [nf, nt] = [Math.min(term.length, f.length), Math.min(term.length, t.length)];
      return prefix(term, nf) >= prefix(f, nf) && prefix(term, nt) <= prefix(t, nt) ? [i] : [];
    });
    for (const i of strict.length ? strict : loose) found.add(i);
  }
  return [...found];
}

/** How many records have the search token `t` (its token file is loaded); undefined when none or not loaded. */
function recordsWith(t: string, fileOf: (token: string) => Record<string, Shard> | undefined): number | undefined {
  const file = fileOf(t);
  if (!file || !Object.hasOwn(file, t)) return undefined;
  const shard = file[t];
  return shard[2] ?? (shard[1].length || undefined);
}

/** The words of `text` as Pagefind reads them: Latin words by spaces, Chinese cut into words (Intl.Segmenter). */
function wordsOf(text: string, lang: Lang): string[] {
  const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(lang === 'zh' ? 'zh' : 'en', { granularity: 'word' }) : undefined;
  return text.split(' ').flatMap((part) =>
    !part ? [] : hasHan(part) && segmenter ? [...segmenter.segment(part)].filter((s) => s.isWordLike).map((s) => s.segment) : [part],
  );
}

/**
 * `text` for Pagefind: at most FULL_TEXT_WORDS of its words, the rarest in the
 * search's own data (a Chinese word by its rarest two-character piece; a word
 * the data lacks first, unless it is a typo of one it has (`nearby`): last; a
 * one-character Chinese word it has only when there is nothing else), in their order. With the index's
 * chunk ranges (`chunks`), the words all lie in one chunk: the chunk whose
 * rarest words say the most (the sum of their inverse document frequencies,
 * `records` being the catalog's size), so that a question downloads one
 * chunk. `text` as it is when all its words are kept. `share`: how much of
 * what the query's words say the words sent say (Pagefind's ranking is worth that much).
 */
export function rarestWords(
  text: string,
  lang: Lang,
  df: (token: string) => number | undefined,
  chunks?: readonly (readonly [string, string])[],
  records = 1000,
  nearby: (token: string) => boolean = () => false,
): { text: string; share: number } {
  const words = wordsOf(text, lang);
  // A word the search's data lacks: a typo of one it has (chanel) comes last (the relaxed search
  // reads it, Pagefind cannot); any other (firewall, webhook: only a page's text has it) is as
  // rare as a word can be, and Pagefind finds that page.
  const rarity = (word: string) => {
    const wordTokens = tokens(normalize(word));
    const counts = wordTokens.map(df).filter((n): n is number => n !== undefined);
    if (counts.length) return Math.min(...counts);
    return wordTokens.some(nearby) ? Number.POSITIVE_INFINITY : 0;
  };
  const ranked = [...new Set(words)].map((word, i) => ({ word, i, n: rarity(word) })).sort((a, b) => a.n - b.n || a.i - b.i);
  // A Chinese word of one character the data has is mostly a particle (已, 在, 是): rare among
  // the titles it is counted in, common in every page. Left out while there are other words.
  const telling = ranked.filter((r) => !(r.n > 0 && r.word.length === 1 && hasHan(r.word)));
  const pool = telling.length ? telling : ranked;
  let kept = pool.slice(0, FULL_TEXT_WORDS);
  const idf = (n: number) => (Number.isFinite(n) ? Math.log(1 + records / Math.max(1, n)) : 0);
  const said = (list: typeof pool) => list.reduce((sum, r) => sum + idf(r.n), 0);
  if (chunks?.length) {
    const spans = new Map(pool.map((r) => [r.word, chunksOf(r.word, chunks)]));
    let best = -1;
    for (const chunk of new Set([...spans.values()].flat())) {
      // (A word in no chunk is in no page: it costs no download, and Pagefind then finds nothing.)
      const inChunk = pool.filter((r) => spans.get(r.word)!.every((c) => c === chunk)).slice(0, FULL_TEXT_WORDS);
      if (inChunk.length && said(inChunk) > best) [best, kept] = [said(inChunk), inChunk];
    }
  }
  const share = said(pool) > 0 ? said(kept) / said(pool) : 1;
  if (kept.length === words.length) return { text, share };
  return { text: kept.map((r) => r.word).sort((a, b) => words.indexOf(a) - words.indexOf(b)).join(' '), share };
}

/** The words of a pasted response worth a full-text search: its code, message and reason. */
function responseWords(input: ResponseInput): string {
  const body = input.body && typeof input.body === 'object' ? (input.body as Record<string, unknown>) : {};
  return [body.code, body.message, body.reason, input.status]
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .join(' ')
    .replace(/["{}:,]/g, ' ')
    .trim();
}

/** Constant names in a query, with their group if any: RESOURCE_ID_EXPIRED, ErrorCode.TASK_CONFLICT. */
export function constantsIn(query: string): string[] {
  return [...query.slice(0, 2000).matchAll(/\b(?:[A-Z][A-Za-z]+\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].map((m) => m[0]);
}

/** What finding a record by one of its names needs: the search words, the entry files and the token files. */
type NameIndex = {
  words: Words;
  entry: (n: number) => Promise<SearchEntry>;
  tokenFile: (token: string) => Promise<Record<string, Shard>>;
};

/**
 * The entries of the record a constant names (RESOURCE_ID_EXPIRED, a former
 * name, or ErrorCode.TASK_CONFLICT in its group's kind), as the package's
 * lookup() reads it: from the token file of its first word.
 */
/**
 * Whether Pagefind found a query's words only by a shorter prefix of them: when the words are Latin, none is in a
 * record, and the words its first page marks share no more than a short beginning with any of them (`asdkjh` marked
 * `as`). A longer or stemmed form of a word, or a typo of it, counts as found (`timeouts`, `installing` →
 * `installation`, `sercive` → `service`); a page
 * that marks nothing (a match in its title only) is left alone.
 */
async function onlyPrefixMatched(text: string, first: PagefindResult, inRecords: (term: string) => boolean): Promise<boolean> {
  const words = text.split(' ').filter(Boolean);
  if (!words.length || words.some((w) => !/^[a-z]+$/.test(w) || inRecords(w))) return false;
  const marked = [...(await first.data()).excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1].toLowerCase());
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  // A typo of the word counts too: `sercive` marked `service`.
  const near = (m: string, w: string) => shared(m, w) >= Math.min(w.length, Math.max(4, Math.ceil(w.length * 0.6))) || editDistance(m, w) <= (w.length >= 6 ? 2 : 1);
  return marked.length > 0 && !marked.some((m) => words.some((w) => near(m, w)));
}

async function constantEntries(name: string, groups: Record<string, string>, index: NameIndex): Promise<number[]> {
  const qualified = /^([A-Za-z]+)\.(.+)$/.exec(name);
  const kind = qualified ? groups[qualified[1].toLowerCase()] : undefined;
  const key = tokens(normalize(qualified ? qualified[2] : name)).join(' ');
  const found = await phraseEntries(key, ['constant'], index);
  if (!kind) return found;
  const kinds = await Promise.all(found.map(async (n) => (await index.entry(n)).k));
  return found.filter((_, i) => kinds[i] === kind);
}

/**
 * The entries of the records a pasted response names, in the order the
 * package's explain() gives them: read by the package's own readResponse()
 * (no catalog in it), each name found in the search's token files. The record
 * the response is about comes first — its body code, else its message, else
 * its reason — then its states, then its HTTP status; with none of those
 * known, an error status comes first (explain() falls back to it).
 */
async function responseEntries(input: ResponseInput, index: NameIndex): Promise<number[]> {
  const reading = readPackageResponse(input);
  const named = async (as: NamedValue['as']) =>
    (await Promise.all(reading.names.filter((n) => n.as === as).map((n) => recordEntries(n.kind, n.value, index)))).flat();
  const [code, message, read, status] = await Promise.all([named('code'), named('message'), named('state'), named('status')]);
  // Of several states, the one that decides comes first, as in explain(): the recording's (or the upload's) own
  // status, unless a sub-service, extension or output is in graver trouble.
  const entries = await Promise.all(read.map(async (n) => ({ n, e: await index.entry(n) })));
  const decided = decidingState(entries, (x) => x.e.k, (x) => x.e.g ?? 0);
  const states = decided ? [decided.n, ...read.filter((n) => n !== decided.n)] : read;
  // As explain() does: a reason names its record only when the body has no code and no known message.
  const reason = reading.values.code === undefined && message.length === 0 ? await named('reason') : [];
  const error = reading.status !== undefined && (reading.status < 200 || reading.status >= 300);
  // A request sent with another verb than its method's (GET on `stop`) gets 404 `no Route matched` (as explain() reads it).
  const method = METHODS.find((m) => m === input.method);
  const noRoute = wrongVerb(method, input.verb) && reading.status === 404 && reading.values.code === undefined
      ? await recordEntries('message-error', GatewayMessage.NO_ROUTE_MATCHED, index)
      : [];
  const order =
    noRoute.length ? [...noRoute, ...status] :
    code.length || message.length || reason.length
      ? [...code, ...message, ...reason, ...states, ...status]
      : error
        ? [...status, ...states]
        : [...states, ...status];
  return [...new Set(order)];
}

/** The reason phrases of HTTP statuses as they follow the number, normalized (502 bad gateway). */
const HTTP_REASON = '(?:bad gateway|service unavailable|service temporarily unavailable|gateway time ?out|forbidden|method not allowed|not implemented|request timeout|conflict|payload too large|origin is unreachable|a timeout occurred|web server is down|connection timed out|unknown error)';

/** Whether normalized `text` has the number `value` followed by an HTTP reason phrase: an HTTP status (502 bad gateway). */
export const withReasonPhrase = (text: string, value: string): boolean => new RegExp(`(?:^|\\s)${value}\\s${HTTP_REASON}`).test(text);

/** Whether normalized `text` has `phrase` only right after a negation (not, never, isn t, 不, 没有, 不是 …). */
export function negated(text: string, phrase: string): boolean {
  if (/^(?:not|no|never|不|没|未)/.test(phrase)) return false;
  const at = (i: number) => text.slice(Math.max(0, i - 24), i);
  const before = /(?:^|\s)(?:(?:nobody|no one|none)(?:\s(?:was|is|were|are))?|not|never|no longer|isn t|aren t|wasn t|doesn t|don t|didn t|won t|can t|cannot)(?:\s(?:yet|even|really|actually|in))?\s$|(?:不是|没有|并非|没人|没有人|不|没|未)\s?$/;
  let seen = false;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    const end = i + phrase.length;
    // As a whole word: "publishing", not "republishing".
    if ((i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]) && !/\p{Script=Han}/u.test(text[i - 1])) || /[a-z0-9]/.test(text[end] ?? '')) continue;
    if (!before.test(at(i))) return false;
    seen = true;
  }
  return seen;
}

/** A name that more records than this share names none of them (a reason many codes give). */
const MAX_NAMED = 8;

/** The entries of `kind` named `value`: a code by its number, a message or reason by its words, a state by its name as written. */
async function recordEntries(kind: string, value: string | number, index: NameIndex): Promise<number[]> {
  const text = normalize(String(value));
  const keys = [...new Set([tokens(index.words.canonical(text)).join(' '), text])];
  const candidates = [...new Set((await Promise.all(keys.map((key) => phraseEntries(key, ['code', 'id', 'message', 'reason'], index)))).flat())];
  if (candidates.length > MAX_NAMED) return [];
  const kinds = await Promise.all(candidates.map(async (n) => (await index.entry(n)).k));
  return candidates.filter((_, i) => kinds[i] === kind);
}

/** The entries with the phrase `key` (tokens joined by a space) as one of `fields`, in catalog order. */
async function phraseEntries(key: string, fields: readonly Field[], index: NameIndex): Promise<number[]> {
  const first = key.split(' ')[0];
  if (!first) return [];
  const file = await index.tokenFile(first);
  if (!Object.hasOwn(file, first)) return [];
  const wanted = new Set(fields.map((f) => FIELDS.indexOf(f)));
  return [...new Set(file[first][0].filter(([k, field]) => k === key && wanted.has(field)).map(([, , n]) => n))];
}
