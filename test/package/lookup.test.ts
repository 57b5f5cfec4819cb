/**
 * The package's lookup, constants, retry policy, channel-name check and doc
 * URLs, on every record of the catalog.
 */
import { describe, expect, it } from 'vitest';
import * as pkg from '../../src/index.ts';
import * as zh from '../../src/zh.ts';
import * as en from '../../src/en.ts';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { KINDS, METHODS, recordRef } from '../../scripts/catalog/schema.ts';
import { retryOn } from '../../site/lib/record.ts';
import { SITE_URL } from '../../src/generated/records.ts';

const catalog = loadCatalogOrThrow();

describe('lookup finds every record', () => {
  for (const source of catalog.records) {
    const ref = recordRef(source);
    it(ref, () => {
      const kind = source.kind;
      // By its value, as the API sends it.
      const value = source.kind === 'message-error' ? source.message : source.code;
      expect(pkg.lookup(value, { kind })?.ref).toBe(ref);
      // By its constant name, alone and qualified by its group.
      expect(pkg.lookup(source.constant, { kind })?.ref).toBe(ref);
      expect(pkg.lookup(`${KINDS[kind].constantGroup}.${source.constant}`)?.ref).toBe(ref);
      expect(pkg.lookup(`${KINDS[kind].constantGroup}.${source.constant}`, { kind })?.ref).toBe(ref);
      // By its reference.
      expect(pkg.lookup(ref)?.ref).toBe(ref);
      // In both languages, with the catalog's own texts.
      expect(pkg.lookup(value, { kind, locale: 'zh' })?.title).toBe(source.title.zh);
      expect(pkg.lookup(value, { kind, locale: 'en' })?.title).toBe(source.title.en);
      expect(zh.lookup(value, { kind })?.summary).toBe(source.summary.zh);
      expect(en.lookup(value, { kind })?.summary).toBe(source.summary.en);
      // Its constant is exported with the value the API sends.
      const group = (pkg as unknown as Record<string, Record<string, unknown>>)[KINDS[kind].constantGroup];
      expect(group[source.constant]).toBe(value);
      // Its page.
      expect(pkg.docUrl(source, 'en')).toBe(`${SITE_URL}/en/${KINDS[kind].segment}/${encodeURIComponent(String(source.code))}/`);
      expect(pkg.lookup(ref)?.urls.zh).toBe(pkg.docUrl(source, 'zh'));
    });
  }
});

describe('lookup, as a user types', () => {
  it('reads a number or numeric string as a body code first', () => {
    expect(pkg.lookup(433)?.constant).toBe('RESOURCE_ID_EXPIRED');
    expect(pkg.lookup(' 433 ')?.ref).toBe('error-code:433');
    expect(pkg.lookup(404)?.ref).toBe('error-code:404');
    expect(pkg.lookup(404, { kind: 'http-status' })?.ref).toBe('http-status:404');
    expect(pkg.lookup(206)?.ref).toBe('http-status:206');
  });

  it('finds messages whatever their case, spacing and quotes', () => {
    expect(pkg.lookup(' invalid AppID ')?.ref).toBe('message-error:invalid-appid');
    expect(pkg.lookup('"Invalid   authentication credentials"')?.ref).toBe('message-error:invalid-authentication-credentials');
    expect(pkg.lookup('no route matched with those values')?.ref).toBe('message-error:no-route-matched');
  });

  it('finds a record by the reason string the API sends', () => {
    expect(pkg.lookup('failed to find worker')?.ref).toBe('error-code:404');
    expect(pkg.lookup('request not completed')?.ref).toBe('error-code:65');
  });

  it('reads Group.CONSTANT in the group\'s kind, where the same name exists in several kinds', () => {
    expect(pkg.lookup('HttpStatus.UNAUTHORIZED')?.ref).toBe('http-status:401');
    expect(pkg.lookup('GatewayMessage.UNAUTHORIZED')?.ref).toBe('message-error:unauthorized');
    expect(pkg.lookup('ExtensionState.IN_PROGRESS')?.ref).toBe('extension-state:inProgress');
    expect(pkg.lookup('RecordingStatus.IN_PROGRESS')?.ref).toBe('recording-status:5');
    expect(pkg.lookup('HttpStatus.UNAUTHORIZED', { kind: 'error-code' })).toBeUndefined();
  });

  it('finds states by name', () => {
    expect(pkg.lookup('serviceidle')?.ref).toBe('service-state:serviceIdle');
    expect(pkg.lookup('backuped')?.ref).toBe('upload-status:backuped');
  });

  it('returns undefined for what the catalog lacks, and for nonsense', () => {
    for (const q of [9999, '9999', 'no such message', '', ' ', -1, 1.5, NaN, Infinity, '__proto__', 'constructor', 'toString']) {
      expect(pkg.lookup(q as never), String(q)).toBeUndefined();
    }
  });

  it('gives the meaning that applies on the method, where a code means different things (62)', () => {
    const onAcquire = pkg.lookup(62, { method: 'acquire' })!;
    expect(onAcquire.meaning?.source).toBe('seed');
    expect(onAcquire.meaning?.methods).toContain('acquire');
    const onStart = pkg.lookup(62, { method: 'start' })!;
    expect(onStart.meaning?.source).toBe('sc');
    expect(onStart.meaning?.reason).toBe('request timeout');
    expect(pkg.lookup(62)!.meaning).toBeUndefined();
  });
});

