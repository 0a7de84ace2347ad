import { useTranslate, type RaRecord } from 'react-admin';
import { useExporter, type ExportColumn } from '../../components/exporter';
import { failingOf, kpiLabelKey } from './kpi';
import type { Evaluation } from './types';

/**
 * The CSV exports of the evaluation and provider-work lists, through the shared exporter (formula
 * cells neutralised, UTF-8 for Excel), with states and decisions in the UI language.
 */
function useWords() {
  const translate = useTranslate();
  return {
    translate,
    state: (entity: string, state: unknown) => (state ? translate(`app.state_by_entity.${entity}.${state}`, { _: translate(`app.state.${state}`, { _: String(state) }) }) : ''),
    yesNo: (v: unknown) => (v === true ? translate('ra.boolean.true') : v === false ? translate('ra.boolean.false') : ''),
  };
}

export function useEvaluationExporter() {
  const { translate, state, yesNo } = useWords();
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

export function useProviderReportExporter() {
  const { state } = useWords();
  return useExporter<RaRecord>('provider-reports', [
    { key: 'id' }, { key: 'project' }, { key: 'schoolName' }, { key: 'providerName' }, { key: 'periodFrom' }, { key: 'periodTo' },
    { key: 'studentCount' }, { key: 'totalHours' }, { key: 'outcomes' }, { key: 'status', value: (r) => state('provider_report', r.status) },
    { key: 'reviewComment' }, { key: 'createdAt' },
  ]);
}

export function useContentProposalExporter() {
  const { state } = useWords();
  return useExporter<RaRecord>('content-proposals', [
    { key: 'id' }, { key: 'title' }, { key: 'providerName' }, { key: 'classHours' }, { key: 'description' },
    { key: 'status', value: (r) => state('content_proposal', r.status) }, { key: 'decisionReason' }, { key: 'createdAt' },
  ]);
}

export function useFeedbackExporter() {
  const { state } = useWords();
  return useExporter<RaRecord>('feedback', [
    { key: 'id' }, { key: 'subject' }, { key: 'body' }, { key: 'schoolName' }, { key: 'providerName' },
    { key: 'status', value: (r) => state('feedback', r.status) }, { key: 'reply' }, { key: 'createdAt' }, { key: 'repliedAt' },
  ]);
}

export function useProviderExporter() {
  return useExporter<RaRecord>('providers', [
    { key: 'id' }, { key: 'name' }, { key: 'contactName' }, { key: 'contactEmail' }, { key: 'schools' }, { key: 'compliantSchools' },
    { key: 'evaluatedSchools' }, { key: 'reportsSubmitted' }, { key: 'reportsConfirmed' }, { key: 'reportsRejected' },
    { key: 'confirmedHours' }, { key: 'feedbackOpen' }, { key: 'feedbackTotal' }, { key: 'proposalsApproved' },
  ]);
}
