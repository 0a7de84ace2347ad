const uncountable = new Set(['evidence', 'feedback', 'compliance']);

/** The API resource of an audit event's singular entity type: tier_policy → tier-policies. */
export function resourceOfEntity(entityType: string): string {
  const kebab = entityType.replace(/_/g, '-');
  if (uncountable.has(kebab)) return kebab;
  if (/[^aeiou]y$/.test(kebab)) return `${kebab.slice(0, -1)}ies`;
  return `${kebab}s`;
}
