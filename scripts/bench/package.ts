/**
 * Package figures: bundled sizes (esbuild, minified, gzipped) of what a
 * consumer imports, beside http-status-codes and statuses measured in the same
 * run; and the throughput of lookup and explain.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist/esm');

export type SizeFigure = { name: string; code: string; minified: number; gzipped: number };

/** The size of `code` (an ES module) bundled for the browser, minified and gzipped. */
export async function bundledSize(name: string, code: string): Promise<SizeFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-size-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, code);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    nodePaths: [join(root, 'node_modules')],
    alias: { '@org/agora-rec-codes': join(dist, 'index.js'), '@org/agora-rec-codes/zh': join(dist, 'zh.js'), '@org/agora-rec-codes/en': join(dist, 'en.js') },
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { name, code, minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

export const SIZE_CASES: [string, string][] = [
  ['`import { ErrorCode }`', `import { ErrorCode } from '@org/agora-rec-codes'; console.log(ErrorCode.RESOURCE_ID_EXPIRED);`],
  ['`import { lookup }`', `import { lookup } from '@org/agora-rec-codes'; console.log(lookup(433));`],
  ['`import { explain }`', `import { explain } from '@org/agora-rec-codes'; console.log(explain({ status: 206 }));`],
  ['`import { validateChannelName }`', `import { validateChannelName } from '@org/agora-rec-codes'; console.log(validateChannelName('a'));`],
  ['one locale: `@org/agora-rec-codes/en` (everything)', `import * as en from '@org/agora-rec-codes/en'; console.log(en);`],
  ['one locale: `@org/agora-rec-codes/zh` (everything)', `import * as zh from '@org/agora-rec-codes/zh'; console.log(zh);`],
  ['everything, both locales', `import * as all from '@org/agora-rec-codes'; console.log(all);`],
  ['http-status-codes: `import { StatusCodes }`', `import { StatusCodes } from 'http-status-codes'; console.log(StatusCodes.OK);`],
  ['statuses: `import statuses`', `import statuses from 'statuses'; console.log(statuses(404));`],
];

export type Throughput = { name: string; opsPerSecond: number };

/** Operations per second of `fn` over `inputs`: the median of several timed rounds. */
export function throughput(name: string, inputs: unknown[], fn: (input: unknown) => unknown, rounds = 7): Throughput {
  const per: number[] = [];
  for (let i = 0; i < 2000; i++) fn(inputs[i % inputs.length]); // warm up
  for (let r = 0; r < rounds; r++) {
    let ops = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 200_000_000n) {
      for (let i = 0; i < inputs.length; i++) fn(inputs[i]);
      ops += inputs.length;
      elapsed = process.hrtime.bigint() - start;
    }
    per.push(ops / (Number(elapsed) / 1e9));
  }
  per.sort((a, b) => a - b);
  return { name, opsPerSecond: per[Math.floor(per.length / 2)] };
}

export async function packageThroughput(): Promise<Throughput[]> {
  const { lookup, explain } = await import(join(dist, 'index.js'));
  const lookups = [433, '433', ' invalid AppID ', 'RESOURCE_ID_EXPIRED', 'failed to find worker', 'serviceIdle', 9999, 'no such message'];
  const responses = [
    { status: 206, body: '{"code":65,"reason":"request not completed"}', method: 'start' },
    { status: 401, body: '{"message":"Invalid authentication credentials"}' },
    { status: 404, body: { code: 404, serverResponse: { payload: { message: 'failed to find worker' } } }, method: 'stop' },
    { status: 200, body: { serverResponse: { status: 5 } }, method: 'query' },
    { status: 504, body: '<html><title>504</title></html>' },
  ];
  return [
    throughput('`lookup` (mixed queries)', lookups, (q) => lookup(q)),
    throughput('`explain` (mixed real responses)', responses, (r) => explain(r)),
  ];
}
