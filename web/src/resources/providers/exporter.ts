import type { RaRecord } from 'react-admin';
import { useExporter } from '../../components/exporter';

/** The CSV export of the provider list, with each provider's figures. */
export function useProviderExporter() {
  return useExporter<RaRecord>('providers', [
    { key: 'id' }, { key: 'name' }, { key: 'contactName' }, { key: 'contactEmail' }, { key: 'schools' }, { key: 'compliantSchools' },
    { key: 'evaluatedSchools' }, { key: 'reportsSubmitted' }, { key: 'reportsConfirmed' }, { key: 'reportsRejected' },
    { key: 'confirmedHours' }, { key: 'feedbackOpen' }, { key: 'feedbackTotal' }, { key: 'proposalsApproved' },
  ]);
}
