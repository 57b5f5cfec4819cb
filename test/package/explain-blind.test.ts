/**
 * explain() on responses pasted the way people paste them (curl -i/-v, client errors, proxies' pages,
 * half bodies, successes of every method, whole sessions, other languages' clients), written blind — from
 * the README, the catalog and the two sources only, before anything was run — by someone who had not read
 * explain()'s code, in three rounds (test/fixtures/explain-blind/cases.yaml: 81 cases; cases-second.yaml: 60;
 * cases-third.yaml: 60, whole recording sessions in the three modes, decided step by step; cases-fourth.yaml: 60,
 * the same code method by method, other HTTP clients' prints, odd values, several responses in one paste,
 * a success and a problem in one answer, the wrong verb or URL; cases-fifth.yaml: 60, four whole sessions replayed
 * response by response, sub-service and upload values good, bad and unknown, bodies cut at each point, the retry
 * advice per method, Swift, Kotlin, DevTools and Postman prints).
 * Each case's expected outcome, status, code, method, waits and Retry-After are what the sources justify;
 * the words (facts, never) were checked by hand. An outcome written `a|b` is one the sources leave open;
 * `!retry&!success` is one the README names only by what it is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pastedInputs } from '../../src/findings.ts';
import { explain, type ExplainInput, type Method } from '../../src/index.ts';
import { explain as explainZh } from '../../src/zh.ts';

type Case = {
  id: number;
  what: string;
  via: 'cli' | 'api';
  method?: string;
  status?: number;
  crlf?: boolean;
  input?: string;
  api?: Record<string, unknown>;
  expect: Expected & {
    /** A paste with several responses: each one's, in order (the case's own fields are then the last one's). */
    each?: Expected[];
  };
  /** Where we read the sources otherwise than the case's author, or a paste the reader does not read yet: why. */
  known?: string;
};

type Expected = { outcome?: string; status?: number | string | null; code?: number | string | null; method?: string | null; delaysMs?: number[] | string; then?: string; retryAfterMs?: number | null };

/** A number written with a note ("404 (body)", "522 (from the page)"): the number. */
const numberOf = (v: number | string | null | undefined) => (v === undefined || v === null ? undefined : typeof v === 'number' ? v : Number.parseInt(v, 10));
/** Delays as written: a list, or lists the sources leave open ("[1000, 3000, 6000] | [3000, 6000]"), each as JSON. */
const delaysOf = (v: number[] | string) => (typeof v === 'string' ? v.split('|').map((l) => JSON.stringify(JSON.parse(l))) : [JSON.stringify(v)]);
/** A next step written with a note ("contact-support (raise quota)"): the step. */
const stepOf = (v: string | undefined) => v?.split(' ')[0];

const read = (name: string) => (parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'explain-blind', name), 'utf8')) as { cases: Case[] }).cases;
const rounds = [
  { name: 'cases.yaml', cases: read('cases.yaml'), least: 80 },
  { name: 'cases-second.yaml', cases: read('cases-second.yaml'), least: 60 },
  { name: 'cases-third.yaml', cases: read('cases-third.yaml'), least: 60 },
  { name: 'cases-fourth.yaml', cases: read('cases-fourth.yaml'), least: 60 },
  { name: 'cases-fifth.yaml', cases: read('cases-fifth.yaml'), least: 60 },
];

/** An outcome as a case writes it: a kind, kinds the sources leave open (`a|b`), or what it is not (`!retry&!success`); undefined for one in words. */
function outcomeFits(written: string | undefined, kind: string): boolean {
  const w = written?.replace(/\s*([|&])\s*/g, '$1').trim();
  if (w && /^![a-z-]+(?:&![a-z-]+)*$/.test(w)) return !w.split('&').some((not) => not.slice(1) === kind);
  if (w && /^[a-z-]+(?:\|[a-z-]+)*$/.test(w)) return w.split('|').includes(kind);
  return true;
}

/**
 * The inputs as `agora-rec-codes explain` hands them to explain(): each response its reader finds in the
 * paste (else the paste as the body), with --method and --status.
 */
