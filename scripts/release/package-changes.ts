/**
 * What changed around the records: the package's exports and exported values
 * (every entry point of package.json, read by TypeScript), the shape of a
 * record (its fields and allowed values, from the schema), and data/api.yaml
 * (the API's facts, its methods, the sources, the shared links).
 */
import type { LocalizedText } from '../catalog/schema.ts';
import type { LooseRecord, RecordShape } from './snapshot.ts';
import type { Literal, Member, Surface } from './surface.ts';
import { canonical, code, codes, type Lang, list, onlyTexts, type PlannedChange, same, say } from './terms.ts';

// ---------------------------------------------------------------------------
// The package's surface

const PACKAGE = '@org/agora-rec-codes';
const entryName = (subpath: string) => code(subpath === '.' ? PACKAGE : `${PACKAGE}/${subpath.replace(/^\.\//, '')}`);
const shownLiteral = (v: Literal | undefined) => code(typeof v === 'string' ? v : canonical(v));

export function surfaceChanges(o: Surface, n: Surface, accounted: Set<string>): PlannedChange[] {
  const out: PlannedChange[] = [];
  if (o.entries && n.entries) {
    for (const [subpath, names] of o.entries) {
      const now = n.entries.get(subpath);
      if (!now) {
        out.push({ type: 'export-removed', level: 'major', text: say(`The entry point ${entryName(subpath)} no longer exists.`, `入口 ${entryName(subpath)} 已不存在。`) });
        continue;
      }
      const gone = [...names].filter(([name, kind]) => !now.has(name) || (kind === 'value' && now.get(name) === 'type')).map(([name]) => name).sort();
      if (gone.length) {
        out.push({
          type: 'export-removed',
          level: 'major',
          text: say(`${entryName(subpath)} no longer exports ${codes(gone, 'en')}.`, `${entryName(subpath)} 不再导出 ${codes(gone, 'zh')}。`),
        });
      }
    }
    for (const [subpath, names] of n.entries) {
      const before = o.entries.get(subpath);
      if (!before) {
        out.push({ type: 'export-added', level: 'minor', text: say(`New entry point ${entryName(subpath)}.`, `新增入口 ${entryName(subpath)}。`) });
        continue;
      }
      const fresh = [...names].filter(([name, kind]) => !before.has(name) || (kind === 'value' && before.get(name) === 'type')).map(([name]) => name).sort();
      if (fresh.length) {
        out.push({ type: 'export-added', level: 'minor', text: say(`${entryName(subpath)} now exports ${codes(fresh, 'en')}.`, `${entryName(subpath)} 新增导出 ${codes(fresh, 'zh')}。`) });
      }
    }
  }

  for (const [name, before] of o.values) {
    const after = n.values.get(name);
    if (!after) continue; // a removed export, said above
    if ('value' in before || 'value' in after) {
      const a = 'value' in before ? before.value : undefined;
      const b = 'value' in after ? after.value : undefined;
      if (!same(a, b)) out.push({ type: 'value-changed', level: 'major', text: say(`${code(name)} is now ${shownLiteral(b)} (was ${shownLiteral(a)}).`, `${code(name)} 现为 ${shownLiteral(b)}（原为 ${shownLiteral(a)}）。`) });
      continue;
    }
    const members = (after as { members: Map<string, Member> }).members;
    for (const [member, was] of before.members) {
      const full = `${name}.${member}`;
      const now = members.get(member);
      if (accounted.has(full)) continue;
      if (!now) {
        out.push(
          was.deprecated
            ? { type: 'alias-removed', level: 'major', text: say(`The deprecated ${code(full)} is no longer exported.`, `已弃用的 ${code(full)} 不再导出。`) }
            : { type: 'value-changed', level: 'major', text: say(`${code(full)} is no longer exported.`, `${code(full)} 不再导出。`) },
        );
      } else if (!same(was.value, now.value)) {
        out.push({ type: 'value-changed', level: 'major', text: say(`${code(full)} is now ${shownLiteral(now.value)} (was ${shownLiteral(was.value)}).`, `${code(full)} 现为 ${shownLiteral(now.value)}（原为 ${shownLiteral(was.value)}）。`) });
      } else if (now.deprecated && !was.deprecated) {
        out.push({ type: 'constant-deprecated', level: 'minor', text: say(`${code(full)} is deprecated.`, `${code(full)} 已弃用。`) });
      }
    }
    for (const [member, now] of members) {
      const full = `${name}.${member}`;
      if (before.members.has(member) || accounted.has(full)) continue;
      out.push({ type: 'value-changed', level: 'minor', text: say(`New ${code(full)} = ${shownLiteral(now.value)}.`, `新增 ${code(full)} = ${shownLiteral(now.value)}。`) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The shape of a record

function topmost(paths: string[]): string[] {
  const sorted = [...paths].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && (p.startsWith(`${q}.`) || p.startsWith(`${q}[]`))));
}

/** Values at `path` (dotted, `[]` for array items) in a record. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (!path.length) return value === undefined ? [] : [value];
  const [head, ...rest] = path;
  const array = head.endsWith('[]');
  const key = array ? head.slice(0, -2) : head;
  const next = key ? (value as Record<string, unknown> | undefined)?.[key] : value;
  if (array) return Array.isArray(next) ? next.flatMap((item) => valuesAt(item, rest)) : [];
  return next === undefined || next === null ? [] : valuesAt(next, rest);
}

/**
 * Where a past state's schema could not be read: its shape as its records show
 * it (the fields they fill, the values they use at today's enumerations).
 */
export function observedShape(records: readonly LooseRecord[], today: RecordShape): RecordShape {
  const shape: RecordShape = { fields: new Set(today.fields), enums: new Map() };
  for (const path of today.enums.keys()) {
    const segments = path.split('.').flatMap((p) => (p.includes('[]') ? p.split(/(?<=\[\])/) : [p])).filter(Boolean);
    const used = new Set(records.flatMap((r) => valuesAt(r, segments)).filter((v) => typeof v === 'string' || typeof v === 'number').map(String));
    shape.enums.set(path, used);
  }
  return shape;
}

/** Changes of the record shape; `onlyRemovals` where the past shape was observed from data (unused values are not new). */
export function shapeChanges(o: RecordShape, n: RecordShape, onlyRemovals = false): PlannedChange[] {
  const out: PlannedChange[] = [];
  const added = onlyRemovals ? [] : topmost([...n.fields].filter((f) => !o.fields.has(f)));
  const removed = topmost([...o.fields].filter((f) => !n.fields.has(f)));
  if (added.length) out.push({ type: 'field-added', level: 'minor', text: say(`Records can have the new field${added.length > 1 ? 's' : ''} ${codes(added, 'en')}.`, `记录新增字段 ${codes(added, 'zh')}。`) });
  if (removed.length) {
    out.push({
      type: 'field-removed',
      level: 'major',
      text: say(`Records no longer have the field${removed.length > 1 ? 's' : ''} ${codes(removed, 'en')}: code that reads ${removed.length > 1 ? 'them' : 'it'} gets nothing.`, `记录不再有字段 ${codes(removed, 'zh')}：读取它的代码将得不到值。`),
    });
  }
  // Allowed values, said once per set of fields that changed alike (retry.action and meanings[].retry.action).
  type Delta = { added: string[]; removed: string[]; paths: string[] };
  const deltas = new Map<string, Delta>();
  const inRemovedField = (p: string) => removed.some((r) => p === r || p.startsWith(`${r}.`) || p.startsWith(`${r}[]`));
  for (const path of [...new Set([...o.enums.keys(), ...n.enums.keys()])].sort()) {
    const before = o.enums.get(path);
    const after = n.enums.get(path);
    if (!before || !after || inRemovedField(path)) continue;
    const plus = onlyRemovals ? [] : [...after].filter((v) => !before.has(v)).sort();
    const minus = [...before].filter((v) => !after.has(v)).sort();
    if (!plus.length && !minus.length) continue;
    const key = `${plus.join(',')}|${minus.join(',')}`;
    const delta = deltas.get(key) ?? { added: plus, removed: minus, paths: [] };
    delta.paths.push(path);
    deltas.set(key, delta);
  }
  for (const d of deltas.values()) {
    const where = (lang: Lang) => codes([...d.paths].sort((a, b) => a.length - b.length || a.localeCompare(b)), lang);
    if (d.removed.length) {
      out.push({
        type: 'vocabulary-removed',
        level: 'major',
        text: say(`${where('en')} no longer allow${d.paths.length > 1 ? '' : 's'} ${codes(d.removed, 'en')}: code that compares with ${d.removed.length > 1 ? 'them' : 'it'} no longer matches.`, `${where('zh')} 不再有取值 ${codes(d.removed, 'zh')}：与之比较的代码将不再匹配。`),
      });
    }
    if (d.added.length) out.push({ type: 'vocabulary-added', level: 'minor', text: say(`${where('en')} can now be ${codes(d.added, 'en')}.`, `${where('zh')} 新增取值 ${codes(d.added, 'zh')}。`) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// data/api.yaml: facts about the API, its methods, the sources, the shared links

const byKey = (items: unknown, key: string) =>
  new Map(list<Record<string, unknown>>(items).filter((x) => x && typeof x === 'object').map((x) => [String(x[key]), x]));
const changedKeys = (a: Record<string, unknown> = {}, b: Record<string, unknown> = {}) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k])).sort();

export function apiFileChanges(o: Record<string, unknown>, n: Record<string, unknown>): PlannedChange[] {
  const out: PlannedChange[] = [];
  if (!Object.keys(o).length || !Object.keys(n).length) return out;
  // The API's own facts (rate limit, content type, base URLs …): data a client may rely on.
  const facts = changedKeys(o, n).filter((k) => !['methods', 'sources', 'links'].includes(k));
  const textFacts = facts.filter((k) => onlyTexts(o[k]) && onlyTexts(n[k]));
  const dataFacts = facts.filter((k) => !textFacts.includes(k));
  const shown = (v: unknown) => (v === undefined ? '—' : code(typeof v === 'object' ? canonical(v) : String(v)));
  for (const k of dataFacts) {
    out.push({ type: 'data-changed', level: 'minor', text: say(`API facts: ${code(k)} is now ${shown(n[k])} (was ${shown(o[k])}).`, `API 事实：${code(k)} 现为 ${shown(n[k])}（原为 ${shown(o[k])}）。`) });
  }
  if (textFacts.length) out.push({ type: 'reworded', level: 'patch', text: say(`API facts: reworded ${codes(textFacts, 'en')}.`, `API 事实：改写了 ${codes(textFacts, 'zh')}。`) });
  // Methods: where they are (verb, path) is data; their titles and summaries are texts.
  const om = byKey(o.methods, 'name');
  const nm = byKey(n.methods, 'name');
  for (const [name, after] of nm) {
    const before = om.get(name);
    if (!before) continue; // a new method is a new allowed value, said with the record shape
    const keys = changedKeys(before, after);
    const data = keys.filter((k) => !onlyTexts(before[k]) || !onlyTexts(after[k]));
    if (data.length) {
      const where = (m: Record<string, unknown>) => code(`${m.verb} ${m.path}`);
      out.push({ type: 'data-changed', level: 'minor', text: say(`Method ${code(name)}: now ${where(after)} (was ${where(before)}).`, `方法 ${code(name)}：现为 ${where(after)}（原为 ${where(before)}）。`) });
    }
    if (keys.length > data.length) out.push({ type: 'reworded', level: 'patch', text: say(`Method ${code(name)}: reworded ${keys.filter((k) => !data.includes(k)).join(', ')}.`, `方法 ${code(name)}：改写了 ${keys.filter((k) => !data.includes(k)).join('、')}。`) });
  }
  // Sources and shared links: where the facts come from.
  const os = byKey(o.sources, 'id');
  const ns = byKey(n.sources, 'id');
  const parts: LocalizedText[] = [];
  const added = [...ns.keys()].filter((id) => !os.has(id));
  const removed = [...os.keys()].filter((id) => !ns.has(id));
  if (added.length) parts.push({ en: `new ${codes(added, 'en')}`, zh: `新增 ${codes(added, 'zh')}` });
  if (removed.length) parts.push({ en: `removed ${codes(removed, 'en')}`, zh: `删除 ${codes(removed, 'zh')}` });
  for (const [id, after] of ns) {
    const before = os.get(id);
    const keys = before ? changedKeys(before, after) : [];
    if (keys.length) parts.push({ en: `${code(id)}: ${keys.join(', ')} changed`, zh: `${code(id)}：${keys.join('、')} 有变化` });
  }
  if (parts.length) out.push({ type: 'sources', level: 'patch', text: say(`Sources: ${parts.map((p) => p.en).join('; ')}.`, `来源：${parts.map((p) => p.zh).join('；')}。`) });
  const links = changedKeys(o.links as Record<string, unknown>, n.links as Record<string, unknown>);
  if (links.length) out.push({ type: 'sources', level: 'patch', text: say(`Shared links changed: ${codes(links, 'en')}.`, `共用链接有变化：${codes(links, 'zh')}。`) });
  return out;
}
