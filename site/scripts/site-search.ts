/**
 * The search box in the header of every page (the home page's included):
 * as you type, the records the query names (site/scripts/engine.ts, the same
 * search as the search page's) appear under the box, with a link to every
 * result. Enter still opens the search page. The list floats over the page,
 * so nothing moves; the search module loads on the first keystroke only.
 */
import type { Hit, SiteSearch } from './engine.ts';

const SHOWN = 5;

export function enhanceSiteSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.site-search');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !input) return;
  const lang = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const panel = document.createElement('div');
  panel.id = 'site-answers';
  panel.className = 'site-answers';
  panel.hidden = true;
  const list = document.createElement('ul');
  panel.append(list);
  form.append(panel);
  input.setAttribute('aria-controls', panel.id);

  let search: Promise<SiteSearch> | undefined;
  const show = (open: boolean) => {
    panel.hidden = !open;
  };
  const item = (href: string, parts: [string, string][]) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    for (const [className, text] of parts) {
      if (!text) continue;
      const span = document.createElement(className === 'r-code' ? 'code' : 'span');
      span.className = className;
      span.textContent = text;
      a.append(span);
    }
    li.append(a);
    return li;
  };

  let current = 0;
  const answer = async () => {
    const mine = ++current;
    const q = input.value.trim();
    if (!q) return show(false);
    search ??= import('./engine.ts').then((m) => m.createSearch({ lang }));
    const run = (await search).run(q);
    let hits: Hit[] = await run.pinned;
    if (!hits.length) hits = (await run.results).hits;
    if (mine !== current) return;
    const all = `/${lang}/search/?q=${encodeURIComponent(q)}`;
    list.replaceChildren(
      ...hits.slice(0, SHOWN).map((h) => item(h.path, [['badge r-kind', h.kind], ['r-code', h.code], ['r-title', h.title]])),
      item(all, [['site-answers-all', form.dataset.all?.replace('{q}', q) ?? q]]),
    );
    show(true);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void answer().catch(() => show(false)), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') show(false);
    if (e.key === 'ArrowDown' && !panel.hidden) {
      e.preventDefault();
      panel.querySelector('a')?.focus();
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) show(false);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      show(false);
      input.focus();
    }
  });
}
