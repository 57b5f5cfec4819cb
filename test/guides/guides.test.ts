/**
 * The guides say nothing the catalog contradicts, in both languages, and
 * each carries its summary, its sources and the same facts as its translation.
 * Reads content/guides/{zh,en}/*.mdx the way the site renders them (render.ts)
 * and checks every sentence (mentions.ts). The first block proves the check
 * fails on the classes of mistakes it is for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { POLL_AFTER_MS } from '../../src/outcome.ts';
import { checkBlocks, figures, type Problem, type ProblemKind, type Truth } from './mentions.ts';
import { type Block, type Lang, renderGuide } from './render.ts';

const GUIDES_DIR = join(import.meta.dirname, '..', '..', 'content', 'guides');
const LANGS: Lang[] = ['zh', 'en'];
const { records, api } = loadCatalogOrThrow(process.env.CATALOG_DIR);
const truth: Truth = { records, figures: figures(records, api, POLL_AFTER_MS) };
const slugs = readdirSync(join(GUIDES_DIR, 'en')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '')).sort();

const guide = (lang: Lang, slug: string) => {
  const file = `content/guides/${lang}/${slug}.mdx`;
  return renderGuide(readFileSync(join(GUIDES_DIR, lang, `${slug}.mdx`), 'utf8'), lang, records, file);
};
/** A sample paragraph, as a guide would hold it (components written as the renderer turns them). */
const check = (text: string, options?: { requireCitations?: boolean }) => checkBlocks([{ text, line: 1, kind: 'prose' } satisfies Block], truth, options);
const kinds = (problems: Problem[]) => [...new Set(problems.map((p) => p.kind))];
const listing = (problems: Problem[]) => problems.map((p) => `line ${p.line}: ${p.kind}: ${p.message}\n    «${p.sentence}»`).join('\n');

