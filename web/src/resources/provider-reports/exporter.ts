import type { RaRecord } from 'react-admin';
import { useExportWords, useExporter } from '../../components/exporter';

/** The CSV export of the provider report list, states in the UI language. */
export function useProviderReportExporter() {
  const { state } = useExportWords();
  return useExporter<RaRecord>('provider-reports', [
    { key: 'id' }, { key: 'project' }, { key: 'schoolName' }, { key: 'providerName' }, { key: 'periodFrom' }, { key: 'periodTo' },
    { key: 'studentCount' }, { key: 'totalHours' }, { key: 'outcomes' }, { key: 'status', value: (r) => state('provider_report', r.status) },
    { key: 'reviewComment' }, { key: 'createdAt' },
  ]);
}
