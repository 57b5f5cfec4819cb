/**
 * data/synonyms.yaml, the words of search, is checked by `npm run check` like
 * the catalog: every problem with its file, line and what is wrong.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, formatProblem, loadCatalog } from '../../scripts/catalog/load.ts';
import { lexiconOf, loadSearchWords } from '../../scripts/catalog/search-words.ts';

/** A data folder with the real api.yaml and error codes, and this synonyms.yaml. */
function withWords(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'words-'));
  for (const name of ['api.yaml', 'error-codes.yaml']) copyFileSync(join(DEFAULT_DATA_DIR, name), join(dir, name));
  writeFileSync(join(dir, 'synonyms.yaml'), yaml);
  return dir;
}
const problems = (yaml: string) =>
  loadCatalog(withWords(yaml))
    .problems.filter((p) => p.file.endsWith('synonyms.yaml'))
    .map((p) => formatProblem(p).replace(/^.*synonyms\.yaml/, 'synonyms.yaml'));

const FILLERS = 'fillers:\n  zh: [怎么办]\n  en: [how]\n';

describe('data/synonyms.yaml', () => {
  it('the real file is valid, and each language gets its own sets and those of both', () => {
    expect(loadCatalog().problems.filter((p) => p.file.endsWith('synonyms.yaml'))).toEqual([]);
    const words = loadSearchWords(DEFAULT_DATA_DIR);
    const zh = lexiconOf(words, 'zh');
    expect(zh.synonyms.some((s) => s.includes('账号'))).toBe(true);
    expect(zh.synonyms.some((s) => s.includes('arrears'))).toBe(false);
    expect(lexiconOf(words, 'en').synonyms.some((s) => s.includes('resourceid'))).toBe(true);
    expect(zh.fillers).toContain('怎么办');
  });

  it('reports an unknown field where it is', () => {
    expect(problems(`synonyms:\n  - {lang: en, terms: [a1, b1], weight: 2}\n${FILLERS}`)).toEqual([
      'synonyms.yaml:2:33 synonyms[0].weight: unknown field (expected one of the schema\'s fields; check the spelling)',
    ]);
  });

  it('reports an empty set, a set of one, an empty term and an unknown language', () => {
    const out = problems(`synonyms:\n  - {lang: en, terms: []}\n  - {lang: zh, terms: [账号]}\n  - {lang: en, terms: [ok, "  "]}\n  - {lang: fr, terms: [a2, b2]}\n${FILLERS}`);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(/^synonyms\.yaml:2:\d+ synonyms\[0\]\.terms: .*at least two terms/);
    expect(out[1]).toMatch(/^synonyms\.yaml:3:\d+ synonyms\[1\]\.terms: .*at least two terms/);
    expect(out[2]).toMatch(/^synonyms\.yaml:4:\d+ synonyms\[2\]\.terms\[1\]: .*non-empty term/);
    expect(out[3]).toMatch(/^synonyms\.yaml:5:\d+ synonyms\[3\]\.lang: /);
  });

  it('reports a term twice in a set or in two sets of one language, once case, width and punctuation are ignored', () => {
    const out = problems(
      `synonyms:\n  - {lang: en, terms: [resource id, Resource_ID]}\n  - {lang: both, terms: [overdue, arrears]}\n  - {lang: en, terms: [ＯＶＥＲＤＵＥ, unpaid]}\n  - {lang: zh, terms: [欠费, 没钱]}\n${FILLERS}`,
    );
    expect(out).toEqual([
      'synonyms.yaml:2:37 synonyms[0].terms[1]: "Resource_ID" twice in this set (as terms[0], once case, width and punctuation are ignored)',
      'synonyms.yaml:4:24 synonyms[2].terms[0]: "ＯＶＥＲＤＵＥ" is already in synonyms[1] (both); a term belongs to one set per language',
    ]);
  });

  it('reports a filler word twice, or one that is also a synonym', () => {
    const out = problems('synonyms:\n  - {lang: en, terms: [timeout, timed out]}\nfillers:\n  zh: [了]\n  en: [how, How, timeout]\n');
    expect(out).toEqual([
      'synonyms.yaml:5:13 fillers.en[1]: "How" twice (first as fillers.en[0])',
      'synonyms.yaml:5:18 fillers.en[2]: "timeout" is a filler word and a synonym in synonyms[0]; it cannot be both',
    ]);
  });
});
