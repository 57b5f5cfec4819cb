/**
 * The retry table as one string, in the format that src/retry-table.ts
 * describes and reads (the one reader). Pure and deterministic. Names that
 * the reader derives (a constant that is its id in UPPER_SNAKE, a slug that
 * is its message's, a group that is its kind without hyphens) are left out;
 * everything else is written as it is. Whether it reads back as written is
 * checked by the caller, record by record.
 */
import { type RetryEntry, slugOf, upperSnake } from '../../src/retry-table.ts';

const json = (value: unknown) => JSON.stringify(value);

/** Characters that separate the table's lines, fields and list items: no value may hold one. */
const SEPARATORS = /[\n;|]/;

/** A value as a field: as it is, or an error naming where it is and which separator it holds. */
function field(value: string, where: string, separators = SEPARATORS): string {
  const found = separators.exec(value);
  if (found) throw new Error(`${where} ${json(value)} holds ${json(found[0])}, which separates the fields of the retry table (src/retry-table.ts): it cannot be written there`);
  return value;
}

/** Fields joined by `separator`, the trailing empty ones left out. */
function fields(values: string[], separator: string): string {
  let n = values.length;
  while (n > 0 && values[n - 1] === '') n--;
  return values.slice(0, n).join(separator);
}

/** A constant as its words (INVALID_APPID → "invalid appid"), as a reason or message says them: upperSnake() reads it back. */
const words = (constant: string) => constant.toLowerCase().replace(/_/g, ' ');

type Policy = { action: string; delaysMs?: number[]; backoff?: boolean; sameResourceId?: boolean; then?: string; basis?: { source?: string }; thenBasis?: { source?: string } };

function writePolicy(policy: Policy, at: number): string {
  const where = `next step ${at} (${json(policy)}):`;
  const flag = (value: boolean | undefined) => (value === undefined ? '' : value ? '1' : '0');
  const word = (value: string | undefined, name: string) => field(value ?? '', `${where} ${name}`, /[\n;|,]/);
  return fields(
    [
      word(policy.action, 'its action'),
      word(policy.basis?.source, 'its source'),
      (policy.delaysMs ?? []).join(' '),
      flag(policy.backoff),
      flag(policy.sameResourceId),
      word(policy.then, 'its then'),
      word(policy.thenBasis?.source, 'the source of its then'),
    ],
    ',',
  );
}

function writeEntry(entry: RetryEntry, ref: string, previous: number): string {
  const text = entry.message ?? String(entry.code);
  const [, [constant], formerConstants, reasons] = entry.names;
  // A number as how far it is past the previous one (empty for the next): most are close.
  const id = typeof entry.code === 'number' && entry.message === undefined ? String(entry.code - previous - 1).replace(/^0$/, '') : field(text, `${ref}: its ${entry.message === undefined ? 'code' : 'message'}`);
  if (id.startsWith('#')) throw new Error(`${ref}: its message ${json(id)} starts with "#", which starts a kind's line in the retry table (src/retry-table.ts)`);
  return fields(
    [
      id,
      entry.retry,
      constant === upperSnake(text) ? '' : words(field(constant, `${ref}: its constant`)),
      reasons.map((reason) => field(reason, `${ref}: the reason`)).join('|'),
      formerConstants.map((name) => words(field(name, `${ref}: the former constant`))).join('|'),
      fields(entry.byMethod, ','),
      entry.message !== undefined && entry.code !== slugOf(entry.message) ? field(String(entry.code), `${ref}: its code`) : '',
    ],
    ';',
  );
}

/**
 * The table of `policies` (each named by its position) and `entries` (one per
 * record, in catalog order; `refs` name them in errors), with the constant
 * group of each kind in `groups` (lower case), kinds without a record last.
 */
export function writeRetryTable(policies: readonly object[], entries: readonly RetryEntry[], refs: readonly string[], groups: Readonly<Record<string, string>>): string {
  const lines = [policies.map((p, at) => writePolicy(p as Policy, at)).join('|')];
  const kindLine = (kind: string) => `#${fields([kind, groups[kind] === kind.replace(/-/g, '') ? '' : field(groups[kind], `kind ${kind}: its group`)], ';')}`;
  let kind: string | undefined;
  let previous = -1;
  entries.forEach((entry, i) => {
    if (entry.kind !== kind) {
      kind = entry.kind;
      lines.push(kindLine(kind));
      previous = -1;
    }
    lines.push(writeEntry(entry, refs[i], previous));
    if (typeof entry.code === 'number') previous = entry.code;
  });
  const seen = new Set(entries.map((e) => e.kind));
  for (const k of Object.keys(groups)) if (!seen.has(k)) lines.push(kindLine(k));
  return lines.join('\n');
}
