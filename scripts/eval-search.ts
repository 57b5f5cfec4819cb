/**
 * npm run eval:search — how well the site's search answers what people type.
 *
 * Runs every query of test/search/queries.yaml and queries-fresh.yaml (or of the files given) through
 * the built site's own search page in Chromium (/{lang}/search/?q=…, as a
 * support portal's link would), reads the result links in order, and prints
 * per language: top-1 (the first result is a page a domain expert accepts),
 * top-3, MRR@10 and how many queries showed no result at all; then every
 * query whose answer was not first. Writes the figures into BENCHMARKS.md, in
 * a section of their own. Needs a built site (`npm run build`).
 *
 * A query file is a YAML list of { q, lang, accept: [kind:id | guide:slug], style }.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadCatalogOrThrow } from './catalog/load.ts';
import { KINDS, recordRef } from './catalog/schema.ts';
import { DEFAULT_ROOT, serve } from './serve.ts';
import { recordPath } from '../src/paths.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const QUERIES_FILE = join(root, 'test', 'search', 'queries.yaml');
/** Thirty queries written in another style after the goals were reached on QUERIES_FILE, never tuned to. */
export const FRESH_FILE = join(root, 'test', 'search', 'queries-fresh.yaml');
/** Forty queries written blind from the catalog alone, in a third style: stack traces, chat, non-native English, 同音字 typos. */
export const THIRD_FILE = join(root, 'test', 'search', 'queries-third.yaml');
export const FOURTH_FILE = join(root, 'test', 'search', 'queries-fourth.yaml');
export const FIFTH_FILE = join(root, 'test', 'search', 'queries-fifth.yaml');
export const SIXTH_FILE = join(root, 'test', 'search', 'queries-sixth.yaml');
export const SEVENTH_FILE = join(root, 'test', 'search', 'queries-seventh.yaml');
export const EIGHTH_FILE = join(root, 'test', 'search', 'queries-eighth.yaml');
export const NINTH_FILE = join(root, 'test', 'search', 'queries-ninth.yaml');
export const TENTH_FILE = join(root, 'test', 'search', 'queries-tenth.yaml');
export const ELEVENTH_FILE = join(root, 'test', 'search', 'queries-eleventh.yaml');
export const TWELFTH_FILE = join(root, 'test', 'search', 'queries-twelfth.yaml');
export const THIRTEENTH_FILE = join(root, 'test', 'search', 'queries-thirteenth.yaml');
export const FOURTEENTH_FILE = join(root, 'test', 'search', 'queries-fourteenth.yaml');
export const FIFTEENTH_FILE = join(root, 'test', 'search', 'queries-fifteenth.yaml');
export const SIXTEENTH_FILE = join(root, 'test', 'search', 'queries-sixteenth.yaml');
export const SEVENTEENTH_FILE = join(root, 'test', 'search', 'queries-seventeenth.yaml');
export const EIGHTEENTH_FILE = join(root, 'test', 'search', 'queries-eighteenth.yaml');
export const NINETEENTH_FILE = join(root, 'test', 'search', 'queries-nineteenth.yaml');
export const TWENTIETH_FILE = join(root, 'test', 'search', 'queries-twentieth.yaml');
export const TWENTYFIRST_FILE = join(root, 'test', 'search', 'queries-twentyfirst.yaml');
export const TWENTYSECOND_FILE = join(root, 'test', 'search', 'queries-twentysecond.yaml');
export const TWENTYTHIRD_FILE = join(root, 'test', 'search', 'queries-twentythird.yaml');
export const TWENTYFOURTH_FILE = join(root, 'test', 'search', 'queries-twentyfourth.yaml');
export const TWENTYFIFTH_FILE = join(root, 'test', 'search', 'queries-twentyfifth.yaml');
/**
 * The query sets `npm run eval:search` runs, and what BENCHMARKS.md says of each. `gated`: the search
 * test holds these to the goals (≥ 90 % first, ≥ 97 % among the first three, per language); a set
 * written blind after the last fixes is measured and reported, not gated, until its misses are fixed
 * by class — it says where search still falls short.
 */
