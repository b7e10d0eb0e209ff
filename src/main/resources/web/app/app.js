import 'bootstrap/dist/css/bootstrap.css';
import './app.css';
import 'htmx.org';
import * as echarts from 'echarts';
import { chartOption } from './charts.js';
import { makeSortable } from './sortable.js';

function enhance(root) {
  root.querySelectorAll('[data-chart]:not([data-rendered])').forEach((element) => {
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(chartOption(JSON.parse(element.dataset.chart), document.documentElement.lang || 'en'));
    element.dataset.rendered = 'true';
    new ResizeObserver(() => chart.resize()).observe(element);
  });
  root.querySelectorAll('table.sortable:not([data-sortable])').forEach(makeSortable);
}

document.addEventListener('DOMContentLoaded', () => enhance(document));
document.addEventListener('htmx:afterSettle', (event) => enhance(event.target));
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details.chart-table').forEach((details) => { details.open = true; });
});
