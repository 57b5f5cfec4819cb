/**
 * What every page does with JavaScript: the theme toggle (light or dark, kept
 * in localStorage and applied before paint by site/scripts/head.js) and the
 * keyboard shortcuts `/` and Ctrl+K (⌘K on a Mac) that put the cursor in the
 * search box.
 */
const THEME_KEY = 'theme';

export function themeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : system.matches);
  const show = () => button.setAttribute('aria-pressed', String(dark()));
  show();
  system.addEventListener('change', show);
  button.addEventListener('click', () => {
    const theme = dark() ? 'light' : 'dark';
    root.dataset.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not kept (storage refused), but applied to this page.
    }
    show();
  });
}

/** True when a key press is meant for a field being typed in, not for the page. */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function searchShortcuts(): void {
  document.addEventListener('keydown', (e) => {
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
    const k = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    if (!slash && !k) return;
    // The search page's own box, else the header's.
    const box = document.querySelector<HTMLInputElement>('#q') ?? document.querySelector<HTMLInputElement>('#site-q');
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
}
