import { useExportWords, useExporter, type ExportColumn } from '../../components/exporter';
import { failingOf, kpiLabelKey } from '../../components/kpi/kpi';
import type { Evaluation } from './types';

/** The CSV export of the evaluation list, with states and decisions in the UI language. */
export function useEvaluationExporter() {
  const { translate, state, yesNo } = useExportWords();
  const columns: ExportColumn<Evaluation>[] = [
    { key: 'id' },
    { key: 'schoolName' },
    { key: 'year' },
    { key: 'kind', value: (r) => translate(`app.evaluation.kind.${r.kind}`) },
    { key: 'tier', value: (r) => translate(`app.tier.${r.tier}`, { _: r.tier }) },
    { key: 'compliant', value: (r) => yesNo(r.snapshot?.compliant ?? r.compliant) },
    { key: 'failing', label: 'app.evaluation.failing', value: (r) => failingOf(r.snapshot).map((k) => translate(kpiLabelKey(k))) },
    { key: 'status', value: (r) => state('evaluation', r.status) },
    { key: 'decision', value: (r) => (r.decision ? translate(`app.action.${r.decision}`, { _: r.decision }) : '') },
    { key: 'reason' },
    { key: 'deadline' },
    { key: 'createdAt' },
    { key: 'decidedAt' },
  ];
  return useExporter<Evaluation>('evaluations', columns);
}
