/**
 * What changed between two snapshots (the last release and the working tree),
 * judged by what a consumer sees, never by the YAML as written:
 *
 * - major: a record removed; a constant renamed (its old name no longer
 *   exported) or re-valued; an export removed; a field or an allowed value
 *   removed from records; a next step that makes a client do something else
 *   (succeed, poll, resend, start over or stop; or, after its retries, start
 *   over instead of stopping; or another resource ID).
 * - minor: a record, meaning, field, allowed value or export added; a constant
 *   renamed whose old name stays exported as an alias (deprecated); a next step
 *   that changes only its schedule or its name; other data (facts, lifecycle).
 * - patch: texts reworded, keywords, sources, links, related records.
 *
 * Pure: the same two snapshots give the same changes, in the same order, with
 * the same sentences (both languages).
 */
import { CHANGE_GROUPS, CHANGE_TYPES, type ChangeType, changeGroup, KIND_NAMES, type LocalizedText, type SemverLevel } from '../catalog/schema.ts';
import { pickMeaning } from './next-steps.ts';
import { apiFileChanges, observedShape, shapeChanges, surfaceChanges } from './package-changes.ts';
import { type AliasInfo, recordChanges } from './record-changes.ts';
import type { LooseRecord, Snapshot } from './snapshot.ts';
import { code, constantOf, constantValue, groupOf, list, onRecord, type PlannedChange, quote, refOf, same, siteWords, textOf } from './terms.ts';

export { kindName, type PlannedChange } from './terms.ts';

export type Comparison = { changes: PlannedChange[]; level: SemverLevel | 'none'; notes: string[] };

const LEVEL_RANK: Record<SemverLevel, number> = { patch: 0, minor: 1, major: 2 };
export const highestLevel = (changes: readonly { level: SemverLevel }[]): SemverLevel | 'none' =>
  changes.reduce<SemverLevel | 'none'>((top, c) => (top === 'none' || LEVEL_RANK[c.level] > LEVEL_RANK[top] ? c.level : top), 'none');

function recordOrder(ref: string | undefined): [number, number | string] {
  if (!ref) return [-1, ''];
  const [kind, id] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  const k = (KIND_NAMES as string[]).indexOf(kind);
  return [k < 0 ? KIND_NAMES.length : k, /^\d+$/.test(id) ? Number(id) : id];
}

/** The changes in the order a changelog lists them: by group, then record, then type. */
export function sortChanges<T extends { type: ChangeType; level: SemverLevel; ref?: string; text: LocalizedText }>(changes: T[]): T[] {
  return [...changes].sort((a, b) => {
    const g = CHANGE_GROUPS.indexOf(changeGroup(a)) - CHANGE_GROUPS.indexOf(changeGroup(b));
    if (g) return g;
    const [ka, ia] = recordOrder(a.ref);
    const [kb, ib] = recordOrder(b.ref);
    if (ka !== kb) return ka - kb;
    if (ia !== ib) return typeof ia === 'number' && typeof ib === 'number' ? ia - ib : String(ia).localeCompare(String(ib), 'en');
    return CHANGE_TYPES.indexOf(a.type) - CHANGE_TYPES.indexOf(b.type) || a.text.en.localeCompare(b.text.en, 'en');
  });
}