describe('the mention check fails on wrong sentences, by class', () => {
  const wrong: [string, ProblemKind][] = [
    // A status whose next step depends on the body code, tied to a retry.
    ['HTTP 206 means the request was only partly completed, so retry it.', 'retry-claim'],
    ['When `stop` answers HTTP 206, send it again.', 'retry-claim'],
    ['遇到 HTTP 206 时，重试即可。', 'retry-claim'],
    ['A 206 can simply be retried.', 'retry-claim'],
    // A retry where the catalog says otherwise.
    ['433 can be retried after a short wait.', 'retry-claim'],
    ['On `start`, retry ⟦rec:error-code:7⟧ until it succeeds.', 'retry-claim'],
    ['`query` 返回状态 5 时，重试 `query`。', 'retry-claim'],
    ['Do not retry HTTP 429: the limit will not go away.', 'no-retry-claim'],
    ['错误码 65 在 `start` 上不要重试。', 'no-retry-claim'],
    // A delay that is not the record's.
    ['On `start`, retry code 65 with the same resource ID after 5 seconds.', 'delay'],
    ['Retry ⟦rec:error-code:65⟧ on `start` after 1 s, then 3 s.', 'delay'],
    ['在 `start` 上遇到错误码 65，等待 10 秒后重试。', 'delay'],
    ['On `query`, retry code 65 after 3 s, then 6 s.', 'delay'],
    ['Retry HTTP 429 after 3 s, then 1 s.', 'delay'],
    ['Error 65 on `start`: wait 2 seconds, then try again.', 'delay'],
    // A limit or duration that differs.
    ['A resource ID expires 10 minutes after `acquire`.', 'limit'],
    ['resource ID 的有效期为 3 分钟。', 'limit'],
    ['The gateway accepts at most 20 requests per second.', 'limit'],
    ['网关每秒最多接受 5 个请求。', 'limit'],
    ['A channel name may have up to 128 bytes.', 'limit'],
    ['频道名只能使用 90 个字符。', 'limit'],
    ['By default, maxIdleTime is 60 seconds ⟦cite:stop⟧.', 'limit'],
    ['An App ID may run 100 recording tasks at the same time ⟦cite:bp⟧.', 'limit'],
    ['The uid is a string holding an integer from 1 to 2^31−1 ⟦cite:acq⟧.', 'limit'],
    // Codes that do not exist, or not on that method, or not with that status.
    ['A gateway that is overloaded answers HTTP 418.', 'unknown-code'],
    ['Body code 9999 means the recording is paused.', 'unknown-code'],
    ['`acquire` answers code 7 when the channel is already recorded.', 'wrong-method'],
    ['`acquire` 返回 433 时，重新获取 resource ID。', 'wrong-method'],
    ['Code 7 comes with HTTP 200.', 'wrong-http'],
    ['包体错误码 401 随 HTTP 401 返回。', 'wrong-http'],
    // Figures without their source, or numbers no one gives.
    ['The recording leaves an empty channel after 30 seconds of idle time.', 'uncited'],
    ['Poll `query` every 5 seconds until it runs.', 'uncited'],
    ['Call `start` within 90 seconds of `acquire` to be safe.', 'limit'],
    ['Wait 7 seconds before calling `update`.', 'unsourced'],
    ['If `start` returns 206, wait 3 seconds and try again.', 'retry-claim'],
    ['`stop` returning 435 should be retried.', 'retry-claim'],
    ['HTTP 429: don’t retry, slow down.', 'no-retry-claim'],
    ['Channel names are limited to 64 characters.', 'limit'],
    ['QPS limit: 20 per App ID.', 'limit'],
    ['Resource IDs stay valid for 24 hours.', 'limit'],
  ];
  for (const [sentence, kind] of wrong) {
    it(`${kind}: «${sentence}»`, () => {
      const problems = check(sentence);
      expect(kinds(problems), listing(problems)).toContain(kind);
    });
  }

  const right = [
    'On `start`, retry code 65 with the same resource ID after 3 s, then 6 s.',
    'HTTP 206 with body code 65 on `start` may be retried.',
    'HTTP 206 is never a reason to retry on its own: the body code decides.',
    'Do not retry ⟦rec:error-code:435⟧ on `stop`: nobody published a stream.',
    '433 means the resource ID expired: `start` came more than 5 minutes after `acquire`.',
    '`acquire` 之后超过 5 分钟才 `start`，会得到 433。',
    'The gateway accepts at most 10 requests per second.',
    'A channel name has at most 64 bytes, from 89 characters.',
    'In page recording mode, `cname` may be up to 128 bytes ⟦cite:acq⟧.',
    'By default the recording stops when the channel has had no users for more than 30 seconds ⟦cite:stop⟧.',
    'Our advice: poll `query` every 5 seconds until the status is 4 or 5.',
    '重新发送的 `start` 收到 HTTP 201 和错误码 7，说明第一次已经成功。',
    'Body code 404 on `stop` comes with HTTP 404.',
    'Status 0 to 3 means the recording has not started yet.',
    'On `query`, retry code 65 after 1 s, 3 s and 6 s.',
    'The official Go client retries `start` after 1, 2 and 3 seconds ⟦cite:clients⟧.',
  ];
  for (const sentence of right) {
    it(`passes: «${sentence}»`, () => {
      const problems = check(sentence);
      expect(problems, listing(problems)).toEqual([]);
    });
  }
});

describe('the check reads the real guides: one fact changed in a guide makes it fail', () => {
  // Each mutation turns a true sentence of a guide into a false one, the way a careless edit would.
  const mutations: { lang: Lang; slug: string; from: string | RegExp; to: string; kind: ProblemKind }[] = [
    { lang: 'en', slug: 'retries', from: "suggests waiting 3 s, then 6 s", to: 'suggests waiting 3 s, then 5 s', kind: 'delay' },
    { lang: 'zh', slug: 'retries', from: '建议先等 3 秒，再等 6 秒', to: '建议先等 2 秒，再等 6 秒', kind: 'delay' },
    { lang: 'en', slug: 'retries', from: 'HTTP 206 alone is not a reason to retry: the body code decides', to: 'HTTP 206 says the request was partly completed: retry it', kind: 'retry-claim' },
    { lang: 'zh', slug: 'retries', from: '单凭 HTTP 206 不能决定重试：要看包体错误码', to: '遇到 HTTP 206 时重试即可', kind: 'retry-claim' },
    { lang: 'en', slug: 'lifecycle', from: 'within 5 minutes (', to: 'within 10 minutes (', kind: 'limit' },
    { lang: 'zh', slug: 'integrate', from: 'resource ID 本身的有效期是 5 分钟', to: 'resource ID 本身的有效期是 3 分钟', kind: 'limit' },
    { lang: 'en', slug: 'integrate', from: 'no users for more than 30 seconds', to: 'no users for more than 60 seconds', kind: 'limit' },
    { lang: 'en', slug: 'integrate', from: 'send 10 requests per second', to: 'send 20 requests per second', kind: 'limit' },
    { lang: 'zh', slug: 'integrate', from: '同时运行 50 个录制任务', to: '同时运行 100 个录制任务', kind: 'limit' },
    { lang: 'en', slug: 'channel-names', from: 'may be up to 128 bytes <Cite id="acq" />', to: 'may be up to 256 bytes <Cite id="acq" />', kind: 'limit' },
    { lang: 'en', slug: 'integrate', from: 'within two seconds of receiving the resource ID, and advises against fetching resource IDs in advance in batches <Cite id="api" />', to: 'within two seconds of receiving the resource ID, and advises against fetching resource IDs in advance in batches', kind: 'uncited' },
    { lang: 'en', slug: 'authentication', from: 'Both come with HTTP 401', to: 'Both come with HTTP 403', kind: 'unknown-code' },
    { lang: 'en', slug: 'reading-errors', from: 'Here the body code <Rec of="error-code:404" /> comes with HTTP 404', to: 'Here the body code <Rec of="error-code:404" /> comes with HTTP 500', kind: 'wrong-http' },
  ];
  for (const m of mutations) {
    it(`${m.lang}/${m.slug}: ${String(m.from)} → ${m.to}`, () => {
      const source = readFileSync(join(GUIDES_DIR, m.lang, `${m.slug}.mdx`), 'utf8');
      const mutated = source.replace(m.from, m.to);
      expect(mutated, 'the sentence to change is in the guide').not.toBe(source);
      expect(checkBlocks(renderGuide(source, m.lang, records).blocks, truth)).toEqual([]);
      const problems = checkBlocks(renderGuide(mutated, m.lang, records).blocks, truth);
      expect(kinds(problems), listing(problems)).toContain(m.kind);
    });
  }
});

