/**
 * A code example kept once, as a file in examples/, with its comments in both
 * languages: a comment line `// en: …` or `// zh: …` belongs to that language;
 * every other line (code, and comments such as a shell command) is shared.
 * A guide shows the file through <Example>, which keeps the page's language
 * and drops the other, so the zh and en guides show the same code and cannot
 * drift apart. The tests run both versions.
 */
export const EXAMPLE_LANGS = ['zh', 'en'] as const;
export type ExampleLang = (typeof EXAMPLE_LANGS)[number];

const TAGGED = /^(\s*)\/\/ (zh|en):(?: (.*))?$/;

/** The example as a guide in `lang` shows it: that language's comments, untagged. */
export function localizeExample(source: string, lang: ExampleLang): string {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const m = TAGGED.exec(line);
    if (!m) out.push(line);
    else if (m[2] === lang) out.push(m[3] ? `${m[1]}// ${m[3]}` : `${m[1]}//`);
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/**
 * What is wrong with an example's comments, one line each with its line
 * number: a block of tagged comments that lacks one language, or a language
 * tag after code on the same line (it would show in both languages).
 */
export function exampleProblems(source: string, file = 'example'): string[] {
  const problems: string[] = [];
  const lines = source.split('\n');
  let block: { start: number; langs: Set<string> } | undefined;
  const close = () => {
    if (block) {
      for (const lang of EXAMPLE_LANGS) {
        if (!block.langs.has(lang)) problems.push(`${file}:${block.start}: a comment in ${[...block.langs].join(', ')} has no "// ${lang}:" lines next to it`);
      }
    }
    block = undefined;
  };
  lines.forEach((line, i) => {
    const m = TAGGED.exec(line);
    if (m) {
      block ??= { start: i + 1, langs: new Set() };
      block.langs.add(m[2]!);
    } else {
      close();
      if (/\S.*\/\/ (zh|en):/.test(line) && !/^\s*\/\//.test(line)) problems.push(`${file}:${i + 1}: a "// zh:" or "// en:" comment must have a line of its own`);
    }
  });
  close();
  return problems;
}