export const QUERY_SETS: readonly { file: string; note: string; gated: boolean }[] = [
  { file: QUERIES_FILE, note: 'test/search/queries.yaml', gated: true },
  {
    file: FRESH_FILE,
    gated: true,
    note: 'test/search/queries-fresh.yaml (a fresh style, written after the goals were met; its first run, before any change, gave top-1 93.3 % (en 86.7 %, zh 100 %) and top-3 100 %; its two misses led to fixes of their classes — constant names read by lookup(), synonyms compared on stems, one-word names — with no keyword written for them)',
  },
  {
    file: THIRD_FILE,
    gated: true,
    note: "test/search/queries-third.yaml (a third style — stack traces and log lines with a body inside, chat and ticket sentences, non-native English, 同音字 typos — written blind from the catalog; its first run gave top-1 82.5 % (zh 75 %, en 90 %) and top-3 87.5 %; its misses led to fixes of their classes: bodies logged with escaped quotes and HTTP clients' lines (axios, requests, Feign) read as responses, dates and clock times not read as codes, a body code named in words before the HTTP status named beside it, words no record has not held against a record, one-character Chinese words not sent to Pagefind, a family's name not pinned over a record that fits the question twice as well, and Pagefind's order weighted by what its words say of the query and what the relaxed search leaves open)",
  },
  {
    file: FOURTH_FILE,
    gated: true,
    note: "test/search/queries-fourth.yaml (50 more, written blind by a helper who never ran the search: symptoms in users' own words, how-to questions, Go/Python/Spring pastes, 拼音 and 同音字; its first run gave top-1 74 % (zh 72 %, en 76 %) and top-3 90 %; fixes of classes: a how-to question (how do I, can I, 怎么, 能不能, …吗 — not 怎么办 or how do I fix) weighs guides more, an id, port or line number (uid 0) and a position in a list (extensionServiceState[0]) are not codes. Left: paraphrased symptoms whose words no record has (财务忘了充值, varchar(128))",
  },
  {
    file: FIFTH_FILE,
    gated: false,
    note: "test/search/queries-fifth.yaml (60 more, written blind by a helper who never ran the search, read its code or saw the other sets: nginx access logs, Node objects with [Object], bodies cut mid-word, symptoms only a reader of the sources would describe (maxIdleTime, 50 concurrent tasks, async_stop, batch-fetched resource IDs), 同音字; measured, not gated. Its first run gave top-1 75.0 % (zh 80 %, en 70 %) and top-3 88.3 %; fixes of classes: an access log's status after HTTP/1.1\", and IP addresses, versions, access-log dates and time zones not read as codes; payment and concurrency words people use (overdue balance, card declined, at once, 忘了充值, 到期). Left: questions a guide answers (which code to trust, gateway or service, webhooks, async_stop) still rank below records that share their words; a guide's section headings now make it found by them (see the sixth set)",
  },
  {
    file: SIXTH_FILE,
    gated: false,
    note: "test/search/queries-sixth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: zap, logrus, httpx, fetch, .NET, Guzzle, Kubernetes and HTTP/2 pastes, 同音字 and pinyin, questions only a guide answers; measured, not gated. Its first run gave top-1 88.3 % (zh 83.3 %, en 93.3 %) and top-3 93.3 %; five of its seven misses were questions a guide answers. Fixes of that class: a guide is found by its section headings as well as its title and description (+3.4 points on this set, +4 on the fourth, +1.7 on the fifth, −3.3 on the fresh set's one question now ranked second), and questions of which to trust, how two things differ, whether something can be relied on or what one would like to do (哪个, 一回事, 靠谱, 也想; which one, rely on, we want to) count as questions a guide may answer; webhook's synonyms include notification. Left: how-to questions whose words a record's keywords pin (still running → 1004)",
  },
  {
    file: SEVENTH_FILE,
    gated: false,
    note: "test/search/queries-seventh.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: support tickets with greetings, Sentry titles and Prometheus/Grafana alerts, short mobile fragments and partial constants (TASK_CONF, 录制 404), full-width digits and missing spaces (start接口返回了１００１); measured, not gated. Its first run, after the sixth set's fixes, gave top-1 88.3 % (zh 90 %, en 86.7 %) and top-3 95 %. Fix of a class it showed: a name that ends in a number (charset=UTF-8, ISO-8859-1, room-1, exec-3) is not a code (UTF-8 had pinned code 8 and recording status 8). A one-word state name written with a typo (uploded, disconected) names its state when no record has that word. Left: the Authorization header how-to ranks its guide third behind the records that share its words; 同音字 typos of a whole title (频到名不和法)",
  },
  {
    file: EIGHTH_FILE,
    gated: false,
    note: "test/search/queries-eighth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: newcomers' own words (recording bot, 录制机器人, 房间号, 回放文件), negative questions (不是说…吗, why doesn't), IM chat pastes with emoji, non-native English, JSON with numbers as strings, nginx and Cloudflare error pages, two codes compared, limits and numbers; measured, not gated. Its first run, after the seventh set's fixes, gave top-1 91.7 % (zh 96.7 %, en 86.7 %) and top-3 95 %. Fixes of classes it showed: a name the query says is not the case (why is it not publishing, 不是 disconnected) names nothing; a status followed by its HTTP reason phrase (502 Bad Gateway) that the catalog has no record of is not read as the body code of that number. Left: a unique state name beside a family's shared keyword (页面录制 … disconnected); questions about the bot's idle time (maxIdleTime) in other words",
  },
  {
    file: NINTH_FILE,
    gated: false,
    note: "test/search/queries-ninth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: two-word queries, long tickets, colloquial and traditional Chinese, full-width digits, toneless pinyin, other vendors' words (S3, OSS, webhook, quota), log lines with request ids, questions about a parameter (maxIdleTime, uid, the Authorization header, the base URL); measured, not gated. Its first run gave top-1 88.3 % (zh 86.7 %, en 90 %) and top-3 95 %; six of its seven misses were questions a guide answers. Fix of a class it showed: a number that is no record's code (user_42) does not make a how-to question one about a code, and which X should I use asks how to. Tried and not kept: Chinese characters matched in pairs (默认 no longer stands for 认证; +3.4 points here but −2.5 on the third set and a miss on the gated set: typos of one character, 过其 for 过期, lose their match). Left: questions a guide's paragraphs answer (the default of maxIdleTime, which base URL) when a record's words fit them better",
  },
  {
    file: TENTH_FILE,
    gated: false,
    note: "test/search/queries-tenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: bodies with resource-ID noise, curl -i cut short, Java and Python stack-trace lines, an nginx 504 page, symptoms with no code, colloquial and traditional Chinese, pinyin, typos of terms, comparison and how-to questions; measured, not gated. Its first run gave top-1 90 % (zh 90 %, en 90 %) and top-3 96.7 %. Fixes of classes it showed: a gateway message quoted beside its HTTP status (404 no Route matched with those values, 401 Invalid authentication credentials) leads, before the status, when no record its words name fits better; a count of attempts, users, tasks or channels (after 3 retries) is not a code. With it, keyboard mashing no longer shows pages Pagefind found by a shorter prefix of a word (asdkjh → as). Left: questions a guide's paragraphs answer (a uid as a string, the Authorization header, which base URL)",
  },
  {
    file: ELEVENTH_FILE,
    gated: false,
    note: "test/search/queries-eleventh.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: support tickets of two or three sentences with the clue in the middle, the integration facts (uid rules, tokens, notifications, quotas, backoff, base URLs), bodies as client libraries print them (Python repr, Go struct dumps, OkHttp, PHP var_dump, C#), numbers that are not the code (uids, ports, versions, shares, counts), non-native English; measured, not gated. Its first run gave top-1 70 % (zh 70 %, en 70 %) and top-3 81.7 %; nine of its eighteen misses were questions a guide's paragraphs answer. Fixes of classes: a guide is found by its prose too, at a quarter of a summary's weight (+1 query on the ninth and tenth sets, −1 on the fifth); more questions count as how-to (where does, will it, do all … need, is there a way, is that expected; 会…吗, 能…多少, 应该…还是), and in one a small number no word calls a status (uid 0) is a value; a share (3%), a name with a number (Player_77, 直播间8号), a list of amounts with one unit (1、3、6 秒), an id set to a value (uid 设成了 433) are not codes; words that call a number a code beat a count word after it (code 53 task conflict) and a URL in the query; OkHttp's code=400, message=Bad Request and Java's HTTP response code are HTTP statuses; a body code's reason quoted beside the HTTP status it comes with leads (HTTP 500 \"Failed to allocate worker\" → 502). Left: a typo in a reason (alocate_timout), a firewall symptom a guide paragraph answers",
  },
  {
    file: TWELFTH_FILE,
    gated: false,
    note: "test/search/queries-twelfth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: follow-up questions that use the catalog's terms half-right, state values inside sentences, two codes where one is the cause, on-call and dashboard language, mobile and mini-program developers, paragraphs of 400+ characters and one-word queries, Chinese with English punctuation and English with Chinese; measured, not gated. Its first run gave top-1 85 % (zh 90 %, en 80 %) and top-3 96.7 %. Fixes of classes: a name the API writes in camelCase copied into a sentence (serviceCompleted), or with a typo in it (serviceAbnormol), names its record before a guide and however well other records fit the other words; a number inside a quoted name with Chinese in it (“会议室1”) is part of the name; a reason copied in snake_case (invalid_appid) is its body code's before the gateway message of the same words. Left: body code 401 against HTTP 401 when the query doubts the credentials; `exiting` alone",
  },  {
    file: THIRTEENTH_FILE,
    gated: false,
    note: "test/search/queries-thirteenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: traditional Chinese and full-width digits, support tickets in the third person with many numbers, stack traces and HTTP clients' error prints, the integration facts, a request field as the subject, bare codes and negations; measured, not gated. Its first run gave top-1 86.7 % (zh 86.7 %, en 86.7 %) and top-3 93.3 %. Fixes of classes: a word with a typo that keeps its ending (expierd, recieved) is read as its stem with that ending (not a longer word that starts like one: cloudflare is not cloud); a number the query says is not the case (也不是 401) names nothing; a question of which error or code one gets (which error code do I get, 会报什么错) asks for a record, not a guide; a gateway message quoted beside its HTTP status leads even where that status's page quotes the message too; keywords for a resource ID changed in storage (url-encoded) and a sid from another recording. Left: questions on the recorder's uid that a guide's section answers, a field-by-field storage question whose words (不确定) read as a state",
  },  {
    file: FOURTEENTH_FILE,
    gated: false,
    note: "test/search/queries-fourteenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: codes in odd forms (E1013, ERR_433, #433, 433号错误, ?code=406, 400/49, 500:504, typo'd digits), chat-group Chinese with emoji and 「」, non-native and SMS-style English, two records compared, symptoms with a time in them; measured, not gated. Its first run gave top-1 85 % (zh 86.7 %, en 83.3 %) and top-3 96.7 %. Fixes of classes: an HTTP status and a body code written together (400/53, 500:504) are each read as their kind, the body code first; a code with a letter prefix (E1013, ERR433) is a code; 433号错误 is a code's number, not a name's; a clock time (凌晨2点, 8点半, 2 am) is no code; where the query compares codes (vs, or, which one, 区别, 还是), the code the other words fit best comes first. Left: 49 vs 435 when only the meaning (nothing got recorded) tells them apart",
  },  {
    file: FIFTEENTH_FILE,
    gated: false,
    note: "test/search/queries-fifteenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: requests pasted with a word of what came back (curl -d, bodies with clientRequest), support tickets' titles and shorthand, Chinese and English in one sentence, what to do after a state one understands, concepts in one to three words; measured, not gated. Its first run gave top-1 81.7 % (zh 83.3 %, en 80 %) and top-3 90 %. Fixes of classes: the numbers of a pasted request (a body with clientRequest, curl's -d) are no codes, and such a body is no answer; a request's verb and URL with a word of what came back (curl -X GET …/stop, then 404) read as explain() reads them: another verb than the method's gets 404 no Route matched. Left: an answer a request's words imply (a stop sent twice got 400: 49; updateLayout 400 参数错误: 1028), a reason quoted after an arrow and a status",
  },  {
    file: SIXTEENTH_FILE,
    gated: false,
    note: "test/search/queries-sixteenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: Traditional Chinese, exception lines as client libraries print them (requests' HTTPError, AxiosError, Retrofit, Go, Guzzle), text read off a screenshot or by a voice input (c o d e 5 0 2, 四三三, 五零一, code sixty five, full-width ＨＴＴＰ　５０４), a request field as the subject, two states together, one to three words of non-native English, ticket pastes with ids that are no codes; measured, not gated. Its first run gave top-1 83.3 % (zh 83.3 %, en 83.3 %) and top-3 90 %. Fixes of classes: numbers spelled out in Chinese or English words, or typed a character at a time, are read as digits; full-width forms as ASCII; 504 request timeout is a status with its reason, not 504 requests; a state's value given to its field as the API writes it (uploadingStatus 是 backuped) is what was seen, before a guide; of several states in a paste, the one explain() decides by comes first (a sub-service in trouble before a running recording), and a part of a body copied with its key (\"serverResponse\":{…}) is read as that part; words for an unpaid account and for calling too fast. Left: 403 forbid (no record of 403)",
  },  {
    file: SEVENTEENTH_FILE,
    gated: false,
    note: "test/search/queries-seventeenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms or the other sets: symptoms that name no code (29 of them: an empty bucket, a recorder that never joins, a recording that stopped by itself, two recordings of one room, a test project that works and a production one that does not, webhooks lost or twice), words none of the records use (封顶, 密钥, 签名, 桶, 录制端, room), colloquial Chinese (咋整, 死活, 挂了) and pinyin, one to three words of non-native English, terminal pastes with request ids that are no codes; measured, not gated. Its first run gave top-1 75 % (zh 70 %, en 80 %) and top-3 83.3 %. Fixes of classes: a name a family shares (invalid parameter: body code 2, HTTP 400) is said more precisely by a record whose title holds it and whose other words the query has too (1028 for a layout refused as bad params), when that record fits the query far better; a page holding two thirds of the query's words ranks above one that scores higher by a rare word or two of it (webhooks that arrive twice: the guide, not the records of a request sent twice); 是…还是 (start 超时，是重试还是重新 acquire) asks how to choose; keywords for a resource ID acquired in advance, a production App ID without Cloud Recording, files missing from storage, a query after stop, a header without credentials. Left: pinyin (pindao ming), App Certificate without a token (a keyword for it pulled 110 into unrelated questions), how to tell that recording really started, a retry that says already running",
  },  {
    file: EIGHTEENTH_FILE,
    gated: false,
    note: "test/search/queries-eighteenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: pasted bodies whole, cut short, flattened, with escaped quotes, inside client prints and stack traces (26), symptoms with no code in colloquial Chinese and plain English, a code beside a number that is no code (a uid, a port, a date, a version), paraphrases, support tickets; measured, not gated. Its first run gave top-1 88.3 % (zh 86.7 %, en 90 %) and top-3 98.3 %. Fixes of classes: a date in Chinese (2023 年 12 月 8 号) is no code; out of date means expired; shutting down means exiting; keywords for a start sent a while after acquire. Left: a recording that stopped by itself in an empty channel (435 comes first), a second stop (the legacy 1005 comes first by the full text)",
  },  {
    file: NINETEENTH_FILE,
    gated: false,
    note: "test/search/queries-nineteenth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: pasted bodies whole and cut, inside Java, Python, Node and PHP errors, with distracting numbers; colloquial Chinese with no code and wrong characters (过其, 频道明); typos in English; lifecycle questions (how long a resource ID lasts, when to query, what after stop); HTTP statuses and gateway messages; sub-service, upload, extension and CDN output states; measured, not gated. Its first run gave top-1 91.7 % (zh 90 %, en 93.3 %) and top-3 98.3 %. Fixes of classes: a method, the wrong verb in capitals and the 404 that came back, said in words (query 接口我用的 POST，返回 404), read as no Route matched; an English reason inside a Chinese question (收到 already started) is what the question is about, before a guide; room name means channel name; common wrong characters for 过期 and 频道名. Left: a snake_case reason written with typos beside a status (alocate_timout … http 500)",
  },  {
    file: TWENTIETH_FILE,
    gated: false,
    note: "test/search/queries-twentieth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: integration facts asked as questions (uid rules, tokens and the App Certificate, webhooks, request and task limits, backoff, async_stop, maxIdleTime, a resource ID's life), comparisons (1004 vs 7 vs 201, 432 vs 433, status 6/7/8/20, body 504 vs HTTP 504, 49 vs 404 after a second stop), one to three words, long tickets with decoy numbers, wrong characters and typos, new paste shapes (Go and Rust prints, C# exceptions, HAR, logfmt, YAML, TOML, PHP var_dump, Java toString); measured, not gated. Its first run gave top-1 85 % (zh 83.3 %, en 86.7 %) and top-3 96.7 %. Fixes of classes: key-value dumps (code=504, reason = \"…\") read as bodies, so their code beats their HTTP status; .NET's HttpRequestException status; a snake_case reason in a question names its code even inside a longer name (acquire 返回 internal_error); a reason quoted beside a status the words do not call a code (stop answered 206 with no recorded data); what is recommended (推荐的退避间隔) asks for a guide; 复用/再用 = 重复使用; a page holding all of a question's words above one holding less than half (App Certificate, start, token)",
  },
  {
    file: TWENTYFIRST_FILE,
    gated: false,
    note: "test/search/queries-twentyfirst.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: support tickets forwarded verbatim, polite and long, screenshots described in words, Traditional Chinese with Taiwan wording and Hong Kong Cantonese; constant names old and new, state names in the wrong case, field paths, X vs Y; values read from a query response; symptoms of files, limits and timing; pastes through gateways and SDK wrappers that rename fields (errCode, err_msg); measured, not gated. Its first run gave top-1 90 % (zh 90 %, en 90 %) and top-3 98.3 %. Fixes of classes: Traditional characters and Cantonese words read as simplified ones; fields an SDK wrapper renames (errCode, err_msg); a JavaScript object printed with double quotes; a reason is its body code's before an HTTP status's that quotes it. Left: how long a recorder stays in an empty channel (the retries guide comes first), concurrency said as 'at the same time', a Traditional question about arrears beside a bare 400",
  },
  {
    file: TWENTYSECOND_FILE,
    gated: false,
    note: "test/search/queries-twentysecond.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: curl -i dumps, Node, Java, Go and Python log lines and stack traces, a body cut mid-string, body codes apart from their HTTP status (401 with 400, 504 with 500); gateway messages raw and misspelt, a 429 traceback with no body; the newer codes 405 to 502, the legacy 1004 and 1005, constant names; symptoms with no code (an empty bucket, a bot that leaves after everyone has gone, too many recordings at once, a bare 206 or 400); values read from query and stop answers; how-to questions only a guide answers; tickets polite and terse, colloquial, Traditional and Cantonese, mixed Chinese and English; measured, not gated. Its first run gave top-1 91.7 % (zh 93.3 %, en 90 %) and top-3 96.7 %. Fixes of classes: a word of a name written with a typo is read as the name's word where one word of a name is closest, beside the words as written (invaild appid); a how-to question asking how to make or choose something, naming no problem, puts a guide holding all its words first (how do I build the Basic Authorization header); 'turned on their camera or mic' is sending a stream. Left: why the body code and the HTTP status differ (a record of code 8 comes before the reading-errors guide), choosing a uid in Chinese (the lifecycle guide comes first)",
  },
  {
    file: TWENTYTHIRD_FILE,
    gated: false,
    note: "test/search/queries-twentythird.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: how-to questions a guide answers beside error questions a record answers; multi-word messages and reasons with one or two typos, in English and inside Chinese sentences; tickets full of uids, ports, timestamps and order numbers with one code, codes written as words; symptoms with no code in colloquial Chinese and plain English; pastes from Kotlin, Swift, C#, Rust, PHP, Postman, devtools, JSON with comments; one to three words; comparisons and 'is this normal'; measured, not gated. Its first run gave top-1 88.3 % (zh 86.7 %, en 90 %) and top-3 100 %. Fixes of classes: 'nobody was publishing' names no state seen (a negation); 同时开/同时录 are concurrency. a word with a typo is corrected to any word the index has, not only a name's first (no_worker_manager_availble: 501, before the retries guide a how-long question asks for). Left: how often to poll query (the retries guide comes first), a Rust reqwest Status(504) read as body code 504, a Chinese how-to about the Authorization header (the guide's Chinese words are few in the index), fifty-odd recordings at once (53's keyword 多路录制 inside 五十多路录制)",
  },
  {
    file: TWENTYFOURTH_FILE,
    gated: false,
    note: "test/search/queries-twentyfourth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: pastes from OkHttp, httpx, Loki, k8s pod logs, Sentry, .NET, curl -v, HAR, axios, a Go struct printed with %+v, a Java exception; a body cut mid-field; tickets full of unrelated numbers with one code, codes spelled out; typos inside words, pinyin and mixed Chinese and English; comparisons (7 vs 1004, uploaded vs backuped, the two 404s); rarely searched states; body code vs HTTP status traps; measured, not gated. Its first run gave top-1 88.3 % (zh 86.7 %, en 90 %) and top-3 95 %. Fixes of classes: a time zone (UTC+8, GMT-05:00) is no code; a number with its own HTTP reason phrase (400 Bad Request) is the HTTP status; after a status's name only a time makes its number an amount (Go's Status:20 FileListMode: is status 20, not 20 files); a question of which codes in general call for what (哪些错误码可以直接重发), of which of two a response comes from, or whether a name may hold something asks how to do something; 关停中 is exiting. Left: 'only a message field and no code, the service or the gateway' puts the authentication guide just before the guide on reading errors",
  },
  {
    file: TWENTYFIFTH_FILE,
    gated: false,
    note: "test/search/queries-twentyfifth.yaml (60 more, written blind by a helper who never ran the search, read its code, the synonyms, the records' keywords or the other sets: a third pasted (PHP, Rust, Kotlin, Swift, Dart, Elixir, undici, Postman, Insomnia, Datadog, CloudWatch, ELK, journald, logcat; timestamps, request ids, hosts, ports, uids, durations), a third symptoms and questions in plain words (non-native English; Chinese as typed in support groups), a third one to four words (constants, reason strings, state names, a number with a word); numbers that are no codes, body code vs HTTP status, a gateway message vs a reason phrase, comparisons, negations; every kind of page; measured, not gated. Its first run gave top-1 93.3 % (zh 96.7 %, en 90 %) and top-3 98.3 %. Fixes of classes: an Elixir map or Ruby hash (\"code\" => 435) is read as the body it is; a log's dotted keys (http.status=200 serverResponse.status=20, uploadingStatus=backuped) put the state before the 2xx, as explain() decides; a function's arity (Recorder.stop/2) is no code. Left: a Chinese question of which layer answered a body with only a message (the guide on reading errors)",
  },
];
const BENCHMARKS = join(root, 'BENCHMARKS.md');

