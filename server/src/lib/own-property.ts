/**
 * A value stored under `key` in a lookup table, only if the table itself has that key: names a
 * client sends (sort fields, filters, CSV columns) must never reach what every object inherits
 * (`__proto__`, `toString`, `constructor`, …).
 */
export function ownValue<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A copy of a parsed JSON object with no prototype, keeping every own key (`__proto__` too). */
export function withoutPrototype<T>(source: Record<string, T>): Record<string, T> {
  const copy = Object.create(null) as Record<string, T>;
  for (const [key, value] of Object.entries(source)) copy[key] = value;
  return copy;
}