function inputsOf(c: Case): ExplainInput[] {
  if (c.via === 'api') {
    const { options: _options, ...input } = c.api as ExplainInput & { options?: unknown };
    return [input];
  }
  const text = c.crlf ? c.input!.replace(/\n/g, '\r\n') : c.input!;
  return pastedInputs(text, { ...(c.method && { method: c.method as Method }), ...(c.status !== undefined && { status: c.status }) }).map((p) => p.input);
}

for (const { name, cases, least } of rounds) {
  describe(`explain() on responses pasted as people paste them, judged blind from the sources (${name})`, () => {
    it('has the cases, each with what the sources justify', () => {
      expect(cases.length).toBeGreaterThanOrEqual(least);
      expect(cases.filter((c) => c.expect.outcome && /^[a-z|!&-]+$/.test(c.expect.outcome.replace(/ /g, ''))).length).toBeGreaterThanOrEqual(least * 0.6);
    });

    it('says why each case it does not hold differs: a reading of the sources, or a paste not read yet', () => {
      const known = cases.filter((c) => c.known !== undefined);
      expect(known.length).toBeLessThanOrEqual(5);
      for (const c of known) expect(c.known!.length, `#${c.id}`).toBeGreaterThan(60);
    });

    for (const c of cases.filter((x) => x.known === undefined)) {
      it(`#${c.id} ${c.what}`, () => {
        // The second argument of explain(), where the case gives one: `now` for a Retry-After given as a date.
        const given = (c.api?.options ?? {}) as { now?: string | number };
        const options = given.now === undefined ? {} : { now: typeof given.now === 'number' ? given.now : Date.parse(given.now) };
        const fits = (input: ExplainInput, e: Expected) => {
          const d = explain(input, options);
          const kind = d.outcome.kind;
          const retryAfter = d.outcome.kind === 'retry' ? d.outcome.retryAfterMs : undefined;
          return (
            outcomeFits(e.outcome, kind) &&
            (e.status === undefined || d.status === numberOf(e.status)) &&
            // A code read from the reason alone (`no recorded data` → 435) is the record's.
            (e.code === undefined || (d.code ?? (d.record?.ref.startsWith('error-code:') ? Number(d.record.ref.slice(11)) : undefined)) === numberOf(e.code)) &&
            // null: the input gives none.
            (e.method === undefined || d.method === (e.method ?? undefined)) &&
            // Delays the sources leave open are written "[1000, 3000, 6000] | [3000, 6000]": either fits.
            (!e.delaysMs || kind !== 'retry' || delaysOf(e.delaysMs).includes(JSON.stringify(d.outcome.kind === 'retry' && d.outcome.delaysMs))) &&
            (!e.then || kind !== 'retry' || (d.outcome.kind === 'retry' && d.outcome.then === stepOf(e.then))) &&
            // null: no Retry-After to honour.
            (e.retryAfterMs === undefined || (e.retryAfterMs === null ? retryAfter === undefined : retryAfter === e.retryAfterMs)) &&
            // Chinese gives the same decision.
            JSON.stringify(explainZh(input, options).outcome) === JSON.stringify(d.outcome)
          );
        };
        const inputs = inputsOf(c);
        const seen = JSON.stringify(inputs.map((i) => ({ ...explain(i, options).outcome, status: explain(i).status, code: explain(i).code, method: explain(i).method })));
        const { each, ...last } = c.expect;
        if (each) {
          // Several responses: each explained on its own, in order, and the paste ends in the last one's state.
          expect(inputs.length, seen).toBe(each.length);
          each.forEach((e, i) => expect(fits(inputs[i], e), `response ${i + 1}: ${seen}`).toBe(true));
          expect(fits(inputs.at(-1)!, last), seen).toBe(true);
        } else {
          // Else a paste with several responses is explained response by response (as the CLI prints them): one of them is the case.
          expect(inputs.some((input) => fits(input, last)), seen).toBe(true);
        }
      });
    }
  });
}
