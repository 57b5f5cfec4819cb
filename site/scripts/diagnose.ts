/**
 * The diagnose box: a pasted response or log → what each Cloud Recording
 * response in it means and what to do next, by the package's own readResponses()
 * and explain(), in the page (no server: the text never leaves it).
 *
 * Shared by the site's page /{lang}/diagnose/ and, as the module
 * /lib/diagnose.{lang}.js, by pages on other origins (examples/support-portal.html).
 * Everything from the paste is set as text (textContent), never as markup.
 */
import { type Finding, Findings, findingSteps, type FindingWords } from '../../src/findings.ts';
import { looksLikeResponse, methodOfQuestion, readResponses } from '../../src/response-text.ts';
import type { BriefRecord, Diagnosis, ExplainInput, Kind, Locale, Method, RetryPolicy } from '../../src/index.ts';
import type { DiagnoseWords } from '../lib/diagnose-words.ts';
import { isMethod, stateFromHash, stateToHash } from './diagnose-state.ts';

export { looksLikeResponse };

/** One language of the box: its words, and the package's explain() and next-step label in that language (each language's module imports its own, no other). */
export type Language = {
  locale: Locale;
  words: DiagnoseWords;
  /** Where a finding was and where its advice comes from. */
  where: FindingWords;
  /** The name of each kind of record. */
  kinds: Record<Kind, string>;
  explain: (input: ExplainInput) => Diagnosis;
  retryLabel: (policy: RetryPolicy) => string;
  /** The titles of the catalog's sources by id, where the page gives them. */
  sources?: Record<string, string>;
};

export type DiagnoseResult = {
  text: string;
  /** The method chosen by the reader (else each response's own). */
  method?: Method;
  responses: number;
  findings: Finding[];
  /** Responses beyond the findings kept, counted only. */
  others: number;
  needAction: boolean;
};

/** Distinct findings shown; a paste with more is summed up in one line. */
const SHOWN = 100;

