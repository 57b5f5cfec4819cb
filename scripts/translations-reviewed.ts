/**
 * npm run translations:reviewed -- <kind:id> [<kind:id> …] | --all
 *
 * Marks the translations of the named records as reviewed: writes the hash of
 * each language's current texts into the record's `reviewed` field, keeping
 * the rest of the YAML file (comments, order, layout) as it is.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_DATA_DIR, NON_RECORD_FILES } from './catalog/load.ts';
import { CatalogRecord, recordRef } from './catalog/schema.ts';
import { reviewedHashes } from './catalog/translations.ts';

const args = process.argv.slice(2);
const all = args.includes('--all');
const wanted = new Set(args.filter((a) => !a.startsWith('--')));
if (!all && wanted.size === 0) {
  console.error('usage: npm run translations:reviewed -- <kind:id> [<kind:id> …] | --all');
  process.exit(2);
}
const dir = process.env.CATALOG_DIR ?? DEFAULT_DATA_DIR;
let marked = 0;
for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n) && !NON_RECORD_FILES.includes(n)).sort()) {
  const path = join(dir, name);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const raw = doc.toJS() as { records?: unknown[] };
  let changed = false;
  (raw.records ?? []).forEach((rawRecord, index) => {
    const parsed = CatalogRecord.safeParse(rawRecord);
    if (!parsed.success) return;
    const ref = recordRef(parsed.data);
    if (!all && !wanted.has(ref)) return;
    wanted.delete(ref);
    const hashes = reviewedHashes(parsed.data);
    const current = parsed.data.reviewed;
    if (current?.zh === hashes.zh && current?.en === hashes.en) return;
    const node = doc.createNode(hashes);
    node.flow = true;
    doc.setIn(['records', index, 'reviewed'], node);
    changed = true;
    marked++;
    console.log(`marked reviewed: ${ref}`);
  });
  if (changed) writeFileSync(path, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}
if (wanted.size) {
  console.error(`no valid record: ${[...wanted].join(', ')}`);
  process.exit(1);
}
console.log(`${marked} record(s) marked reviewed.`);
