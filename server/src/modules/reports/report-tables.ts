import { reportTables as buildReportTables, type ProgrammeReport, type ReportCell, type ReportChart, type ReportColumn, type ReportLabels, type ReportTable } from '@campus/common';
import type { Locale } from '../../lib/messages/catalogue.js';
import { reportWords, termOf } from './report-words.js';

export type Cell = ReportCell;
export type Column = ReportColumn;
export type { ReportChart, ReportTable };

/** The report's words for its files (.xlsx and PDF) in one language: dates as written in the JSON (YYYY-MM-DD). */
function fileLabels(locale: Locale): ReportLabels {
  const w = reportWords(locale);
  return {
    total: w.total, region: w.region, tier: w.tier, status: w.status,
    tables: w.tables, cols: w.cols, charts: w.charts,
    kpi: (k) => w.kpi[k],
    failing: (k) => w.failing(w.kpi[k]),
    regionName: (r) => (locale === 'zh' ? r.nameZh : r.nameEn),
    tierName: (t) => termOf(locale, 'tier', t),
    agreementState: (s) => termOf(locale, 'state', s),
    sessionState: (s) => termOf(locale, 'state', s),
    kind: (k) => w.kind[k] ?? k,
    sessionType: (t) => w.sessionType[t] ?? t,
    date: (iso) => iso,
  };
}

/**
 * The report as tables and charts in one language, as the .xlsx workbook and the PDF's page show them: the one builder
 * of @campus/common (the web's page uses it too) with the files' words.
 */
export const reportTables = (report: ProgrammeReport, locale: Locale) => buildReportTables(report, fileLabels(locale));
