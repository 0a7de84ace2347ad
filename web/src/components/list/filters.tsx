import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput, useGetIdentity, usePermissions } from 'react-admin';
import { RegionNameField } from '../fields';
import { useVocabularyChoices } from '../choices';

/**
 * The filter inputs the lists share, each an element for a List's `filters`. Regional staff pick
 * among their own regions only; the server scopes every list anyway.
 */
export function useRegionFilter({ alwaysOn = false, minWidth = 140 }: { alwaysOn?: boolean; minWidth?: number } = {}) {
  const { permissions: role } = usePermissions<string>();
  const { identity } = useGetIdentity();
  const regionFilter = role === 'regional' && identity ? { id: identity.regionIds } : {};
  return (
    <ReferenceInput key="regionId" source="regionId" reference="regions" filter={regionFilter} sort={{ field: 'sortOrder', order: 'ASC' }} perPage={100} alwaysOn={alwaysOn}>
      <SelectInput optionText={<RegionNameField />} sx={{ minWidth }} />
    </ReferenceInput>
  );
}

/** The state filter of a workflow list, in the words of the record type (`prefix`). */
export function useStatusFilter(states: readonly string[], prefix = 'app.state', minWidth = 130) {
  const choices = useVocabularyChoices(states, prefix);
  return <SelectInput key="status" source="status" choices={choices} alwaysOn sx={{ minWidth }} />;
}

/**
 * The full-text search box, always shown. Without a placeholder of its own it keeps SearchInput's
 * ("搜索"), its only name (an explicit placeholder={undefined} removed it: axe label, WCAG 4.1.2).
 */
export const searchFilter = (placeholder?: string) => <SearchInput key="q" source="q" alwaysOn {...(placeholder ? { placeholder } : {})} />;

/** A filter by a referenced record, picked by name (a school, a provider). */
export function referenceFilter(source: string, reference: string, { autocomplete = false }: { autocomplete?: boolean } = {}) {
  return (
    <ReferenceInput key={source} source={source} reference={reference} sort={{ field: 'name', order: 'ASC' }}>
      {autocomplete ? <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} /> : <SelectInput optionText="name" sx={{ minWidth: 220 }} />}
    </ReferenceInput>
  );
}