/** Diagnose a pasted text: every response in it, as findings, worst first. */
export function diagnoseText(language: Language, text: string, method?: Method | string): DiagnoseResult {
  const chosen = isMethod(method) ? method : undefined;
  const findings = new Findings(language.explain, SHOWN);
  // Without a method chosen, the one a question in Chinese around the paste names, for responses that name none.
  const named = chosen ? undefined : methodOfQuestion(text);
  for (const found of readResponses(text)) findings.add(found, chosen ? { method: chosen, chosen: true } : named ? { method: named } : {});
  return { text, ...(chosen && { method: chosen }), responses: findings.responses, findings: findings.list(), others: findings.others.count, needAction: findings.needAction };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** A catalog or package text: plain text with `code spans`, as text nodes and <code>. */
function textNodes(text: string): Node[] {
  return text.split('`').map((part, i) => (i % 2 ? el('code', undefined, part) : document.createTextNode(part)));
}

/** The value of a record as the response carries it: 433, "Invalid authentication credentials", serviceIdle. */
const shownValue = (r: BriefRecord) => (r.kind === 'message-error' ? `"${r.value}"` : String(r.value));

/** A page of the site: a path on the site itself, an absolute URL from another origin. */
function siteHref(path: string, site: URL): string {
  return location.origin === site.origin ? path : new URL(path, site).href;
}

/** A record's page, in the box's language. */
const pageHref = (record: BriefRecord, locale: Locale, site: URL) => siteHref(new URL(record.urls[locale]).pathname, site);

function recordItem(record: BriefRecord, language: Language, site: URL): HTMLLIElement {
  const a = el('a', undefined, el('code', undefined, shownValue(record)), ' ', ...textNodes(record.title));
  a.href = pageHref(record, language.locale, site);
  return el('li', undefined, a, ' ', el('span', 'badge', language.kinds[record.kind]));
}

function findingView(f: Finding, result: DiagnoseResult, language: Language, site: URL, many: boolean): HTMLElement {
  const { words, where } = language;
  const d = f.diagnosis;
  const found = f.response;
  const { heading: said, next, settled } = findingSteps(f, where, language.retryLabel, (p) => String(p.line));
  const heading = el('h2', 'dx-outcome', said);
  if (many) heading.append(' ', el('span', 'dx-where', `${where.times(f.count)} · ${where.lines(String(f.first.line), String(f.last.line))}`));
  const facts = el('dl', 'dx-facts');
  const from = result.method ? words.methodChosen : found.methodLine !== undefined ? words.methodFrom(found.methodLine) : words.methodOwnLine;
  facts.append(el('dt', undefined, words.method), el('dd', undefined, d.method ? words.methodValue(d.method, from) : words.methodUnknown));
  if (d.status !== undefined) facts.append(el('dt', undefined, words.status), el('dd', undefined, String(d.status)));
  if (d.basis && !f.afterStop) {
    // Each source by its name, the step after the retries' too.
    const named = <B extends { by: string; source?: string }>(b: B): B => (b.by === 'agora' && b.source ? { ...b, source: language.sources?.[b.source] ?? b.source } : b);
    const basis = { ...named(d.basis), ...(d.basis.then && { then: named(d.basis.then) }) } as typeof d.basis;
    facts.append(el('dt', undefined, words.basis), el('dd', undefined, ...textNodes(where.basis(basis, d.next))));
  }

  const article = el('article', `dx-finding ${f.needsAction ? 'dx-act' : 'dx-fine'}`, heading);
  article.append(el('p', 'dx-next', el('strong', undefined, words.nextLabel), ...textNodes(next)));
  if (settled) article.append(el('p', 'dx-settled', ...textNodes(settled)));
  if (d.summary) article.append(el('p', 'dx-what', ...textNodes(d.summary)));
  article.append(facts);
  if (d.records.length) {
    article.append(el('h3', undefined, words.records), el('ul', 'dx-records', ...d.records.map((r) => recordItem(r, language, site))));
  }
  const notes = d.notes.filter((n) => !d.summary.includes(n));
  if (result.method && found.method && found.method !== result.method) notes.push(words.chosenOverrides(found.method, found.methodLine ?? found.line, result.method));
  if (notes.length) article.append(el('h3', undefined, words.notes), el('ul', 'dx-notes', ...notes.map((n) => el('li', undefined, ...textNodes(n)))));
  return article;
}

/**
 * The diagnosis as elements: an overview over several responses, then each
 * finding (outcome, next step, what happened, method and status, records
 * linked to their pages on `site`, notes). Nothing found: says so, and offers
 * to search for the text instead.
 */
export function renderDiagnosis(result: DiagnoseResult, language: Language, site: URL): HTMLElement {
  const { words, locale } = language;
  const box = el('div', 'dx-result');
  if (!result.findings.length) {
    box.append(el('p', 'dx-nothing', words.nothing));
    const query = result.text.trim();
    if (query && query.length <= 200) {
      const a = el('a', undefined, words.searchInstead);
      a.href = siteHref(`/${locale}/search/?q=${encodeURIComponent(query)}`, site);
      box.append(el('p', undefined, a));
    }
    return box;
  }
  const many = result.responses > 1;
  if (many) {
    const act = result.findings.filter((f) => f.needsAction).length;
    box.append(el('p', 'dx-overview', words.overview(result.responses, result.findings.length, act)));
  }
  for (const f of result.findings) box.append(findingView(f, result, language, site, many));
  if (result.others) box.append(el('p', 'muted', words.others(result.others)));
  return box;
}

/**
 * Wire the site's diagnose form (`[data-diagnose]`): diagnose as the reader
 * types or pastes, on submit, and when the method changes; keep the state in
 * the address so that the address is a link to the diagnosis.
 */
export function mountDiagnose(root: HTMLElement, page: Language, site: URL): void {
  let sources: Record<string, string> | undefined;
  try {
    sources = JSON.parse(root.dataset.sources ?? 'null') ?? undefined;
  } catch {
    sources = undefined;
  }
  const language: Language = { ...page, ...(sources && { sources }) };
  const form = root.querySelector('form')!;
  const textarea = root.querySelector('textarea')!;
  const select = root.querySelector('select')!;
  const output = root.querySelector<HTMLElement>('[data-diagnose-output]')!;
  const link = root.querySelector<HTMLAnchorElement>('[data-diagnose-link]')!;
  const linkNote = root.querySelector<HTMLElement>('[data-diagnose-link-note]')!;
  const { words } = language;

  const run = (updateAddress: boolean) => {
    output.removeAttribute('aria-busy');
    const text = textarea.value;
    if (!text.trim()) {
      output.replaceChildren();
      link.hidden = true;
      linkNote.textContent = '';
      if (updateAddress) history.replaceState(null, '', location.pathname + location.search);
      return;
    }
    output.replaceChildren(renderDiagnosis(diagnoseText(language, text, select.value), language, site));
    const { hash, notes } = stateToHash(text, select.value);
    link.href = hash || '#';
    link.hidden = false;
    linkNote.textContent = notes.map((n) => (n === 'credentials' ? words.linkWithoutCredentials : words.tooLongForLink)).join(' ');
    if (updateAddress && location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
  };
  const restore = () => {
    const state = stateFromHash(location.hash);
    if (!state.text && !state.method) return;
    textarea.value = state.text;
    select.value = state.method;
    run(false);
    // A shared link opens on its verdict, not on the pasted text above it (a phone shows little else).
    output.scrollIntoView?.({ block: 'start' });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  textarea.addEventListener('input', () => {
    output.setAttribute('aria-busy', 'true');
    clearTimeout(timer);
    timer = setTimeout(() => run(true), 200);
  });
  select.addEventListener('change', () => run(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  window.addEventListener('hashchange', restore);
  form.hidden = false;
  restore();
}

/**
 * The module of one language: `diagnose(text, method?)` and `render(result)`
 * bound to it, links to the site the module is served from; it wires the
 * page's diagnose form when there is one.
 */
export function diagnoseModule(language: Language, site: URL) {
  if (typeof document !== 'undefined') {
    const root = document.querySelector<HTMLElement>('[data-diagnose]');
    if (root) mountDiagnose(root, language, site);
  }
  return {
    diagnose: (text: string, method?: Method | string) => diagnoseText(language, text, method),
    render: (result: DiagnoseResult) => renderDiagnosis(result, language, site),
  };
}
