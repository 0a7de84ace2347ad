import type { RaRecord } from 'react-admin';
import { useExportWords, useExporter } from '../../components/exporter';

/** The CSV export of the content proposal list, states in the UI language. */
export function useContentProposalExporter() {
  const { state } = useExportWords();
  return useExporter<RaRecord>('content-proposals', [
    { key: 'id' }, { key: 'title' }, { key: 'providerName' }, { key: 'classHours' }, { key: 'description' },
    { key: 'status', value: (r) => state('content_proposal', r.status) }, { key: 'decisionReason' }, { key: 'createdAt' },
  ]);
}
