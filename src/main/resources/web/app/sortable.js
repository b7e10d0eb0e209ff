// Sorts a table by a column when its header button is pressed; cells sort by data-sort (numbers as numbers).
export function makeSortable(table) {
  table.dataset.sortable = 'true';
  table.querySelectorAll('thead th').forEach((header, column) => {
    const button = header.querySelector('button.sort');
    if (!button) {
      return;
    }
    button.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('thead th').forEach((th) => th.removeAttribute('aria-sort'));
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => compare(a.cells[column], b.cells[column]) * (ascending ? 1 : -1));
      rows.forEach((row) => body.appendChild(row));
    });
  });
}

function compare(a, b) {
  const x = a?.dataset.sort ?? a?.textContent ?? '';
  const y = b?.dataset.sort ?? b?.textContent ?? '';
  const nx = Number(x);
  const ny = Number(y);
  if (x !== '' && y !== '' && !Number.isNaN(nx) && !Number.isNaN(ny)) {
    return nx - ny;
  }
  return x.localeCompare(y);
}
