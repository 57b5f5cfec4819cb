/**
 * `agora-rec-codes` as a user runs it, judged blind: 45 cases written from the README and the catalog only, before
 * anything was run, by someone who had not read the CLI's code (test/fixtures/cli-blind/cases.yaml; its header says
 * the format). Each case: the arguments, what is piped in, the environment; the exit status, what the output must
 * and must not say, the --json fields. Where the README left something open, the case says `a|b` and the first
 * answer is asserted unless a note (`chosen`) says which reading the CLI takes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Case = {
  id: number;
  what: string;
  args: string[];
  stdin?: string;
  env?: Record<string, string>;
  expect: { exit?: number | string; stdout_has?: string[]; stdout_lacks?: string[]; stderr_has?: string[]; json?: Record<string, unknown> };
};

const here = join(import.meta.dirname, '..', 'fixtures', 'cli-blind');
const cases = (parse(readFileSync(join(here, 'cases.yaml'), 'utf8')) as Case[] | { cases: Case[] }) as Case[];
const root = join(import.meta.dirname, '..', '..');

// The files the cases name: the two written for them, and a log whose first line is longer than 64 KB.
const fixtures = mkdtempSync(join(tmpdir(), 'cli-blind-'));
for (const f of ['app.jsonl', 'stop-ok.log']) copyFileSync(join(here, f), join(fixtures, f));
writeFileSync(join(fixtures, 'long.log'), `${'x'.repeat(70_000)}\nacquire -> 200 {"cname":"room-1","uid":"527841","resourceId":"RID-abc123"}\n`);
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

const at = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);

describe('agora-rec-codes as a user runs it, judged blind from the README', () => {
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(45));

  for (const c of cases) {
    it(`#${c.id} ${c.what}`, () => {
      const args = c.args.map((a) => a.replace('{fixtures}', fixtures));
      const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1' };
      for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete env[k];
      Object.assign(env, c.env ?? {});
      const r = spawnSync(process.execPath, [join(root, 'dist', 'esm', 'cli.js'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env,
        ...(c.stdin !== undefined ? { input: c.stdin } : { stdio: ['ignore', 'pipe', 'pipe'] }),
      });
      const seen = `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
      const e = c.expect;
      if (e.exit !== undefined) expect(String(e.exit).split('|').map(Number), seen).toContain(r.status);
      for (const s of e.stdout_has ?? []) expect(r.stdout, seen).toContain(s);
      for (const s of e.stdout_lacks ?? []) expect(r.stdout, seen).not.toContain(s);
      for (const s of e.stderr_has ?? []) expect(r.stderr, seen).toContain(s);
      if (e.json) {
        const json = JSON.parse(r.stdout) as unknown;
        for (const [path, value] of Object.entries(e.json)) expect(at(json, path), `${path}\n${seen}`).toEqual(value);
      }
    });
  }
});
