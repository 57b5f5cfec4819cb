// The one classic script of every page, in <head> before the stylesheet, so it
// runs before anything is painted (an external file: the Content-Security-Policy
// allows no inline script). It marks that JavaScript runs, so the CSS shows the
// controls that scripts enable (filters, theme toggle) from the first paint
// instead of revealing them later and moving the page; and it applies the theme
// chosen with the toggle (site/scripts/site.ts), kept in localStorage. On a
// filtered view of the home table (?kind=, ?method=, ?retryable=) it keeps the
// table's rows out of sight until home-table.js has filtered them, so the
// whole table is never painted and then shrunk. On a page opened with a query
// (?q=…), it preloads the files the page names in <html data-query-preload>
// (the search page: its search data, Pagefind's script and WebAssembly), so
// they are on their way before the page's own scripts have loaded.
(() => {
  const root = document.documentElement;
  root.setAttribute('data-js', '');
  if (/[?&](?:kind|method|retryable)=/.test(location.search)) root.setAttribute('data-filtered', '');
  const preload = root.getAttribute('data-query-preload');
  if (preload && new URLSearchParams(location.search).get('q')?.trim()) {
    for (const href of preload.split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      if (href.endsWith('.js')) link.rel = 'modulepreload';
      else {
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
      }
      link.href = href;
      document.head.append(link);
    }
  }
  try {
    const theme = localStorage.getItem('theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch {
    // Storage refused (privacy settings): the theme follows the system.
  }
})();
