/**
 * Progressive enhancement of the home table: filters (kind, method, retryable)
 * and sorting by column. Without JavaScript the page shows the whole table and
 * no filters; with it, the filters are on screen from the first paint
 * (disabled) and this script enables them.
 */
export function enhanceTable(): void {
  const table = document.querySelector<HTMLTableElement>('#codes');
  const form = document.querySelector<HTMLFormElement>('#filters');
  const count = document.querySelector<HTMLElement>('#count');
  if (!table || !form || !count) return;
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const template = table.dataset.shown ?? '{n} / {n}';

  // Filters, kept in the URL (?kind=&method=&retryable=1) so a filtered view can be shared.
  const params = new URLSearchParams(location.search);
  const kind = form.elements.namedItem('kind') as HTMLSelectElement;
  const method = form.elements.namedItem('method') as HTMLSelectElement;
  const retryable = form.elements.namedItem('retryable') as HTMLInputElement;
  const pick = (select: HTMLSelectElement, value: string | null) => {
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  pick(kind, params.get('kind'));
  pick(method, params.get('method'));
  retryable.checked = params.get('retryable') === '1';

  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const ok =
        (!kind.value || row.dataset.kind === kind.value) &&
        (!method.value || (row.dataset.methods ?? '').split(' ').includes(method.value)) &&
        (!retryable.checked || row.dataset.retryable === '1');
      row.hidden = !ok;
      if (ok) shown++;
    }
    let i = 0;
    const values = [shown, rows.length];
    count.textContent = template.replace(/\{n\}/g, () => String(values[i++]));
    const next = new URLSearchParams();
    if (kind.value) next.set('kind', kind.value);
    if (method.value) next.set('method', method.value);
    if (retryable.checked) next.set('retryable', '1');
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.querySelector('fieldset')!.disabled = false;
  if (kind.value || method.value || retryable.checked) apply();

  // Sorting: each header becomes a button; a second press reverses the order.
  const headers = [...table.tHead!.rows[0].cells];
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: 'base' });
  const key = (row: HTMLTableRowElement, col: number, how: string): string =>
    how === 'kind' ? String(row.dataset.kindOrder ?? '').padStart(3, '0') : (row.cells[col].textContent ?? '').trim();
  headers.forEach((th, col) => {
    const how = th.dataset.sort ?? 'text';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const descending = th.getAttribute('aria-sort') === 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const sorted = [...rows].sort((a, b) => {
        const byKey = collator.compare(key(a, col, how), key(b, col, how));
        return (descending ? -byKey : byKey) || rows.indexOf(a) - rows.indexOf(b);
      });
      body.append(...sorted);
    });
  });
}
