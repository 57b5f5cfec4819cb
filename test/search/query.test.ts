/**
 * Query understanding (site/scripts/query.ts) and pinning by containment
 * (site/scripts/pin.ts), over the search data the build wrote
 * (build/site/search/{lang}/): what a query is read as, and which records it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconOf, loadSearchWords } from '../../scripts/catalog/search-words.ts';
import { DEFAULT_DATA_DIR } from '../../scripts/catalog/load.ts';
import { camelNames, codeMatches, phraseUnits, pinMatches, relaxedScores, type SearchEntry, type SearchLexicon, type Shard, tokenFileOf, typoNames } from '../../site/scripts/pin.ts';
import { asksHowTo, asksProcedure, codeNumbers, givenStateValues, normalize, numbersAsDigits, readResponse, tokens, withoutLogNumbers, Words } from '../../site/scripts/query.ts';
import { guideOutline } from '../../site/lib/search-data.ts';
import { negated, withReasonPhrase } from '../../site/scripts/engine.ts';
import { SITE_ROOT } from '../site/helpers.ts';

const words = loadSearchWords(DEFAULT_DATA_DIR);
const en = new Words(lexiconOf(words, 'en'));
const zh = new Words(lexiconOf(words, 'zh'));

describe('normalize: one form for every way of writing the same words', () => {
  it('folds case, full-width letters and digits, camelCase, _ - and punctuation', () => {
    expect(normalize('ＲｅｓｏｕｒｃｅＩＤ　４３３')).toBe(normalize('resourceId 433'));
    expect(normalize('resourceId')).toBe('resource id');
    expect(normalize('invalid_channel_name')).toBe('invalid channel name');
    expect(normalize('sub-module')).toBe('sub module');
    expect(normalize('  "Invalid   Authentication credentials."  ')).toBe('invalid authentication credentials');
  });
  it('sets Chinese apart from Latin words, with or without spaces', () => {
    expect(normalize('资源ID过期')).toBe('资源 id 过期');
    expect(normalize('「资源 ID 过期」。')).toBe('资源 id 过期');
  });
  it('cuts Chinese into overlapping two-character pieces and stems English lightly', () => {
    expect(tokens('频道名')).toEqual(['频道', '道名']);
    expect(tokens('expired expires')).toEqual(['expir', 'expir']);
  });
});

describe('synonyms and filler words (data/synonyms.yaml)', () => {
  it('resourceid, resource_id and resourceId are the same words', () => {
    const forms = ['resourceid expired', 'resource_id expired', 'resourceId expired', 'RESOURCE ID EXPIRED'].map((q) => en.understand(q).canonical);
    expect(new Set(forms).size).toBe(1);
  });
  it('reads other words for the same thing alike, in both languages', () => {
    expect(en.understand('account in arrears').canonical).toBe(en.understand('account overdue').canonical);
    expect(en.understand('request timed out').canonical).toBe(en.understand('request timeout').canonical);
    expect(zh.understand('账号欠费').canonical).toBe(zh.understand('账户欠费').canonical);
    expect(zh.understand('并发超限').canonical).toBe(zh.understand('并发超出上限').canonical);
    expect(zh.understand('两路录制').canonical).toBe(zh.understand('多路录制').canonical);
  });
  it('reads a term of several words with a typo in one of them as that term', () => {
    // Typed in a hurry: one word of a multi-word term misspelt, the others as written.
    expect(en.understand('chanel name invalid').canonical).toBe(en.understand('channel name invalid').canonical);
    expect(en.understand('resorce id expired after 5 min').canonical).toBe(en.understand('resource id expired after 5 min').canonical);
    expect(en.understand('got an internal sever error').clean).toBe(en.understand('got an internal server error').clean);
    expect(en.understand('recodring bot crashed').fullText).toBe(en.understand('recording bot crashed').fullText);
    // Not when no word is as written, nor for short words, where a typo is as likely another word.
    expect(en.understand('chanel nmae').canonical).not.toBe(en.understand('channel name').canonical);
    expect(en.understand('no usr').canonical).not.toBe(en.understand('no user').canonical);
  });
  it('drops filler and question words, keeping the words that tell records apart', () => {
    expect(en.understand('how do I fix error 433 on start').clean).toBe('433 start');
    // "not valid" is a synonym of invalid, "channel name" of cname: what remains tells 1013 and 401 apart from the rest.
    expect(en.understand('why is my channel name not valid').clean).toBe(en.understand('cname invalid').clean);
    expect(en.understand('cloud recording is not enabled').clean).toBe(en.understand('not enabled').clean);
    // Compared on stems: "the host never published" meets the synonym "publish".
    expect(en.understand('the host never published').clean).toBe(en.understand('host never publish').clean);
    expect(zh.understand('资源 ID 过期了怎么办').clean).toBe(zh.understand('资源 ID 过期').clean);
    expect(zh.understand('频道名太长是什么意思').clean).toBe(zh.understand('频道名太长').clean);
  });
});

describe('questions of how to do something', () => {
  it('are told apart from questions about a problem, in both languages', () => {
    for (const q of ['How do I build the Authorization header?', 'can I use a string as the recording uid', 'is it possible to record two channels at once', '请求头要怎么拼？', '录制 uid 能用字符串吗', '能不能同时录两个频道', '如何成对调用 acquire 和 start', 'body code or HTTP status: which one should my client trust', 'can we rely on callbacks to know the state', '响应里的 code 跟状态码是一回事吗', '录制的 uid 我们也想用字符串', '消息通知靠谱吗',
      // Where something goes, whether it will work, what is needed, whether there is a way; Chinese questions with 吗 further on, how many, A or B.
      'where should the customer secret be stored', 'will it record users who joined with string accounts', 'do all hosts need integer uids', 'is there an option to get the files faster', 'the callback came twice, is that expected',
      '转码后的文件会自动删除吗', '一个频道最多能录多少路', '应该用 mix 模式，还是 individual 模式', 'stop 超时了，是重试还是重新 acquire']) {
      expect(asksHowTo(normalize(q)), q).toBe(true);
    }
    for (const q of ['token expired', 'how do I fix error 433', 'start returns 65 what now', '录制 token 过期了怎么办', '录制token国期了怎么搞', 'start 报 433 怎么回事', 'stop 调了两遍报错', 'the upload is still running and query says 5', '还是报 435', '日志显示的是失败重试了几次还是一样']) {
      expect(asksHowTo(normalize(q)), q).toBe(false);
    }
  });
  it('a question of which error, code or state one gets asks for a record, not a guide', () => {
    for (const q of ['if the cname in start differs from acquire, which error code will I get?', 'what error does stop give when the sid is stale', 'which status would query return after the bot left', 'stop 用错了 sid 会报什么错', '存储配置填错的话 uploadingStatus 会返回什么', '换了 App ID 调 query 是哪个错误码']) {
      expect(asksHowTo(normalize(q)), q).toBe(false);
    }
    // Which errors to retry, or how long to wait, is still a question of how to do something.
    for (const q of ['which errors should I retry and how long do I wait', '哪个错误可以重试，要等多久', 'mix 和 individual 的区别是什么']) expect(asksHowTo(normalize(q)), q).toBe(true);
    // Which codes, in general, call for what; which of two things a response comes from; whether a name may hold something.
    for (const q of ['哪些错误码重发就行，哪些得换 resource ID', 'which codes can be sent again as they are', 'a body with just a message, is it from the gateway or from the service', 'can a cname hold spaces', 'how often should the app poll query', 'query 隔多久调一次合适', '只有 message 的响应是哪一层返回的']) {
      expect(asksHowTo(normalize(q)), q).toBe(true);
    }
  });
});

describe('questions of how to make or choose something', () => {
  it('are told apart from how-to questions about an error: a guide holding all of their words answers them first', () => {
    for (const q of ['how can we generate the basic auth header from the customer key and secret', 'how do I set the storage config for S3', 'how to choose the recorder uid', 'Authorization 头怎么拼', '存储配置要如何设置', '录制用的 uid 怎么选才不冲突']) {
      expect(asksProcedure(normalize(q)), q).toBe(true);
    }
    for (const q of ['start failed because of network jitter should I retry', 'how do I fix error 433', 'how should we handle 65 on start', '433 怎么办', 'stop 超时了，是重试还是重新 acquire', 'can I use a string as the recording uid']) {
      expect(asksProcedure(normalize(q)), q).toBe(false);
    }
  });
});

describe('a guide, as the search knows it', () => {
  it('is found by its section headings, as plain text, and the option names it explains', () => {
    const outline = guideOutline(readFileSync(join('content', 'guides', 'zh', 'reading-errors.mdx'), 'utf8'));
    // The question "is the body code the same as the HTTP status?" is answered under this heading.
    expect(outline.headings).toContain('包体错误码与 HTTP 状态码是两个不同的数字');
    expect(outline.headings).toContain('{ message }：网关的回答');
    // Components and code marks are not words anyone searches for.
    for (const text of outline.headings) expect(text).not.toMatch(/[<>`]|Cite|Rec of/);
    const made = guideOutline('## `stop` and [the upload](/en/x/)\n### On <Rec of="error-code:49" /> any method\n\n<InOneMinute>\n\n- First <Cite id="sc" /> point, `clientRequest.async_stop`\n\n</InOneMinute>\n\n- not a point: `maxIdleTime`, `withRetry()`, `sid`, `uid`');
    // The options and fields it names, by their own several-word names: a search for async_stop means this guide.
    expect(made).toEqual({
      headings: ['stop and the upload', 'On any method'],
      terms: ['async_stop', 'maxIdleTime', 'withRetry'],
      // Its prose, paragraph by paragraph: a question about the integration ("can the uid be a string?") asks in these words.
      text: ['First point, clientRequest.async_stop', 'not a point: maxIdleTime, withRetry(), sid, uid'],
    });
    // Code is not prose: an example's variable names are not what the guide is about.
    const withCode = guideOutline("import X from './x.astro';\n\nThe uid is a string.\n\n```ts\nconst recorderUid = '527841';\n```\n\n1. Then `start`.");
    expect(withCode.text).toEqual(['The uid is a string.', 'Then start.']);
  });
});

describe('what a query says is not the case, and a status with its reason phrase', () => {
  it('a name right after a negation is what was expected, not what was seen', () => {
    const n = (q: string, phrase: string) => negated(normalize(q), phrase);
    expect(n('the output shows onhold, why is it not publishing', 'publishing')).toBe(true);
    expect(n("stop answered but it isn't uploaded", 'uploaded')).toBe(true);
    expect(n('状态不是 disconnected 但是推不上去', 'disconnected')).toBe(true);
    expect(n('output is publishing but nobody sees it', 'publishing')).toBe(false);
    // Nobody doing it is no one doing it: a symptom, not the state seen.
    expect(n('the file is empty because nobody was publishing in the room', 'publishing')).toBe(true);
    expect(n('频道里没人 publishing，录出来是空的', 'publishing')).toBe(true);
    // Said once plainly and once negated: it is named.
    expect(n('publishing? not publishing? it says publishing', 'publishing')).toBe(false);
    // A name that is itself a negation is not negated by its own first word.
    expect(n('recording not started', 'not started')).toBe(false);
    // So is a number: "not 401" is not the code seen.
    expect(n('App ID 没填错，也不是 401，acquire 却一直返回 400', '401')).toBe(true);
    expect(n('it is not 401 but 400', '400')).toBe(false);
  });
  it('a number followed by an HTTP reason phrase is an HTTP status', () => {
    expect(withReasonPhrase(normalize('<title>502 Bad Gateway</title>'), '502')).toBe(true);
    expect(withReasonPhrase(normalize('HTTP/1.1 503 Service Unavailable'), '503')).toBe(true);
    expect(withReasonPhrase(normalize('start returns 502 after acquire'), '502')).toBe(false);
  });
});

describe('numbers that name a code', () => {
  it('reads the words before a number: HTTP status, recording status, or a body code', () => {
    expect(codeNumbers(normalize('HTTP/1.1 404 Not Found'))).toEqual([{ value: '404', context: 'http' }]);
    expect(codeNumbers(normalize('状态码 401'))).toEqual([{ value: '401', context: 'http' }]);
    expect(codeNumbers(normalize('query status 8'))).toEqual([{ value: '8', context: 'recording' }]);
    expect(codeNumbers(normalize('录制状态 20'))).toEqual([{ value: '20', context: 'recording' }]);
    expect(codeNumbers(normalize('code 65 start'))).toEqual([{ value: '65', context: 'code' }]);
    expect(codeNumbers(normalize('body 里 code 是 432'))).toEqual([{ value: '432', context: 'code' }]);
    expect(codeNumbers(normalize('start 65'))).toEqual([{ value: '65', context: undefined }]);
  });
  it('an id, a port or a line number is not a code, nor a position in a list', () => {
    expect(codeNumbers(normalize(withoutLogNumbers('start sends uid 0 while acquire had uid 10086, then 432')))).toEqual([{ value: '432', context: undefined }]);
    expect(codeNumbers(normalize(withoutLogNumbers('Caused by: at RecordingClient.java line 49 (port 8443)')))).toEqual([]);
    // A date in Chinese is no code; a code after a month stays one.
    expect(codeNumbers(normalize(withoutLogNumbers('2023 年 12 月 8 号开始 acquire 报 62')))).toEqual([{ value: '62', context: undefined }]);
    expect(codeNumbers(normalize(withoutLogNumbers('12月8日以后一直 433')))).toEqual([{ value: '433', context: undefined }]);
    expect(codeNumbers(normalize(withoutLogNumbers('query: extensionServiceState[0].payload.outputs[1].status=onhold')))).toEqual([]);
    expect(codeNumbers(normalize(withoutLogNumbers('{"code":[433]}')))).toEqual([{ value: '433', context: 'code' }]);
    // A name that ends in a number: a charset, a channel, a thread.
    expect(codeNumbers(normalize(withoutLogNumbers('Content-Type: application/json; charset=UTF-8 gives 401 on acquire')))).toEqual([{ value: '401', context: undefined }]);
    expect(codeNumbers(normalize(withoutLogNumbers('cname room-1 on acquire but room_1 on start, ISO-8859-1 body, exec-3')))).toEqual([]);
    expect(codeNumbers(normalize(withoutLogNumbers('got error-433 then HTTP-404')))).toEqual([{ value: '433', context: undefined }, { value: '404', context: 'http' }]);
  });
  it('codes as people write them: glued to the HTTP status, with a letter prefix, with 号', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q)));
    expect(n('stop 400/49 again')).toEqual([{ value: '400', context: 'http' }, { value: '49', context: 'code' }]);
    expect(n('acquire 500:504')).toEqual([{ value: '500', context: 'http' }, { value: '504', context: 'code' }]);
    expect(n('E1013 on acquire, then ERR433')).toEqual([{ value: '1013', context: 'code' }, { value: '433', context: 'code' }]);
    expect(n('start 报 433号错误')).toEqual([{ value: '433', context: undefined }]);
    // Dates, delays and addresses written with the same marks stay what they are.
    expect(n('2026/12/01 10:12:40 at 10.0.0.7:443, retry after 1/3/6 s')).toEqual([]);
  });
  it('a request pasted with its answer: its numbers are no codes, its verb and URL say what a 404 is', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q))).map((x) => x.value);
    expect(n('{"cname":"c1","uid":"10001","clientRequest":{"resourceExpiredHour":24,"scene":0}} acquire 返回 400')).toEqual(['400']);
    expect(n(`curl -X POST https://api.sd-rtn.com/v1/apps/a1/cloud_recording/acquire -d '{"cname":"t1","uid":"2"}' then 401`)).toEqual(['401']);
    // The answer's own body keeps its numbers.
    expect(n('stop {"code":49} after {"cname":"a","clientRequest":{"async_stop":false}}')).toEqual(['49']);
    expect(readResponse('curl -X GET "https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/r1/sid/s1/mode/mix/stop" then 404')).toEqual({ status: 404, method: 'stop', verb: 'GET' });
    expect(readResponse('{"cname":"c1","uid":"0","clientRequest":{}}')).toBeUndefined();
    // Said in words: the method, the verb it went with, in capitals, and the 404 that came back.
    expect(readResponse('我们的 stop 是用 GET 发的，然后返回了 404')).toEqual({ status: 404, method: 'stop', verb: 'GET' });
    expect(readResponse('calling updateLayout with PUT returns 404 every time')).toEqual({ status: 404, method: 'updateLayout', verb: 'PUT' });
    // The verb the method takes, or no status that came back, is no such reading.
    expect(readResponse('stop with POST returns 404')).toBeUndefined();
    expect(readResponse('should query use GET or POST?')).toBeUndefined();
    // Fields an SDK wrapper renamed, a key-value dump, a client's printed object with double quotes.
    expect(readResponse('AgoraRestError: statusCode=400, errCode=2, err_msg="Acquire: invalid resourceExpiredHour value!"')).toMatchObject({ status: 400, body: { code: 2, reason: 'Acquire: invalid resourceExpiredHour value!' } });
    expect(readResponse('[last_error] http_status = 206 code = 65 reason = "request not completed"')).toMatchObject({ status: 206, body: { code: 65 } });
    expect(readResponse('axios: statusCode: 401, data: { message: "Unauthorized" }')).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    // OkHttp's printed Response: its code is the HTTP status, not a body code.
    expect(readResponse('Response{protocol=h2, code=401, message=, url=https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire}')?.body).toBeUndefined();
    // Java's "response code: 401" is the HTTP status too.
    expect(readResponse('java.io.IOException: Server returned HTTP response code: 401 for URL: https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire')?.body).toBeUndefined();
    // Two methods named (a query after a stop that went through): no verb is read for either.
    expect(readResponse('stop 用 POST 调用成功, 然后 query 返回 404')).toBeUndefined();
    expect(readResponse('I POST to stop after query, then it returns 404')).toBeUndefined();
  });
  it('a time zone is not a code, and a number with its HTTP reason phrase is the HTTP status', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q)));
    expect(n('工单：3月2日 09:12 (GMT+8)，频道 demo，stop 回 49')).toEqual([{ value: '49', context: undefined }]);
    expect(n('since Tuesday UTC-05:00 every start gives 53')).toEqual([{ value: '53', context: undefined }]);
    expect(n('query 回了 404 Not Found，body 是空的')).toEqual([{ value: '404', context: 'http' }]);
    expect(n('acquire: 401 Unauthorized')).toEqual([{ value: '401', context: 'http' }]);
    // Its code beside another phrase is not said to be the status.
    expect(n('start gave 433 Bad Request')).toEqual([{ value: '433', context: undefined }]);
  });
  it('a body logged as an Elixir map or a Ruby hash, and a log\'s dotted keys, are read as the response they are', () => {
    expect(readResponse('Recorder.start/3 failed: {:error, %{status: 400, body: %{"code" => 53, "reason" => "task conflict"}}}')).toMatchObject({ status: 400, body: { code: 53, reason: 'task conflict' } });
    expect(readResponse('level=warn op=query http.status=200 serverResponse.status=8 took=12ms')).toMatchObject({ status: 200, body: { serverResponse: { status: 8 } } });
    expect(readResponse('stop done statusCode=200 uploadingStatus=unknown')).toMatchObject({ status: 200, body: { serverResponse: { uploadingStatus: 'unknown' } } });
    // An Elixir function's arity is no code.
    expect(codeNumbers(normalize(withoutLogNumbers('Recorder.stop/2 crashed, then code 49')))).toEqual([{ value: '49', context: 'code' }]);
  });
  it('a status printed as a field (Go\'s %+v) is the status, though the next field\'s name is a count\'s word', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q)));
    expect(n('resp: &{Cname:r1 ServerResponse:{Status:8 FileListMode:string FileList:[]}}')).toEqual([{ value: '8', context: 'recording' }]);
    // After a status's name a time still makes an amount.
    expect(n('status 5 seconds later')).toEqual([]);
  });
  it('a clock time is not a code, in either language', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q))).map((x) => x.value);
    expect(n('每天凌晨2点 acquire，早上8点半 start，全是433错')).toEqual(['433']);
    expect(n('fails at 2 am and 11 p.m. with 62')).toEqual(['62']);
  });
  it('a log line\'s dates and clock times are not codes', () => {
    const line = '2026-05-12 10:02:33.118 WARN [pool-2] stop took 12:07:49 (retry at 2026/05/12T08:53:07+08:00) code 65';
    expect(codeNumbers(normalize(withoutLogNumbers(line)))).toEqual([{ value: '65', context: 'code' }]);
    expect(codeNumbers(normalize('trace id 0049 then 07'))).toEqual([]);
  });
  it('an IP address, a version, an access log\'s date and a time zone are not codes; the status after HTTP/1.1 is', () => {
    const access = '10.2.0.7 - - [03/Apr/2026:09:15:40 +0800] "POST /v1/apps/ab12/cloud_recording/acquire HTTP/1.1" 504 61 "-" "okhttp/4.12.0"';
    expect(codeNumbers(normalize(withoutLogNumbers(access)))).toEqual([
      { value: '504', context: 'http' },
      { value: '61', context: undefined },
    ]);
    expect(codeNumbers(normalize(withoutLogNumbers('agora sdk v3.7.2 on 192.168.1.20:8080 says 1013')))).toEqual([{ value: '1013', context: undefined }]);
    expect(codeNumbers(normalize(withoutLogNumbers('HTTP/2 404 after retry 2')))).toEqual([
      { value: '404', context: 'http' },
      { value: '2', context: undefined },
    ]);
    expect(readResponse(access)).toEqual({ status: 504, method: 'acquire', verb: 'POST' });
  });
  it('a number followed by a unit is an amount, not a code', () => {
    expect(codeNumbers(normalize('resource id expires after 5 minutes'))).toEqual([]);
    expect(codeNumbers(normalize('频道名超过 64 字节'))).toEqual([]);
    expect(codeNumbers(normalize('retry after 2 seconds'))).toEqual([]);
    // A list of amounts with one unit, and a share.
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q))).map((x) => x.value);
    expect(n('is the wait 2, 4 and 8 seconds or 1/2/4 s?')).toEqual([]);
    expect(n('等待间隔是 2、4、8 秒吗')).toEqual([]);
    expect(n('about 7% of stops return 435')).toEqual(['435']);
    // Words before the number that call it a code win over a word after it that could be a count.
    expect(codeNumbers(normalize('stop failed with code 49 task exiting'))).toEqual([{ value: '49', context: 'code' }]);
  });
  it('a number in a name is not a code: user_12, 会议室3号, an id set to a value', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(q))).map((x) => x.value);
    expect(n('host Anchor_501 and guest viewer-20 then 404')).toEqual(['404']);
    expect(n('会议室3号开录后 query 报 404')).toEqual(['404']);
    expect(n('3号房间录不了，返回 435')).toEqual(['435']);
    expect(n('录制 uid 设为 501，stop 时报 49')).toEqual(['49']);
    expect(n('the recorder uid was 65 and start answered 7')).toEqual(['7']);
    expect(n('频道叫“教室3”，acquire 报 1001')).toEqual(['1001']);
  });
  it('numbers spelled out, read aloud or read off a screenshot are read as digits', () => {
    const n = (q: string) => codeNumbers(normalize(withoutLogNumbers(numbersAsDigits(q)))).map((x) => x.value);
    expect(n('云端录制报错误码四三三')).toEqual(['433']);
    expect(n('停止以后查询返回五零一')).toEqual(['501']);
    expect(n('状态码四百零四')).toEqual(['404']);
    expect(n('一千零二十八 是什么')).toEqual(['1028']);
    expect(n('stop 回来六十五')).toEqual(['65']);
    expect(n('start comes back code sixty-five and then nothing')).toEqual(['65']);
    expect(n('error four three five on stop')).toEqual(['435']);
    expect(n('got five oh two from start')).toEqual(['502']);
    expect(n('four hundred and thirty three after acquire')).toEqual(['433']);
    expect(n('e r r o r 4 3 3')).toEqual(['433']);
    // Words that only look like numbers, amounts and single number words stay as they were.
    expect(numbersAsDigits('一直 万一 三三两两 十分钟 one or two retries')).toBe('一直 万一 三三两两 十分钟 one or two retries');
    expect(n('三十秒之后重试一次')).toEqual([]);
  });
  it('a number before an HTTP reason phrase that starts like a unit is still a status (504 request timeout)', () => {
    expect(codeNumbers(normalize('query HTTP 504 request timeout 要不要重试'))).toEqual([{ value: '504', context: 'http' }]);
    expect(codeNumbers(normalize('we sent 504 requests in a minute'))).toEqual([]);
  });
  it('a state value given to its field as the API writes it is what was seen', () => {
    expect([...givenStateValues('stop 返回的 uploadingStatus 是 backuped，文件在哪')]).toEqual(['backuped']);
    expect([...givenStateValues('extensionServiceState state=exit after stop')]).toEqual(['exit']);
    expect([...givenStateValues('the outputs status became disconnected, uploadingStatus: "uploaded"')]).toEqual(['disconnected', 'uploaded']);
    expect([...givenStateValues('what does status mean here')]).toEqual([]);
  });
  it('OkHttp\'s code beside its HTTP reason phrase is the HTTP status; the body code stays a code', () => {
    const read = codeNumbers(normalize(withoutLogNumbers('HttpException: Response{protocol=h2, code=404, message=Not Found, url=…} body {code=435}')));
    expect(read).toEqual([{ value: '404', context: 'http' }, { value: '435', context: 'code' }]);
    // Java's HttpURLConnection names the HTTP status a response code.
    expect(codeNumbers(normalize('Server returned HTTP response code: 403 for URL: https://example.com/x'))).toEqual([{ value: '403', context: 'http' }]);
  });
});

describe('pasted responses and fragments', () => {
  it('reads a whole body, half a body, a message, a status line and an HTML error page', () => {
    expect(readResponse('{"code":433,"reason":"x"}')).toEqual({ body: { code: 433, reason: 'x' } });
    expect(readResponse('"code":65,"reason":"request not comp')).toEqual({ body: { code: 65, reason: 'request not comp' } });
    expect(readResponse('"message":"Invalid authentication credentials"')).toEqual({ body: { message: 'Invalid authentication credentials' } });
    expect(readResponse('HTTP/1.1 401 Unauthorized\n{"message":"Unauthorized"}')).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(readResponse('<html><title>504 Gateway Time-out</title></html>')).toMatchObject({ status: 504 });
    expect(readResponse('"serverResponse":{"status":20')).toEqual({ body: { serverResponse: { status: 20 } } });
    // A part of a body copied whole with its key, without the braces around it.
    expect(readResponse('"serverResponse":{"status":5,"subServiceStatus":{"a":"serviceAbnormal"}} 要紧吗')).toEqual({ body: { serverResponse: { status: 5, subServiceStatus: { a: 'serviceAbnormal' } } } });
    expect(readResponse('"subServiceStatus":{"a":"serviceReady","b":"serviceValidationFailed"}')).toEqual({ body: { serverResponse: { subServiceStatus: { a: 'serviceReady', b: 'serviceValidationFailed' } } } });
    expect(readResponse('POST /v1/apps/x/cloud_recording/resourceid/y/mode/mix/start {"code":53}')).toEqual({ body: { code: 53 }, method: 'start', verb: 'POST' });
  });
  it('reads what services log: a body in a quoted string, HTTP clients\' errors, a Node object, a Python dict', () => {
    expect(readResponse('level=error msg="stop failed" status=404 body="{\\"code\\":404,\\"reason\\":\\"failed to find worker\\"}"')).toEqual({
      status: 404,
      body: { code: 404, reason: 'failed to find worker' },
    });
    expect(readResponse("AxiosError: Request failed with status code 401\n  data: { message: 'Invalid authentication credentials' }")).toEqual({
      status: 401,
      body: { message: 'Invalid authentication credentials' },
    });
    expect(readResponse('requests.exceptions.HTTPError: 504 Server Error: Gateway Time-out for url: https://api.sd-rtn.com/v1/apps/x/cloud_recording/acquire')).toMatchObject({ status: 504 });
    expect(readResponse('[400 Bad Request] during [POST] to [/v1/apps/x/cloud_recording/resourceid/y/mode/mix/start]: [{"code":2}]')).toEqual({ status: 400, body: { code: 2 }, method: 'start' });
    expect(readResponse("ApiError: start() -> {'code': 53, 'reason': 'task conflict'}")).toEqual({ body: { code: 53, reason: 'task conflict' } });
  });
  it('finds nothing to read in words', () => {
    expect(readResponse('resource id expired')).toBeUndefined();
    expect(readResponse('怎么办')).toBeUndefined();
  });
});

describe('pinning by containment, over the built search data', () => {
  const dir = (lang: string) => join(SITE_ROOT, 'search', lang);
  const data = (lang: 'zh' | 'en') => {
    if (!existsSync(join(dir(lang), 'lexicon.json'))) throw new Error('run `npm run build:site` first');
    const head = JSON.parse(readFileSync(join(dir(lang), 'lexicon.json'), 'utf8')) as SearchLexicon;
    const file = (t: string) => JSON.parse(readFileSync(join(dir(lang), `${tokenFileOf(t, head)}.json`), 'utf8')) as Record<string, Shard>;
    const shard = (t: string) => (Object.hasOwn(file(t), t) ? file(t)[t] : undefined);
    const entry = (n: number) => (JSON.parse(readFileSync(join(dir(lang), `e${Math.floor(n / head.entriesPerFile)}.json`), 'utf8')) as SearchEntry[])[n % head.entriesPerFile];
    const w = new Words(head);
    const pins = (q: string) => {
      const u = w.understand(q);
      return pinMatches([tokens(u.canonical), tokens(u.clean)], shard).map((p) => entry(p.entry).u);
    };
    return { head, file, shard, entry, pins, w };
  };

  it('pins a record whose keyword or message the query contains, not only equals', () => {
    expect(data('en').pins('my start keeps failing with Invalid authentication credentials')[0]).toBe('/en/errors/invalid-authentication-credentials/');
    expect(data('zh').pins('频道名太长怎么办')[0]).toBe('/zh/errors/1013/');
    expect(data('zh').pins('资源ID过期了')[0]).toBe('/zh/errors/433/');
  });

  it('the longest match wins; a two-character Chinese keyword never outranks a longer one', () => {
    expect(phraseUnits(tokens('欠费'))).toBe(4);
    expect(phraseUnits(tokens('资源分配超时'))).toBe(12);
    // 超时 names HTTP 504 and others; 资源分配超时 names body code 504 only.
    expect(data('zh').pins('acquire 资源分配超时')[0]).toBe('/zh/errors/504/');
    // A lone two-character word inside a longer query pins nothing by itself.
    expect(data('zh').pins('我的录制一直欠费')).not.toContain('/zh/errors/405/');
  });

  it('a state name written with a typo names its state; a word the catalog has is never read as a typo', () => {
    const { file, entry } = data('en');
    const named = (q: string) => typoNames(q.split(' '), file).map((p) => entry(p.entry).u);
    expect(named('rtmp output is disconected')).toEqual(['/en/output-status/disconnected/']);
    expect(named('uploadingStatus shows uploded')).toEqual(['/en/upload-status/uploaded/']);
    // "upload" is a word of the catalog, two letters from "uploaded": it stays itself.
    expect(named('upload failed')).toEqual([]);
    expect(named('random gibberish')).toEqual([]);
  });

  it('a name the API writes in camelCase, copied into a sentence as one word, names its record, typo or not', () => {
    const { shard, entry } = data('en');
    const named = (...words: string[]) => camelNames(words.map((w): [string, string] => [w.toLowerCase(), normalize(w).split(' ')[0]]), shard).map((p) => entry(p.entry).u);
    expect(named('serviceInProgress')).toEqual(['/en/states/serviceInProgress/']);
    expect(named('serviceValidationFaild')).toEqual(['/en/states/serviceValidationFailed/']);
    // A field's name is no state; a word far from every name names nothing.
    expect(named('uploadingStatus', 'serviceBanana')).toEqual([]);
  });

  it('codes are found by number, in every kind that has them', () => {
    const { shard, entry } = data('en');
    expect(codeMatches('404', shard).map((n) => entry(n).u)).toEqual(['/en/errors/404/', '/en/http/404/']);
    expect(codeMatches('9999', shard)).toEqual([]);
  });

  it('the relaxed search ranks a typo and a paraphrase by rare, heavy words', () => {
    const { file, head, entry, w } = data('en');
    const top = (q: string) => entry(relaxedScores(tokens(w.understand(q).clean), (t) => file(t), head.records)[0].entry).u;
    expect(top('concurent limit')).toBe('/en/errors/406/');
    expect(top('invalid authetication credentials')).toBe('/en/errors/invalid-authentication-credentials/');
    // A typo in a word that keeps its ending (expierd, recieved): read as its stem with that ending.
    expect(top('resource id expierd')).toBe('/en/errors/433/');
    expect(top('the sid was recieved twice, stoped again')).toBe('/en/errors/49/');
    // A longer word that starts like a stem is another word: cloudflare is not cloud, multipart not multiple.
    const words = (q: string) => tokens(w.understand(q).clean);
    expect(relaxedScores(words('cloudflare multipart'), (t) => file(t), head.records)).toEqual([]);
  });
});
