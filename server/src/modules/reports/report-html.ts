import type { ProgrammeReport } from '@campus/common';
import type { Locale } from '../../lib/messages/catalogue.js';
import { reportTables, type Cell, type Column, type ReportChart } from './report-tables.js';
import { reportWords } from './report-words.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

/** A cell as printed: counts with separators, shares as percentages with one decimal, nothing as a dash. */
export function printCell(value: Cell, kind: Column['kind'], locale: Locale): string {
  if (value === null || value === '') return kind === 'text' ? '' : '–';
  if (typeof value === 'string') return value;
  if (kind === 'share') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB');
}

/** Bars for the chart's series (patterns as well as colours, so a printout in grey still tells them apart). */
const fills = ['#b33f00', 'url(#hatch)', '#5a6b7b'];

/**
 * A horizontal bar chart drawn as inline SVG: a row per category, a bar per series, the value written at its end
 * (so no number depends on reading a length or a colour).
 */
export function barChartSvg(chart: ReportChart, locale: Locale): string {
  const labelWidth = 190;
  const plotWidth = 420;
  const valueWidth = 70;
  const bar = 14;
  const group = chart.series.length * bar + 10;
  const legend = chart.series.length > 1 ? 22 : 0;
  const height = legend + Math.max(1, chart.categories.length) * group + 6;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = chart.unit === 'share' ? 1 : Math.max(1, ...values);
  const parts: string[] = [];
  chart.series.forEach((s, i) => {
    if (!legend) return;
    const x = labelWidth + i * 140;
    parts.push(`<rect x="${x}" y="4" width="12" height="12" fill="${fills[i % fills.length]}" stroke="#333" stroke-width="0.5"/><text x="${x + 16}" y="14" font-size="11">${escape(s.name)}</text>`);
  });
  chart.categories.forEach((category, c) => {
    const y0 = legend + c * group;
    parts.push(`<text x="${labelWidth - 6}" y="${y0 + group / 2 + 2}" font-size="11" text-anchor="end">${escape(category.length > 28 ? `${category.slice(0, 27)}…` : category)}</text>`);
    chart.series.forEach((s, i) => {
      const v = s.values[c];
      const width = v === null ? 0 : Math.max(v > 0 ? 1 : 0, (v / max) * plotWidth);
      const y = y0 + 5 + i * bar;
      parts.push(`<rect x="${labelWidth}" y="${y}" width="${width.toFixed(1)}" height="${bar - 3}" fill="${fills[i % fills.length]}" stroke="#333" stroke-width="0.5"/>`);
      parts.push(`<text x="${labelWidth + width + 4}" y="${y + bar - 5}" font-size="10">${escape(printCell(v, chart.unit, locale))}</text>`);
    });
  });
  parts.push(`<line x1="${labelWidth}" y1="${legend}" x2="${labelWidth}" y2="${height - 4}" stroke="#333" stroke-width="1"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(chart.title)}" width="${labelWidth + plotWidth + valueWidth}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + valueWidth} ${height}">`
    + '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3c9a8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b33f00" stroke-width="2"/></pattern></defs>'
    + `${parts.join('')}</svg>`;
}

/**
 * The report as one self-contained printable HTML document (no script, no external file: the fonts are the machine's,
 * the charts inline SVG): title, scope, the charts, then every table with its total. The PDF is this page printed by
 * Chromium (report-pdf.ts).
 */
export function reportHtml(report: ProgrammeReport, locale: Locale): string {
  const w = reportWords(locale);
  const { tables, charts } = reportTables(report, locale);
  const regionNames = report.regions.map((r) => (locale === 'zh' ? r.nameZh : r.nameEn)).join(locale === 'zh' ? '、' : ', ');
  const table = (t: (typeof tables)[number]) => `
  <section class="table">
    <h2>${escape(t.title)}</h2>
    ${t.rows.length ? `<table>
      <thead><tr>${t.columns.map((c) => `<th scope="col" class="${c.kind}">${escape(c.header)}</th>`).join('')}</tr></thead>
      <tbody>${t.rows.map((row) => `<tr>${row.map((v, i) => `<td class="${t.columns[i].kind}">${escape(printCell(v, t.columns[i].kind, locale))}</td>`).join('')}</tr>`).join('\n')}</tbody>
      ${t.total ? `<tfoot><tr>${t.total.map((v, i) => `<td class="${t.columns[i].kind}">${escape(printCell(v, t.columns[i].kind, locale))}</td>`).join('')}</tr></tfoot>` : ''}
    </table>` : `<p class="empty">${escape(w.empty)}</p>`}
  </section>`;
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escape(w.title(report.year))}</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 11px; color: #1a1a1a; }
  h1 { font-size: 20px; margin: 0 0 4px; color: #b33f00; }
  h2 { font-size: 14px; margin: 16px 0 6px; border-bottom: 1px solid #b33f00; padding-bottom: 2px; }
  p.meta { margin: 2px 0; color: #444; }
  section { break-inside: avoid; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; }
  th { background: #f4f4f4; font-weight: bold; }
  td.count, td.share, th.count, th.share { text-align: right; }
  tfoot td { font-weight: bold; background: #fafafa; }
  .charts figure { margin: 8px 0 12px; break-inside: avoid; }
  .charts figcaption { font-weight: bold; margin-bottom: 4px; }
  .empty { color: #666; }
</style>
</head>
<body>
<h1>${escape(w.title(report.year))}</h1>
<p class="meta">${escape(w.subtitle(report.from, report.to, report.asOf, report.asOf < report.to))}</p>
<p class="meta">${escape(w.scope(regionNames))}</p>
<section class="charts">
${charts.map((c) => `<figure><figcaption>${escape(c.title)}</figcaption>${c.categories.length ? barChartSvg(c, locale) : `<p class="empty">${escape(w.empty)}</p>`}</figure>`).join('\n')}
</section>
${tables.map(table).join('\n')}
</body>
</html>
`;
}