export const STYLES = ['code', 'pasted', 'message', 'symptom', 'question', 'keywords', 'typo', 'mixed'] as const;
export const Query = z.strictObject({
  q: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  accept: z.array(z.string().regex(/^(?:[a-z-]+:[A-Za-z0-9-]+)$/)).min(1),
  style: z.enum(STYLES),
});
export type Query = z.infer<typeof Query>;

/** Read a query file; throws naming the entry and field that is wrong, or a page that does not exist. */
export function readQueries(file: string = QUERIES_FILE): Query[] {
  const raw = parse(readFileSync(file, 'utf8')) as unknown;
  const list = z.array(Query).safeParse(raw);
  if (!list.success) {
    const issue = list.error.issues[0];
    throw new Error(`${file}: entry ${String(issue.path[0])} ${issue.path.slice(1).join('.')}: ${issue.message}`);
  }
  const refs = new Set(loadCatalogOrThrow().records.map(recordRef));
  list.data.forEach((query, i) => {
    for (const ref of query.accept) {
      if (ref.startsWith('guide:') ? !existsSync(join(root, 'content', 'guides', query.lang, `${ref.slice(6)}.mdx`)) : !refs.has(ref)) {
        throw new Error(`${file}: entry ${i} (${JSON.stringify(query.q)}): no page ${ref}`);
      }
    }
  });
  return list.data;
}

