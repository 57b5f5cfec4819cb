/**
 * Checks across records that one record's schema cannot see: names a reader
 * could confuse (constants, titles), links that go one way only, and former
 * constant names kept past their time. Pure: each returns the problems found,
 * pointing at a record and a field; the loader turns them into file:line.
 */
import type { CatalogRecord, Locale } from './schema.ts';
import { KINDS, LOCALES, recordRef } from './schema.ts';

export type CrossProblem = { record: CatalogRecord; field: PropertyKey[]; message: string };
/** Where a record's field is, as `data/x.yaml:12`, to name the other side of a problem. */
export type Locate = (record: CatalogRecord, field: PropertyKey[]) => string;

const qualified = (record: CatalogRecord, name = record.constant) => `${KINDS[record.kind].constantGroup}.${name}`;

/**
 * Constant names: unique across the whole catalog, not only within a kind
 * (`ErrorCode.X` and `GatewayMessage.X` read alike in code, and `lookup('X')`
 * could only find one); a legacy record's name starts with LEGACY_; a former
 * name stays an alias only until its `removedIn` version, which is a major
 * version (removing an export breaks the code that uses it).
 */
export function constantProblems(records: readonly CatalogRecord[], packageVersion: string | undefined, locate: Locate): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const current = new Map<string, CatalogRecord>();
  for (const record of records) {
    const first = current.get(record.constant);
    if (first && first.kind !== record.kind) {
      problems.push({
        record,
        field: ['constant'],
        message: `constant name ${record.constant} is also ${qualified(first)} (${recordRef(first)}, ${locate(first, ['constant'])}): name each for what differs`,
      });
    } else if (!first) current.set(record.constant, record);
    if (record.lifecycle.status === 'legacy' && !record.constant.startsWith('LEGACY_')) {
      problems.push({
        record,
        field: ['constant'],
        message: `a legacy record's constant starts with LEGACY_ so that code shows it (e.g. LEGACY_${record.constant}); keep ${record.constant} in formerConstants`,
      });
    }
  }
  const formerInGroup = new Map<string, CatalogRecord>();
  for (const record of records) {
    (record.formerConstants ?? []).forEach((former, i) => {
      const group = KINDS[record.kind].constantGroup;
      const clash = records.find((r) => r.kind === record.kind && r.constant === former.name);
      if (clash) {
        problems.push({
          record,
          field: ['formerConstants', i, 'name'],
          message: `${group}.${former.name} is the current name of ${recordRef(clash)}: a former name cannot also be an alias`,
        });
      }
      const other = formerInGroup.get(`${group}.${former.name}`);
      if (other) {
        problems.push({ record, field: ['formerConstants', i, 'name'], message: `${group}.${former.name} is already a former name of ${recordRef(other)}` });
      } else formerInGroup.set(`${group}.${former.name}`, record);
      if (!isMajorVersion(former.removedIn)) {
        problems.push({
          record,
          field: ['formerConstants', i, 'removedIn'],
          message: `removing ${group}.${former.name} breaks the code that uses it, so it can only go in a major version, not in ${former.removedIn} (e.g. ${nextMajor(former.removedIn)})`,
        });
      }
      if (packageVersion && compareVersions(packageVersion, former.removedIn) >= 0) {
        problems.push({
          record,
          field: ['formerConstants', i, 'removedIn'],
          message: `the package is at ${packageVersion}, so the deprecated alias ${group}.${former.name} is past its time (removed in ${former.removedIn}): delete this entry`,
        });
      }
    });
  }
  return problems;
}

/** Whether a release of this version may break code (semver): x.0.0 from 1.0.0 on, 0.y.0 before, any 0.0.z. */
export function isMajorVersion(version: string): boolean {
  const [x = 0, y = 0, z = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  return x > 0 ? y === 0 && z === 0 : y > 0 ? z === 0 : true;
}

/** The first major version at or after `version`: 1.1.0 → 2.0.0, 0.3.1 → 0.4.0. */
function nextMajor(version: string): string {
  const [x = 0, y = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  return x > 0 ? `${x + 1}.0.0` : `0.${y + 1}.0`;
}

/** -1, 0 or 1 as version a is lower than, equal to or higher than b (x.y.z, pre-release tags ignored). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/[-+].*$/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}

/** A title as a reader compares titles: without its parenthesised note, case and spaces folded. */
export function titleKey(title: string): string {
  return title
    .replace(/\s*[（(][^）)]*[）)]\s*/g, ' ')
    .replace(/[`"'“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Titles distinct in each language, even without their parenthesised notes: "Invalid channel name (body code 401)" is still "Invalid channel name". */
export function titleProblems(records: readonly CatalogRecord[], locate: Locate): CrossProblem[] {
  const problems: CrossProblem[] = [];
  for (const locale of LOCALES as readonly Locale[]) {
    const seen = new Map<string, CatalogRecord>();
    for (const record of records) {
      const key = titleKey(record.title[locale]);
      const first = seen.get(key);
      if (first) {
        problems.push({
          record,
          field: ['title', locale],
          message: `the same title as ${recordRef(first)} (${locate(first, ['title', locale])}) once the note in brackets is left out: give each a title that says what differs`,
        });
      } else seen.set(key, record);
    }
  }
  return problems;
}

/** `related` goes both ways: a record that links to another is linked back from it. */
export function relatedProblems(records: readonly CatalogRecord[], locate: Locate): CrossProblem[] {
  const byRef = new Map(records.map((r) => [recordRef(r), r]));
  const problems: CrossProblem[] = [];
  for (const record of records) {
    record.related.forEach((ref, i) => {
      const other = byRef.get(ref);
      if (!other || other === record || other.related.includes(recordRef(record))) return;
      problems.push({
        record,
        field: ['related', i],
        message: `links to ${ref}, which does not link back: add ${recordRef(record)} to the related of ${ref} (${locate(other, ['related'])}), or remove this link`,
      });
    });
  }
  return problems;
}
