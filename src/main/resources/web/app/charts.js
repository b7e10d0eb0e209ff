// Turns a chart spec from the server (categories, series with a unit) into an ECharts option.
const PALETTE = ['#1d4ed8', '#059669', '#7c3aed', '#d97706', '#dc2626', '#0f172a'];

function formatter(unit, currency, locale) {
  if (unit === 'rate') {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  }
  if (unit === 'money') {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' });
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
}

export function chartOption(spec, locale) {
  const unit = spec.series[0]?.unit;
  const format = formatter(unit, spec.currency, locale);
  const valueAxis = { type: 'value', axisLabel: { formatter: (value) => format.format(value) } };
  const categoryAxis = { type: 'category', data: spec.categories };
  return {
    color: PALETTE,
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value == null ? '–' : formatter(unit, spec.currency, locale).format(value)) },
    legend: { show: spec.series.length > 1, bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: spec.series.length > 1 ? 40 : 16, containLabel: true },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.series.map((series) => ({
      name: series.name,
      type: series.type,
      stack: series.stack,
      data: series.data,
      connectNulls: false,
      smooth: false,
      showSymbol: series.data.length < 16,
    })),
  };
}
