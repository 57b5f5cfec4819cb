/**
 * The package's exported surface as the release plan reads it (TypeScript's
 * checker over src/ and the generated modules), and how a renamed constant is
 * judged: a break, unless its old name stays exported as a deprecated alias.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { type Catalog, type CatalogRecord, KINDS, recordRef } from '../../scripts/catalog/schema.ts';
import { packageSources } from '../../scripts/generate/package-sources.ts';
import { compareSnapshots } from '../../scripts/release/diff.ts';
import type { LooseRecord, Snapshot } from '../../scripts/release/snapshot.ts';
import { type Member, packageSurface } from '../../scripts/release/surface.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { ROOT } from '../hardening/repo-copy.ts';

const catalog = loadCatalogOrThrow();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const sources = new Map(readdirSync(join(ROOT, 'src')).filter((n) => n.endsWith('.ts')).map((n) => [`src/${n}`, readFileSync(join(ROOT, 'src', n), 'utf8')]));

/** The surface of the package built from `c`, its generated constants module passed through `edit`. */
function surfaceOf(c: Catalog, edit: (constants: string) => string = (s) => s) {
  const files = new Map(sources);
  for (const [name, text] of Object.entries(packageSources(c, SITE_URL))) files.set(`src/generated/${name}`, name === 'constants.ts' ? edit(text) : text);
  return packageSurface(files, pkg);
}

const snapshot = (label: string, records: CatalogRecord[], surface: Snapshot['surface']): Snapshot => ({
  label,
  records: records as unknown as LooseRecord[],
  sources: new Map(catalog.api.sources.map((s) => [s.id, { rank: s.rank, title: s.title }])),
  api: catalog.api as unknown as Record<string, unknown>,
  surface,
  problems: [],
  notes: [],
});

describe('the exported surface', () => {
  const surface = surfaceOf(catalog);

  it('lists every entry point of package.json with its exports, values and types apart', () => {
    expect([...surface.entries!.keys()].sort()).toEqual(Object.keys(pkg.exports).filter((k) => k !== './package.json').sort());
    const root = surface.entries!.get('.')!;
    expect(root.get('explain')).toBe('value');
    expect(root.get('lookup')).toBe('value');
    expect(root.get('ErrorCode')).toBe('value');
    expect(root.get('RetryPolicy')).toBe('type');
  });

  it('reads every constant with its value, as the catalog gives it', () => {
    for (const r of catalog.records) {
      const group = surface.values.get(KINDS[r.kind].constantGroup);
      expect(group && 'members' in group ? group.members.get(r.constant) : undefined, recordRef(r)).toEqual({
        value: r.kind === 'message-error' ? r.message : r.code,
        deprecated: r.lifecycle.status === 'replaced',
      } satisfies Member);
    }
  });
});

describe('a renamed constant', () => {
  const target = catalog.records.find((r) => r.kind === 'error-code' && r.code === 433)!;
  const renamed = catalog.records.map((r) => (r === target ? { ...r, constant: 'RESOURCE_ID_TOO_OLD' } : r));
  const before = snapshot('v0.1.0', catalog.records, surfaceOf(catalog));

  it('is a major change when the old name is no longer exported', () => {
    const after = snapshot('working tree', renamed, surfaceOf({ ...catalog, records: renamed }));
    const { level, changes } = compareSnapshots(before, after);
    expect(level).toBe('major');
    expect(changes.map((c) => [c.type, c.level, c.ref])).toEqual([['constant-renamed', 'major', 'error-code:433']]);
  });

  it('is a minor change, said as a deprecation, when the old name stays exported as a @deprecated alias of the same value', () => {
    const withAlias = surfaceOf({ ...catalog, records: renamed }, (text) =>
      text.replace(
        '  RESOURCE_ID_TOO_OLD: 433,',
        `  RESOURCE_ID_TOO_OLD: 433,\n  /**\n   * @deprecated Use ErrorCode.RESOURCE_ID_TOO_OLD.\n   */\n  ${target.constant}: 433,`,
      ),
    );
    const { level, changes } = compareSnapshots(before, snapshot('working tree', renamed, withAlias));
    expect(level).toBe('minor');
    expect(changes).toEqual([
      expect.objectContaining({
        type: 'constant-deprecated',
        level: 'minor',
        ref: 'error-code:433',
        text: {
          en: `Error code 433: \`ErrorCode.${target.constant}\` renamed to \`ErrorCode.RESOURCE_ID_TOO_OLD\`; \`ErrorCode.${target.constant}\` stays exported as a deprecated alias.`,
          zh: `错误码 433：\`ErrorCode.${target.constant}\` 更名为 \`ErrorCode.RESOURCE_ID_TOO_OLD\`；\`ErrorCode.${target.constant}\` 作为已弃用的别名继续导出。`,
        },
      }),
    ]);
  });

  it('is a major change again when the deprecated alias is later removed', () => {
    const withAlias = surfaceOf({ ...catalog, records: renamed }, (text) =>
      text.replace('  RESOURCE_ID_TOO_OLD: 433,', `  RESOURCE_ID_TOO_OLD: 433,\n  /** @deprecated */\n  ${target.constant}: 433,`),
    );
    const { level, changes } = compareSnapshots(snapshot('v0.2.0', renamed, withAlias), snapshot('working tree', renamed, surfaceOf({ ...catalog, records: renamed })));
    expect(level).toBe('major');
    expect(changes.map((c) => [c.type, c.text.en])).toEqual([['alias-removed', `The deprecated \`ErrorCode.${target.constant}\` is no longer exported.`]]);
  });
});
