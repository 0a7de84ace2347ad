import { zhMessages } from '../../i18n/zh';

const uncountable = new Set(['evidence', 'feedback', 'compliance']);

/** The API resource of an audit event's singular entity type: tier_policy → tier-policies. */
export function resourceOfEntity(entityType: string): string {
  const kebab = entityType.replace(/_/g, '-');
  if (uncountable.has(kebab)) return kebab;
  if (/[^aeiou]y$/.test(kebab)) return `${kebab.slice(0, -1)}ies`;
  return `${kebab}s`;
}

/**
 * The record types of the programme's work: every labelled type except users, whose events are
 * sign-ins. Pages that show "what happened" filter on these.
 */
export const programmeEntityTypes = Object.keys(zhMessages.app.entity).filter((e) => e !== 'user');
