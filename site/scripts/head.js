// The one classic script of every page, in <head> before the stylesheet, so it
// runs before anything is painted (an external file: the Content-Security-Policy
// allows no inline script). It marks that JavaScript runs, so the CSS shows the
// controls that scripts enable (filters, theme toggle) from the first paint
// instead of revealing them later and moving the page; and it applies the theme
// chosen with the toggle (site/scripts/site.ts), kept in localStorage. On a
// filtered view of the home table (?kind=, ?method=, ?retryable=) it keeps the
// table's rows out of sight until home-table.js has filtered them, so the
// whole table is never painted and then shrunk.
(() => {
  const root = document.documentElement;
  root.setAttribute('data-js', '');
  if (/[?&](?:kind|method|retryable)=/.test(location.search)) root.setAttribute('data-filtered', '');
  try {
    const theme = localStorage.getItem('theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch {
    // Storage refused (privacy settings): the theme follows the system.
  }
})();
