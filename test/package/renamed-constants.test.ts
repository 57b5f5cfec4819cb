/**
 * Renamed constants: a rename is never a silent break. Each old name still
 * imports, with the same value, from the package root, the language entries
 * and /constants, and carries `@deprecated Use <new name>` in the published
 * .d.ts (editors strike it through) until the version the catalog names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as pkg from '../../src/index.ts';
import * as zh from '../../src/zh.ts';
import * as constantsOnly from '../../src/constants.ts';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { KINDS, recordRef } from '../../scripts/catalog/schema.ts';

const root = new URL('../..', import.meta.url).pathname;
const catalog = loadCatalogOrThrow();
const renamed = catalog.records.flatMap((r) => (r.formerConstants ?? []).map((former) => ({ record: r, former })));
const groupOf = (module: object, kind: keyof typeof KINDS) => (module as Record<string, Record<string, unknown>>)[KINDS[kind].constantGroup];

describe('the names this release replaced', () => {
  it('are the confusable ones: channel name 401 vs 1013, legacy 1004/1005, the App ID and Unauthorized messages, status 5', () => {
    const pairs = Object.fromEntries(renamed.map(({ record, former }) => [`${KINDS[record.kind].constantGroup}.${former.name}`, `${KINDS[record.kind].constantGroup}.${record.constant}`]));
    expect(pairs).toMatchObject({
      'ErrorCode.INVALID_CHANNEL_NAME': 'ErrorCode.CHANNEL_NAME_UNSUPPORTED_CHARACTERS',
      'ErrorCode.ILLEGAL_CHANNEL_NAME': 'ErrorCode.CHANNEL_NAME_LENGTH_OR_CHARSET_INVALID',
      'ErrorCode.RECORDING_ALREADY_RUNNING': 'ErrorCode.LEGACY_RECORDING_ALREADY_RUNNING',
      'ErrorCode.RESOURCE_ID_ALREADY_USED': 'ErrorCode.LEGACY_RESOURCE_ID_ALREADY_USED',
      'GatewayMessage.INVALID_APPID': 'GatewayMessage.LEGACY_INVALID_APPID',
      'GatewayMessage.UNAUTHORIZED': 'GatewayMessage.AUTHORIZATION_HEADER_MISSING',
      'RecordingStatus.IN_PROGRESS': 'RecordingStatus.RECORDING_IN_PROGRESS',
    });
  });
});

describe('each old name', () => {
  const dts = ['dist/esm/generated/constants.d.ts', 'dist/cjs/generated/constants.d.ts'].map((f) => [f, readFileSync(`${root}${f}`, 'utf8')] as const);

  for (const { record, former } of renamed) {
    const group = KINDS[record.kind].constantGroup;
    const value = record.kind === 'message-error' ? record.message : record.code;
    it(`${group}.${former.name} still imports as ${group}.${record.constant} (${recordRef(record)})`, () => {
      for (const module of [pkg, zh, constantsOnly]) {
        expect(groupOf(module, record.kind)[former.name]).toBe(value);
        expect(groupOf(module, record.kind)[record.constant]).toBe(value);
      }
      // lookup() still understands the old qualified name.
      expect(pkg.lookup(`${group}.${former.name}`)?.ref).toBe(recordRef(record));
    });

    it(`${group}.${former.name} is @deprecated in the published types, pointing at the new name`, () => {
      for (const [file, text] of dts) {
        const member = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*readonly ${former.name}: `);
        const doc = member.exec(text.slice(text.indexOf(`export declare const ${group}`)))?.[1];
        expect(doc, file).toBeDefined();
        expect(doc, file).toContain(`@deprecated Use ${group}.${record.constant} instead`);
        expect(doc, file).toContain(`removed in version ${former.removedIn}`);
      }
    });
  }

  it('leaves the new names undeprecated and the value types unchanged', () => {
    const [, text] = dts[0];
    expect(text).toMatch(/\*\/\s*readonly CHANNEL_NAME_UNSUPPORTED_CHARACTERS: 401;/);
    expect(text).not.toMatch(/@deprecated[^/]*\*\/\s*readonly CHANNEL_NAME_UNSUPPORTED_CHARACTERS:/);
    expect(pkg.RecordingStatus.IN_PROGRESS).toBe(pkg.RecordingStatus.RECORDING_IN_PROGRESS);
    expect(Object.values(pkg.ErrorCode).filter((v) => v === 401)).toHaveLength(2);
  });
});