/** The page path of an accepted answer (error-code:433 → /en/errors/433/, guide:retries → /en/guides/retries/). */
export function acceptedPath(ref: string, lang: 'zh' | 'en'): string {
  if (ref.startsWith('guide:')) return `/${lang}/guides/${ref.slice(6)}/`;
  const [kind, id] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)] as [keyof typeof KINDS, string];
  return recordPath(KINDS[kind].segment, id, lang);
}

export type Outcome = { query: Query; results: string[]; rank: number };

/** Run each query through the search page of the site at `base`; the result links in order, closest matches included. */
export async function runQueries(browser: Browser, base: string, queries: readonly Query[]): Promise<Outcome[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    await page.goto(`${base}/${query.lang}/search/?q=${encodeURIComponent(query.q)}`);
    await page.waitForFunction(() => {
      const status = document.querySelector<HTMLElement>('#status');
      return !!status?.textContent && status.textContent !== status.dataset.searching;
    }, null, { timeout: 30_000 });
    const results = await page.$$eval('#results li a, #closest li a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    const accepted = new Set(query.accept.map((ref) => acceptedPath(ref, query.lang)));
    const at = results.slice(0, 10).findIndex((r) => accepted.has(r));
    outcomes.push({ query, results, rank: at === -1 ? 0 : at + 1 });
  }
  await context.close();
  return outcomes;
}