describe('the package and the site agree', () => {
  it('on the retry policy of every record on every method, and on where it comes from', () => {
    // The site holds both languages of a recommendation's reason; the package (English by default) one.
    const inEnglish = (value: unknown) =>
      JSON.parse(JSON.stringify(value), (_, v) => (v && typeof v === 'object' && typeof v.zh === 'string' && typeof v.en === 'string' ? v.en : v));
    for (const source of catalog.records) {
      for (const method of [undefined, ...METHODS]) {
        const record = pkg.lookup(recordRef(source), { method })!;
        expect(inEnglish(retryOn(source, method)), `${recordRef(source)} on ${method}`).toEqual(record.meaning?.retry ?? record.retry);
      }
    }
  });
});

describe('retryPolicy', () => {
  it('65 on start: the same request, same resource ID, after 3000 ms then 6000 ms', () => {
    expect(pkg.retryPolicy(65, 'start')).toMatchObject({ action: 'retry', delaysMs: [3000, 6000], sameResourceId: true });
  });
  it('433: acquire again', () => {
    expect(pkg.retryPolicy(433, 'start')?.action).toBe('acquire-again');
  });
  it('433 on `stop` does not send a stop into a new recording: check what it means there, as explain() says', () => {
    expect(pkg.retryPolicy(433, 'stop')).toEqual({ action: 'contact-support' });
    expect(pkg.retryPolicy('RESOURCE_ID_EXPIRED', 'query')).toEqual({ action: 'contact-support' });
    expect(pkg.explain({ method: 'stop', body: { code: 433 } }).retry?.action).toBe('contact-support');
  });
  it('65 without a method is the retry most methods take; on `acquire` there is no resource ID to keep', () => {
    expect(pkg.retryPolicy(65)).toMatchObject({ action: 'retry', delaysMs: [1000, 3000, 6000], sameResourceId: true });
    expect(pkg.retryPolicy(65)).not.toHaveProperty('then');
    expect(pkg.retryPolicy(65, 'acquire')).toMatchObject({ action: 'retry', delaysMs: [3000, 6000] });
    expect(pkg.retryPolicy(65, 'acquire')).not.toHaveProperty('sameResourceId');
    expect(pkg.retryPolicy(65, 'acquire')).not.toHaveProperty('then');
  });
  it('finds a record by its title as a page shows it, as the CLI does', () => {
    expect(pkg.lookup('Resource ID expired')?.ref).toBe('error-code:433');
    expect(pkg.lookup('  resource id EXPIRED. ')?.ref).toBe('error-code:433');
    expect(pkg.lookup('频道名不合法')?.ref).toBe('error-code:1013');
    expect(pkg.lookup('频道名不合法', { locale: 'zh' })?.title).toMatch(/^频道名不合法/);
    expect(zh.lookup(zh.lookup(433)!.title)?.ref).toBe('error-code:433');
    expect(en.lookup(en.lookup(1013)!.title)?.ref).toBe('error-code:1013');
    // A kind asked for is kept; words that are no title find nothing.
    expect(pkg.lookup('Resource ID expired', { kind: 'http-status' })).toBeUndefined();
    expect(pkg.lookup('expired')).toBeUndefined();
    for (const r of [...pkg.allRecords(), ...pkg.allRecords('zh')]) expect(pkg.lookup(r.title, { kind: r.kind })?.ref, r.title).toBe(r.ref);
  });
  it('what the package reads at run time cannot be changed by an importer', () => {
    const attempts: [string, () => void][] = [
      ['CHANNEL_NAME.maxBytes', () => ((pkg.CHANNEL_NAME as { maxBytes: number }).maxBytes = 1000)],
      ['METHOD_VERBS.query', () => ((pkg.METHOD_VERBS as Record<string, string>).query = 'POST')],
      ['METHODS.push', () => (pkg.METHODS as string[]).push('delete')],
      ['OUTCOME_KINDS.push', () => (pkg.OUTCOME_KINDS as string[]).push('x')],
      ['ErrorCodeName[999]', () => ((pkg.ErrorCodeName as Record<number, string>)[999] = 'X')],
    ];
    for (const [what, change] of attempts) expect(change, what).toThrow(TypeError);
    expect(pkg.validateChannelName('a'.repeat(70))).toMatchObject({ ok: false, maxBytes: 64 });
    expect(pkg.isErrorCode(999)).toBe(false);
    expect(pkg.explain({ method: 'query', verb: 'POST', status: 404 }).outcome.kind).toBe('fix-request');
  });
  it('62 on acquire is not retried; on start it is', () => {
    expect(pkg.retryPolicy(62, 'acquire')?.action).toBe('fix-account');
    expect(pkg.retryPolicy(62, 'start')?.action).toBe('retry');
  });
  it('takes a message too, and is undefined for an unknown code', () => {
    expect(pkg.retryPolicy('API rate limit exceeded')).toMatchObject({ action: 'retry', delaysMs: [1000, 3000, 6000] });
    expect(pkg.retryPolicy(9999)).toBeUndefined();
  });
  it("gives what explain() says of the code alone on each method — its rule on the full record — by every name, on every method and on values that are no method", () => {
    // retryPolicy() reads a table of its own (no records, no texts); it must agree with the records, name by name.
    const withoutTexts = (policy: object) => JSON.parse(JSON.stringify(policy, (k, v) => ((k === 'basis' || k === 'thenBasis') && v.recommendation ? undefined : v)));
    for (const r of catalog.records) {
      const ref = recordRef(r);
      const full = pkg.lookup(ref)!;
      const names = [ref, `${KINDS[r.kind].constantGroup}.${r.constant}`, ...(r.formerConstants ?? []).map((f) => `${KINDS[r.kind].constantGroup}.${f.name}`)];
      for (const method of [undefined, ...METHODS, 'getStatus', '__proto__', 'toString', '']) {
        // A body code or gateway message: the step explain() takes for it alone (433 on `stop`: check what it means there).
        const { retryable: _, ...explained } = pkg.explain({ body: r.kind === 'error-code' ? { code: r.code } : { message: full.value }, method } as never).retry ?? {};
        const expected = withoutTexts(r.kind === 'error-code' || r.kind === 'message-error' ? explained : (pkg.lookup(ref, { method: method as never })?.meaning?.retry ?? full.retry));
        for (const name of names) expect(pkg.retryPolicy(name, method as never), `${name} on ${String(method)}`).toEqual(expected);
      }
    }
    // A number is a body code first, a string of digits too; other names as lookup() finds them.
    expect(pkg.retryPolicy(404, 'stop')).toEqual(withoutTexts(pkg.lookup(404, { kind: 'error-code', method: 'stop' })!.meaning!.retry!));
    expect(pkg.retryPolicy(' 404 ', 'stop')).toEqual(pkg.retryPolicy(404, 'stop'));
    expect(pkg.retryPolicy('invalid operation', 'stop')?.action).toBe('already-done');
    // A copy each time: a caller cannot change the catalog.
    const mine = pkg.retryPolicy(65, 'start')!;
    (mine as { action: string }).action = 'none';
    expect(pkg.retryPolicy(65, 'start')?.action).toBe('retry');
  });
  it('every record has a policy that reads as words in both languages', () => {
    for (const r of catalog.records) {
      const policy = pkg.retryPolicy(String(recordRef(r)))!;
      expect(policy, recordRef(r)).toBeDefined();
      expect(pkg.describeRetry(policy, 'en')).not.toBe('');
      expect(pkg.describeRetry(policy, 'zh')).not.toBe('');
    }
    expect(pkg.describeRetry({ action: 'retry', delaysMs: [3000, 6000], sameResourceId: true }, 'en')).toBe(
      'Retry the same request with the same resource ID after 3 s, then 6 s.',
    );
  });
});

