/**
 * The copyable snippet on each record page: the record's constant from the
 * npm package (group from KINDS[kind].constantGroup, member record.constant).
 */
import { type CatalogRecord, KINDS } from '../../scripts/catalog/schema.ts';
import { PACKAGE_NAME, displayCode } from './catalog.ts';
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

/** The snippet's text; `explain(body)` assumes the package explains a response body. */
export function snippet(r: CatalogRecord, lang: Lang): string {
  const group = KINDS[r.kind].constantGroup;
  const constant = `${group}.${r.constant}`;
  const value = typeof r.code === 'number' ? String(r.code) : JSON.stringify(displayCode(r));
  const comment = lang === 'zh' ? `${value}：${r.title.zh}` : `${value}: ${r.title.en}`;
  return [
    `import { ${group}, explain } from '${PACKAGE_NAME}';`,
    '',
    `if (${READ[r.kind]} === ${constant}) {`,
    `  // ${comment.replace(/`/g, '')}`,
    '  console.log(explain(body));',
    '}',
  ].join('\n');
}
