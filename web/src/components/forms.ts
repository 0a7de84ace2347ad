/**
 * A create body without empty optional fields: react-admin's inputs hold null or '' for "not
 * filled", which the API's strict schemas refuse for an optional field (it wants it absent).
 */
export function withoutEmpty<T extends Record<string, unknown>>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}