describe('validateChannelName (the rule of 1013)', () => {
  const allowed = pkg.CHANNEL_NAME.allowedCharacters;
  it('allows exactly the 89 characters, each once', () => {
    expect([...allowed]).toHaveLength(89);
    expect(new Set(allowed).size).toBe(89);
    for (const ch of allowed) expect(pkg.validateChannelName(`a${ch}b`), ch).toMatchObject({ ok: true });
  });
  it('reports the first character that is not allowed, with its index', () => {
    expect(pkg.validateChannelName('room/1')).toEqual({ ok: false, reason: 'character', index: 4, character: '/', codePoint: 47 });
    expect(pkg.validateChannelName('会议室')).toMatchObject({ ok: false, reason: 'character', index: 0, character: '会' });
    expect(pkg.validateChannelName('ab😀')).toMatchObject({ ok: false, reason: 'character', index: 2, character: '😀' });
    for (const bad of ['"', "'", '*', '\\', '`', '/', '\t', '\n', '{'.replace('{', '\u00a0')]) {
      expect(pkg.validateChannelName(`x${bad}`), JSON.stringify(bad)).toMatchObject({ ok: false, reason: 'character', index: 1 });
    }
  });
  it('allows 64 bytes and reports 65', () => {
    expect(pkg.validateChannelName('a'.repeat(64))).toEqual({ ok: true, bytes: 64 });
    expect(pkg.validateChannelName('a'.repeat(65))).toEqual({ ok: false, reason: 'too-long', bytes: 65, maxBytes: 64 });
  });
  it('rejects what is not a name', () => {
    expect(pkg.validateChannelName('')).toEqual({ ok: false, reason: 'empty' });
    expect(pkg.validateChannelName(42)).toEqual({ ok: false, reason: 'not-a-string' });
  });
});