describe('every guide', () => {
  it('exists in both languages with the same slugs', () => {
    const zh = readdirSync(join(GUIDES_DIR, 'zh')).filter((f) => f.endsWith('.mdx')).sort();
    expect(zh).toEqual(slugs.map((s) => `${s}.mdx`));
    expect(slugs).toContain('integrate');
  });

  for (const slug of slugs) {
    describe(slug, () => {
      for (const lang of LANGS) {
        it(`${lang}: says nothing the catalog contradicts`, () => {
          const g = guide(lang, slug);
          expect(g.problems).toEqual([]);
          const problems = checkBlocks(g.blocks, truth);
          expect(problems, `content/guides/${lang}/${slug}.mdx\n${listing(problems)}`).toEqual([]);
        });

        it(`${lang}: opens with its "In one minute" summary and ends with the sources it cites`, () => {
          const g = guide(lang, slug);
          expect(g.first).toBe('<InOneMinute>');
          expect(g.cited.length).toBeGreaterThan(0);
          expect(new Set(g.listed)).toEqual(new Set(g.cited));
          const known = new Set<string>(api.sources.map((s) => s.id));
          expect(g.cited.filter((id) => !known.has(id))).toEqual([]);
        });
      }

      it('says the same in both languages: the same records, sources, components and figures', () => {
        const [zh, en] = [guide('zh', slug), guide('en', slug)];
        const shape = (g: ReturnType<typeof guide>) => g.components.map((c) => `${c.name} ${JSON.stringify(c.props)}`).sort();
        expect(shape(zh)).toEqual(shape(en));
      });
    });
  }
});

describe('Chinese wording', () => {
  const banned: [RegExp, string][] = [
    [/网页录制/, '页面录制 (the word of Agora’s Chinese docs)'],
    [/子服务/, '子模块 (the seed’s word)'],
    [/(?<!包)响应体|响应体中的 code/, '响应包体 / 包体错误码 (the catalog’s words)'],
    [/本目录/, '本站 (the reader sees a site, not a directory)'],
    [/根据是谁作出的回答/, 'a plain sentence'],
  ];
  for (const slug of slugs) {
    it(`${slug}: uses the catalog’s and Agora’s terms`, () => {
      const text = readFileSync(join(GUIDES_DIR, 'zh', `${slug}.mdx`), 'utf8');
      const found = banned.filter(([re]) => re.test(text)).map(([re, instead]) => `${re.source} → ${instead}`);
      // The seed says 5 分钟: 300 秒 only beside it, in the same sentence.
      for (const sentence of text.split(/(?<=[。！？\n])/)) if (/300 秒/.test(sentence) && !/5 分钟/.test(sentence)) found.push(`300 秒 without 5 分钟: ${sentence.trim()}`);
      expect(found).toEqual([]);
    });
  }
});
