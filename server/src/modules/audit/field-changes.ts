import type { FieldChanges } from '@campus/common';

/** Columns that change on every write and say nothing about what the user changed. */
const unaudited = new Set(['updatedAt']);

/** The fields whose values differ between two audited forms of a record, each `{ from, to }` (a missing field is null). */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (unaudited.has(key)) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/**
 * A document (an application's plan) as audited fields: one field per leaf, named by its path
 * (`plan.contact.name`), so that an edit records the values it changed rather than the whole document.
 */
export function leafFields(value: unknown, path: string, into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leafFields(inner, `${path}.${key}`, into);
  } else if (value !== undefined) {
    into[path] = value;
  }
  return into;
}
