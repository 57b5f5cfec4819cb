/**
 * Package figures: bundled sizes (esbuild, minified, gzipped) of what a
 * consumer imports, beside http-status-codes and statuses measured in the same
 * run; and the throughput of lookup and explain (tinybench). Both read a built dist/
 * (the bench builds it first, in its workspace).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Bench } from 'tinybench';
import { ROOT } from './workspace.ts';

export type SizeFigure = { name: string; code: string; minified: number; gzipped: number; modules: { path: string; bytes: number }[] };

/**
 * The size of `code` (an ES module) bundled for the browser with esbuild's
 * defaults and the package in `dist`, minified and gzipped (level 9); and the
 * minified bytes each module of the package adds. `DIST/` in `code` is dist/esm/.
 */
export async function bundledSize(dist: string, name: string, code: string): Promise<SizeFigure> {
  const esm = join(dist, 'esm');
  const result = await build({
    stdin: { contents: code.replaceAll('DIST/', `${esm}/`), resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    alias: Object.fromEntries(['', '/zh', '/en', '/constants'].map((sub) => [`@org/agora-rec-codes${sub}`, join(esm, `${sub.slice(1) || 'index'}.js`)])),
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  const modules = inputs.map(([path, i]) => ({ path: path.slice(path.lastIndexOf('esm/') + 4), bytes: i.bytesInOutput })).sort((a, b) => b.bytes - a.bytes);
  return { name, code, minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, modules };
}

/** What is measured: [name, the consumer's module]; each logs what it imports, so that nothing is tree-shaken away. */
export const SIZE_CASES: [string, string][] = [
  ['`import { ErrorCode }`', `import { ErrorCode } from '@org/agora-rec-codes'; console.log(ErrorCode.RESOURCE_ID_EXPIRED);`],
  ['`import { ErrorCode }` from `/constants`', `import { ErrorCode } from '@org/agora-rec-codes/constants'; console.log(ErrorCode.RESOURCE_ID_EXPIRED);`],
  ['`import { lookup }`', `import { lookup } from '@org/agora-rec-codes'; console.log(lookup(433));`],
  ['`import { explain }`', `import { explain } from '@org/agora-rec-codes'; console.log(explain({ status: 206 }));`],
  ['`import { validateChannelName }`', `import { validateChannelName } from '@org/agora-rec-codes'; console.log(validateChannelName('a'));`],
  ['one locale: all of `@org/agora-rec-codes/en`', `import * as en from '@org/agora-rec-codes/en'; console.log(en);`],
  ['one locale: all of `@org/agora-rec-codes/zh`', `import * as zh from '@org/agora-rec-codes/zh'; console.log(zh);`],
  ['one locale\'s texts alone (en; not an entry point)', `import { TEXTS } from 'DIST/generated/texts.en.js'; console.log(TEXTS);`],
  ['one locale\'s texts alone (zh; not an entry point)', `import { TEXTS } from 'DIST/generated/texts.zh.js'; console.log(TEXTS);`],
  ['everything, both locales', `import * as all from '@org/agora-rec-codes'; console.log(all);`],
  ['http-status-codes: `import { StatusCodes }`', `import { StatusCodes } from 'http-status-codes'; console.log(StatusCodes.OK);`],
  ['statuses: `import statuses`', `import statuses from 'statuses'; console.log(statuses(404));`],
];

export type Throughput = {
  name: string;
  /** Calls per second, from the median time of one pass over the inputs. */
  opsPerSecond: number;
  /** The spread of the pass times: their median absolute deviation, in percent of the median. */
  spread: number;
  /** How many timed passes over the inputs. */
  samples: number;
};

/** How long tinybench times each function (after its warm-up). */
export const THROUGHPUT_MS = 2000;

/**
 * Calls per second of `fn` over `inputs`, measured by tinybench: each sample is
 * one pass over every input (a single call is too short for the clock), timed
 * for `ms` milliseconds after a warm-up; the figure is from the median pass.
 */
export async function throughput(name: string, inputs: unknown[], fn: (input: unknown) => unknown, ms: number = THROUGHPUT_MS): Promise<Throughput> {
  const bench = new Bench({ time: ms, warmupTime: Math.min(500, ms / 4), iterations: 100 });
  let sink: unknown;
  bench.add(name, () => {
    for (let i = 0; i < inputs.length; i++) sink = fn(inputs[i]);
  });
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result?.state !== 'completed') {
    throw new Error(`throughput of ${name}: ${result && 'error' in result ? String(result.error) : `the run ended ${result?.state ?? 'without a result'}`}`);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps the calls from being optimised away
  const { p50, mad, samplesCount } = result.latency;
  return { name, opsPerSecond: (inputs.length * 1000) / p50, spread: (100 * mad) / p50, samples: samplesCount };
}

export const LOOKUPS: unknown[] = [433, '433', ' invalid AppID ', 'RESOURCE_ID_EXPIRED', 'failed to find worker', 'serviceIdle', 9999, 'no such message'];
export const RESPONSES: unknown[] = [
  { status: 206, body: '{"code":65,"reason":"request not completed"}', method: 'start' },
  { status: 401, body: '{"message":"Invalid authentication credentials"}' },
  { status: 404, body: { code: 404, serverResponse: { payload: { message: 'failed to find worker' } } }, method: 'stop' },
  { status: 200, body: { serverResponse: { status: 5 } }, method: 'query' },
  { status: 504, body: '<html><title>504</title></html>' },
];

export async function packageThroughput(dist: string, ms: number = THROUGHPUT_MS): Promise<Throughput[]> {
  const { lookup, explain } = (await import(pathToFileURL(join(dist, 'esm/index.js')).href)) as {
    lookup(q: unknown): unknown;
    explain(r: unknown): unknown;
  };
  return [
    await throughput('`lookup`, 8 mixed queries', LOOKUPS, (q) => lookup(q), ms),
    await throughput('`explain`, 5 mixed responses', RESPONSES, (r) => explain(r), ms),
  ];
}