describe('per-language entry points', () => {
  it('/zh speaks Chinese, /en English, the root either', () => {
    expect(zh.lookup(433)?.locale).toBe('zh');
    expect(en.lookup(433)?.locale).toBe('en');
    expect(zh.explain({ status: 401, body: { message: 'Unauthorized' } }).locale).toBe('zh');
    expect(pkg.lookup(433, { locale: 'zh' })?.locale).toBe('zh');
    expect(zh.allRecords()).toHaveLength(catalog.records.length);
  });
});

describe('guards and reverse maps: from a wire value to a constant', () => {
  it('one guard per constant group, true only for values the catalog knows, of the right type', () => {
    expect(pkg.isErrorCode(433)).toBe(true);
    expect(pkg.isErrorCode('433')).toBe(false);
    expect(pkg.isErrorCode(434)).toBe(false);
    expect(pkg.isHttpStatus(206)).toBe(true);
    expect(pkg.isHttpStatus(433)).toBe(false);
    expect(pkg.isGatewayMessage('Invalid authentication credentials')).toBe(true);
    expect(pkg.isGatewayMessage('invalid authentication credentials')).toBe(false);
    expect(pkg.isServiceState('serviceAbnormal')).toBe(true);
    expect(pkg.isRecordingStatus(20)).toBe(true);
    expect(pkg.isUploadStatus('backuped')).toBe(true);
    expect(pkg.isExtensionState('inProgress')).toBe(true);
    expect(pkg.isOutputStatus('disconnected')).toBe(true);
    for (const hostile of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', null, undefined, {}, NaN]) {
      for (const guard of [pkg.isErrorCode, pkg.isHttpStatus, pkg.isGatewayMessage, pkg.isServiceState, pkg.isRecordingStatus, pkg.isUploadStatus, pkg.isExtensionState, pkg.isOutputStatus]) {
        expect(guard(hostile), `${guard.name}(${String(hostile)})`).toBe(false);
      }
    }
  });

  it('reverse maps give the current constant name of every value, also for a former name', () => {
    expect(pkg.ErrorCodeName[433]).toBe('RESOURCE_ID_EXPIRED');
    expect(pkg.HttpStatusName[401]).toBe('UNAUTHORIZED');
    expect(pkg.GatewayMessageName['Invalid authentication credentials']).toBe('INVALID_AUTHENTICATION_CREDENTIALS');
    // 401 was INVALID_CHANNEL_NAME: the old name still holds the value, the map names the new one.
    expect(pkg.ErrorCode.INVALID_CHANNEL_NAME).toBe(401);
    expect(pkg.ErrorCodeName[401]).toBe('CHANNEL_NAME_UNSUPPORTED_CHARACTERS');
    const currentOf = new Map<string, string>(catalog.records.flatMap((r) => (r.formerConstants ?? []).map((f) => [`${KINDS[r.kind].constantGroup}.${f.name}`, r.constant] as const)));
    for (const [groupName, group, names] of [
      ['ErrorCode', pkg.ErrorCode, pkg.ErrorCodeName],
      ['HttpStatus', pkg.HttpStatus, pkg.HttpStatusName],
      ['GatewayMessage', pkg.GatewayMessage, pkg.GatewayMessageName],
      ['ServiceState', pkg.ServiceState, pkg.ServiceStateName],
      ['RecordingStatus', pkg.RecordingStatus, pkg.RecordingStatusName],
      ['UploadStatus', pkg.UploadStatus, pkg.UploadStatusName],
      ['ExtensionState', pkg.ExtensionState, pkg.ExtensionStateName],
      ['OutputStatus', pkg.OutputStatus, pkg.OutputStatusName],
    ] as [string, Record<string, string | number>, Record<string, string>][]) {
      for (const [name, value] of Object.entries(group)) expect(names[value as string], name).toBe(currentOf.get(`${groupName}.${name}`) ?? name);
      // One name per value in the map: the current ones, every value once.
      expect(Object.keys(names).length).toBe(new Set(Object.values(group)).size);
    }
  });
});

describe('the methods and their HTTP verbs', () => {
  it('METHOD_VERBS gives each method the verb of data/api.yaml: query is the only GET', () => {
    const { api } = loadCatalogOrThrow();
    expect(pkg.METHOD_VERBS).toEqual(Object.fromEntries(api.methods.map((m) => [m.name, m.verb])));
    expect(Object.keys(pkg.METHOD_VERBS)).toEqual([...pkg.METHODS]);
    expect(Object.entries(pkg.METHOD_VERBS).filter(([, verb]) => verb === 'GET')).toEqual([['query', 'GET']]);
    expect(en.METHOD_VERBS).toBe(pkg.METHOD_VERBS);
  });
});