/** Compare the last release with the working tree. */
export function compareSnapshots(o: Snapshot, n: Snapshot): Comparison {
  const notes = [...o.notes, ...n.notes];
  if (!pickMeaning) notes.push("src/meaning.ts is not there: each meaning's next step was compared on its own, not as the package picks it");
  if (!siteWords) notes.push('site/lib/i18n.ts is not there: kinds and next steps are named by their ids');
  const changes: PlannedChange[] = [];
  const oldByRef = new Map(o.records.map((r) => [refOf(r), r]));
  const newByRef = new Map(n.records.map((r) => [refOf(r), r]));
  const ranks = (s: Snapshot) => Object.fromEntries([...s.sources].map(([id, v]) => [id, v.rank]));
  const oldRanks = ranks(o);
  const newRanks = ranks(n);
  /** Constants whose change a record-level change already says. */
  const accounted = new Set<string>();
  /**
   * A record's constant, and its entry in the group's reverse map
   * (`ErrorCodeName[433]`), which follows the constant: a rename, an addition,
   * a removal or a new value of the constant is said once, by the record's change.
   */
  const account = (r: LooseRecord) => {
    accounted.add(constantOf(r));
    accounted.add(`${groupOf(r)}Name.${constantValue(r)}`);
  };

  let removed = o.records.filter((r) => !newByRef.has(refOf(r)));
  let added = n.records.filter((r) => !oldByRef.has(refOf(r)));
  // The same constant on another code: a re-valued constant, not a removal and an addition.
  for (const r of [...removed]) {
    const twin = added.find((a) => a.kind === r.kind && a.constant === r.constant);
    if (!twin) continue;
    removed = removed.filter((x) => x !== r);
    added = added.filter((x) => x !== twin);
    account(r);
    account(twin);
    changes.push({
      type: 'constant-revalued',
      level: 'major',
      ref: refOf(twin),
      text: onRecord(twin, `${code(constantOf(twin))} now stands for ${code(constantValue(twin))} (was ${code(constantValue(r))}).`, `${code(constantOf(twin))} 现在表示 ${code(constantValue(twin))}（原为 ${code(constantValue(r))}）。`),
    });
  }
  for (const r of removed) {
    account(r);
    for (const f of list<{ name?: string }>(r.formerConstants)) if (f?.name) accounted.add(constantOf(r, f.name));
    const title = { en: quote(textOf(r.title, 'en'), 'en'), zh: quote(textOf(r.title, 'zh'), 'zh') };
    changes.push({
      type: 'record-removed',
      level: 'major',
      ref: refOf(r),
      text: onRecord(r, `removed (${title.en}); ${code(constantOf(r))} is no longer exported and lookups no longer find it.`, `已删除（${title.zh}）；不再导出 ${code(constantOf(r))}，查询也不再找到它。`),
    });
  }
  for (const r of added) {
    account(r);
    for (const f of list<{ name?: string }>(r.formerConstants)) if (f?.name) accounted.add(constantOf(r, f.name));
    changes.push({
      type: 'record-added',
      level: 'minor',
      ref: refOf(r),
      text: onRecord(r, `new record ${code(constantOf(r))}, ${quote(textOf(r.title, 'en'), 'en')}.`, `新增记录 ${code(constantOf(r))}，${quote(textOf(r.title, 'zh'), 'zh')}。`),
    });
  }

  const alias = (r: LooseRecord, name: string): AliasInfo => {
    const member = (() => {
      const group = n.surface.values.get(groupOf(r));
      return group && 'members' in group ? group.members.get(name) : undefined;
    })();
    const former = list<{ name?: string; removedIn?: string } | string>(r.formerConstants).find((f) => (typeof f === 'string' ? f : f?.name) === name);
    const removedIn = typeof former === 'object' && typeof former?.removedIn === 'string' ? former.removedIn : undefined;
    if (member) return { kept: same(member.value, constantValue(r)), deprecated: member.deprecated, removedIn };
    return { kept: false, deprecated: false };
  };
  for (const [ref, before] of oldByRef) {
    const after = newByRef.get(ref);
    if (!after) continue;
    if (before.constant !== after.constant || constantValue(before) !== constantValue(after)) {
      account(before);
      account(after);
    }
    const own = recordChanges(before, after, { oldRanks, newRanks, alias });
    if (own.some((c) => c.type === 'lifecycle-changed')) accounted.add(constantOf(after));
    changes.push(...own);
  }

  changes.push(...surfaceChanges(o.surface, n.surface, accounted));
  changes.push(...apiFileChanges(o.api, n.api));
  if (o.shape && n.shape) changes.push(...shapeChanges(o.shape, n.shape));
  else if (n.shape && o.records.length) changes.push(...shapeChanges(observedShape(o.records, n.shape), n.shape, true));

  const sorted = sortChanges(changes);
  return { changes: sorted, level: highestLevel(sorted), notes: [...new Set(notes)] };
}
