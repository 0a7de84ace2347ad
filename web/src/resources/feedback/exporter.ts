import type { RaRecord } from 'react-admin';
import { useExportWords, useExporter } from '../../components/exporter';

/** The CSV export of the feedback list, states in the UI language. */
export function useFeedbackExporter() {
  const { state } = useExportWords();
  return useExporter<RaRecord>('feedback', [
    { key: 'id' }, { key: 'subject' }, { key: 'body' }, { key: 'schoolName' }, { key: 'providerName' },
    { key: 'status', value: (r) => state('feedback', r.status) }, { key: 'reply' }, { key: 'createdAt' }, { key: 'repliedAt' },
  ]);
}
