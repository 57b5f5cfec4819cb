/**
 * The copyable snippet on each record page: a function that explains a fetch
 * Response with the npm package and acts when it carries this record — read
 * where the API puts it (the body `code`, the gateway `message`, the HTTP
 * status, or a state inside `serverResponse`), compared with the record's
 * constant (group from KINDS[kind].constantGroup, member record.constant).
 * test/site/snippet.test.ts type-checks and runs every one of them.
 */
import { type CatalogRecord, KINDS, METHODS, type Method } from '../../scripts/catalog/schema.ts';
import { displayCode, FOUND_ON, isStateKind, recordMethods } from './record.ts';
import { PACKAGE_NAME } from './repo.ts';
import type { Lang } from './i18n.ts';

/** How the diagnosis holds a value of each kind, for the snippet's `if`: a state is among `d.states`. */
const inStates = (c: string): string => `d.states.some((s) => s.value === ${c})`;
const HOLDS: Record<CatalogRecord['kind'], (constant: string) => string> = {
  'error-code': (c) => `d.code === ${c}`,
  'message-error': (c) => `d.message === ${c}`,
  'http-status': (c) => `d.status === ${c}`,
  'service-state': inStates,
  'recording-status': inStates,
  'upload-status': inStates,
  'extension-state': inStates,
  'output-status': inStates,
};

/** The method whose response carries the record: where its states are returned, else the first method it occurs on. */
export function snippetMethod(r: CatalogRecord): Method {
  if (isStateKind(r.kind)) return FOUND_ON[r.kind];
  const methods = recordMethods(r);
  return methods.length === METHODS.length ? 'start' : (methods[0] ?? 'start');
}

/** The snippet's text: explain the response on the method, and act when it carries this record. */
export function snippet(r: CatalogRecord, lang: Lang): string {
  const group = KINDS[r.kind].constantGroup;
  const constant = `${group}.${r.constant}`;
  const value = typeof r.code === 'number' ? String(r.code) : JSON.stringify(displayCode(r));
  const title = r.title[lang].replace(/`/g, '').replace(/\s+/g, ' ');
  return [
    `import { ${group}, fromResponse } from '${PACKAGE_NAME}';`,
    '',
    `// ${constant} === ${value}: ${title}`,
    `export async function onResponse(response: Response): Promise<void> {`,
    `  const d = await fromResponse(response, '${snippetMethod(r)}', { locale: '${lang}' });`,
    `  if (${HOLDS[r.kind](constant)}) {`,
    `    console.log(d.outcome.kind, d.summary, d.next);`,
    '  }',
    '}',
  ].join('\n');
}
