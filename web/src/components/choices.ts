import { useTranslate } from 'react-admin';
import { roles, schoolStatuses, tiers } from './vocabulary';

/** Choices for a SelectInput over a vocabulary, translated under `prefix`. */
export function useVocabularyChoices(values: readonly string[], prefix: string) {
  const translate = useTranslate();
  return values.map((id) => ({ id, name: translate(`${prefix}.${id}`, { _: id }) }));
}

export const useTierChoices = (withNone = false) =>
  useVocabularyChoices(withNone ? [...tiers, 'none'] : tiers, 'app.tier');
export const useSchoolStatusChoices = () => useVocabularyChoices(schoolStatuses, 'app.state');
export const useRoleChoices = () => useVocabularyChoices(roles, 'app.role');
