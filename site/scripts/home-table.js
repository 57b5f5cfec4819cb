// Progressive enhancement of the home table: filters (kind, method, retryable),
// with each record's next step on the chosen method where it differs by method,
// kept in the address (?kind=&method=&retryable=1) so a filtered view can be
// shared, and sorting by each column. A classic script placed right after the
// table (an external file: the Content-Security-Policy allows no inline
// script), so a filtered view is filtered before the page below it is laid
// out: nothing moves. Without JavaScript the page shows the whole table and no
// filters (site.css shows them only under <html data-js>, set by head.js).
(() => {
  /** @type {HTMLTableElement | null} */
  const table = document.querySelector('#codes');
  /** @type {HTMLFormElement | null} */
  const form = document.querySelector('#filters');
  /** @type {HTMLElement | null} */
  const count = document.querySelector('#count');
  if (!table || !form || !count || !table.tHead) return;
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const template = table.dataset.shown || '{n} / {n}';

  const kind = /** @type {HTMLSelectElement} */ (form.elements.namedItem('kind'));
  const method = /** @type {HTMLSelectElement} */ (form.elements.namedItem('method'));
  const retryable = /** @type {HTMLInputElement} */ (form.elements.namedItem('retryable'));
  const params = new URLSearchParams(location.search);
  /** @param {HTMLSelectElement} select @param {string | null} value */
  const pick = (select, value) => {
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  pick(kind, params.get('kind'));
  pick(method, params.get('method'));
  retryable.checked = params.get('retryable') === '1';

  /** @param {string | undefined} list a space-separated list @param {string} item */
  const holds = (list, item) => (list || '').split(' ').includes(item);
  /** @param {boolean} remember whether to write the filters into the address */
  const apply = (remember) => {
    let shown = 0;
    for (const row of rows) {
      // With a method chosen, "retryable" is on that method, and the next step is the one there.
      const ok =
        (!kind.value || row.dataset.kind === kind.value) &&
        (!method.value || holds(row.dataset.methods, method.value)) &&
        (!retryable.checked || (method.value ? holds(row.dataset.retriesOn, method.value) : row.dataset.retryable === '1'));
      row.hidden = !ok;
      if (ok) shown++;
      // A row whose step differs by method says "depends on the method" (data-step) and the step on each (data-on-…).
      const step = /** @type {HTMLElement | null} */ (row.querySelector('[data-step]'));
      if (step) step.textContent = (method.value && step.getAttribute(`data-on-${method.value.toLowerCase()}`)) || step.dataset.step || '';
    }
    let i = 0;
    const values = [shown, rows.length];
    count.textContent = template.replace(/\{n\}/g, () => String(values[i++]));
    if (!remember) return;
    const next = new URLSearchParams();
    if (kind.value) next.set('kind', kind.value);
    if (method.value) next.set('method', method.value);
    if (retryable.checked) next.set('retryable', '1');
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };
  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (e) => e.preventDefault());
  const fieldset = form.querySelector('fieldset');
  if (fieldset) fieldset.disabled = false;
  if (kind.value || method.value || retryable.checked) apply(false);
  // The rows were kept out of sight (head.js) until filtered; nothing below the table exists yet.
  document.documentElement.removeAttribute('data-filtered');

  // Sorting: each header becomes a button; a second press reverses the order.
  const headers = [...table.tHead.rows[0].cells];
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: 'base' });
  /** @param {HTMLTableRowElement} row @param {number} col @param {string} how */
  const key = (row, col, how) => (how === 'kind' ? String(row.dataset.kindOrder || '').padStart(3, '0') : (row.cells[col].textContent || '').trim());
  headers.forEach((th, col) => {
    const how = th.dataset.sort || 'text';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const sorted = [...rows].sort((a, b) => {
        const byKey = collator.compare(key(a, col, how), key(b, col, how));
        return (descending ? -byKey : byKey) || rows.indexOf(a) - rows.indexOf(b);
      });
      body.append(...sorted);
    });
  });
})();