export type Figures = { lang: string; queries: number; top1: number; top3: number; mrr: number; empty: number };

export function figures(outcomes: readonly Outcome[]): Figures[] {
  return (['zh', 'en', 'all'] as const).map((lang) => {
    const mine = outcomes.filter((o) => lang === 'all' || o.query.lang === lang);
    const n = Math.max(1, mine.length);
    return {
      lang,
      queries: mine.length,
      top1: mine.filter((o) => o.rank === 1).length / n,
      top3: mine.filter((o) => o.rank >= 1 && o.rank <= 3).length / n,
      mrr: mine.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n,
      empty: mine.filter((o) => o.results.length === 0).length,
    };
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function figuresTable(rows: readonly Figures[]): string {
  return [
    '| language | queries | top-1 | top-3 | MRR@10 | no result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((f) => `| ${f.lang} | ${f.queries} | ${pct(f.top1)} | ${pct(f.top3)} | ${f.mrr.toFixed(3)} | ${f.empty} |`),
  ].join('\n');
}

const START = '<!-- search-quality:start -->';
const END = '<!-- search-quality:end -->';

/** The section of BENCHMARKS.md that `npm run eval:search` writes (kept as it is by `npm run bench`). */
export function searchSection(markdown: string): string | undefined {
  const from = markdown.indexOf(START);
  const to = markdown.indexOf(END);
  if (from !== -1 && to > from) return markdown.slice(from, to + END.length);
  // A section written before the markers existed: its heading up to the next heading of its level.
  const heading = markdown.search(/^## Search quality$/m);
  if (heading === -1) return undefined;
  const next = markdown.slice(heading + 1).search(/^## /m);
  return next === -1 ? markdown.slice(heading).trimEnd() : markdown.slice(heading, heading + 1 + next).trimEnd();
}

function writeSection(sets: readonly { file: string; rows: readonly Figures[] }[], commit: string): void {
  const section = `${START}
## Search quality

Written by \`npm run eval:search\` (scripts/eval-search.ts) on ${new Date().toISOString().slice(0, 10)} at commit \`${commit}\`: realistic
queries — written as users type them (pasted bodies and fragments, symptoms, questions, typos, mixed Chinese and English),
each with the pages a domain expert accepts — run through the built site's search page in Chromium. top-1: an accepted page
comes first; top-3: among the first three; MRR@10: mean reciprocal rank of the first accepted page in the first ten (0 when
none); no result: the page showed nothing at all. Goals: top-1 ≥ 90 %, top-3 ≥ 97 %, no query without a result.

${sets.map(({ file, rows }) => `${QUERY_SETS.find((set) => set.file === file)?.note ?? file}:\n\n${figuresTable(rows)}`).join('\n\n')}
${END}`;
  const text = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n';
  const old = searchSection(text);
  writeFileSync(BENCHMARKS, old ? text.replace(old, section) : `${text.trimEnd()}\n\n${section}\n`);
}

async function main() {
  const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = given.length ? given : QUERY_SETS.map((set) => set.file);
  const sets = files.map((file) => ({ file, queries: readQueries(file) }));
  if (!existsSync(join(DEFAULT_ROOT, 'pagefind', 'pagefind.js'))) throw new Error('no built site: run `npm run build` first');
  const { launchChromium } = await import('../test/browser/chromium.ts');
  const server = await serve({ root: DEFAULT_ROOT, port: 0, host: '127.0.0.1', quiet: true });
  const browser = await launchChromium();
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const results: { file: string; rows: Figures[] }[] = [];
    for (const { file, queries } of sets) {
      const outcomes = await runQueries(browser, base, queries);
      const rows = figures(outcomes);
      results.push({ file, rows });
      console.log(`\n${file.replace(root, '')}\n\n${figuresTable(rows)}`);
      const misses = outcomes.filter((o) => o.rank !== 1);
      if (misses.length) console.log(`\nNot first (${misses.length}):`);
      for (const o of misses) {
        console.log(`  ${o.query.lang} ${o.rank ? `#${o.rank}` : '—'}  ${JSON.stringify(o.query.q).slice(0, 90)}  want ${o.query.accept.join(' | ')}  got ${o.results.slice(0, 3).join(' ') || 'nothing'}`);
      }
    }
    if (!process.argv.includes('--no-write') && !given.length) {
      const { execFileSync } = await import('node:child_process');
      const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      writeSection(results, commit);
      console.log('\nwrote the "Search quality" section of BENCHMARKS.md');
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
