/**
 * The copyable snippet on each record page: the record's constant from the
 * npm package (group from KINDS[kind].constantGroup, member record.constant).
 */
import { type CatalogRecord, KINDS } from '../../scripts/catalog/schema.ts';
import { displayCode } from './catalog.ts';
import { PACKAGE_NAME } from './repo.ts';
import type { Lang } from './i18n.ts';

/** How a value of each kind is read from a response, for the snippet's `if`. */
const READ: Record<CatalogRecord['kind'], string> = {
  'error-code': 'body.code',
  'message-error': 'body.message',
  'http-status': 'response.status',
  'service-state': 'state',
  'recording-status': 'body.serverResponse.status',
  'upload-status': 'body.serverResponse.uploadingStatus',
  'extension-state': 'state',
  'output-status': 'output.status',
};

/** The snippet's text: compare with the constant, and explain() the response. */
export function snippet(r: CatalogRecord, lang: Lang): string {
  const group = KINDS[r.kind].constantGroup;
  const constant = `${group}.${r.constant}`;
  const value = typeof r.code === 'number' ? String(r.code) : JSON.stringify(displayCode(r));
  const title = r.title[lang].replace(/`/g, '');
  return [
    `import { ${group}, explain } from '${PACKAGE_NAME}';`,
    '',
    `// ${constant} === ${value}: ${title}`,
    `if (${READ[r.kind]} === ${constant}) {`,
    `  const { summary, next } = explain({ status: response.status, body }, { locale: '${lang}' });`,
    '  console.log(summary, next);',
    '}',
  ].join('\n');
}
