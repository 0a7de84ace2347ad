import { refused } from '../../lib/refusals.js';
import type { Role } from '@campus/common';
import { decide, type TransitionTable } from '@campus/common';

/**
 * The common checks of every workflow action, in API.md's order: the role, the version and the
 * state, then the guard; lib/refusals.ts says which status each refusal is. The caller has already loaded the row inside its
 * transaction through the scoped query (404 when outside scope) and locked it.
 */
export function checkTransition<S extends string, C>(
  table: TransitionTable<S, C>,
  row: { status: string; version: number },
  action: string,
  role: Role,
  expectedVersion: number,
  ctx: C,
) {
  const d = decide(table, row.status as S, action, role, ctx);
  if (!d.ok && (d.kind === 'forbidden_role' || d.kind === 'unknown_action')) throw refused(d.kind, d.reason);
  if (row.version !== expectedVersion) throw refused('stale_version', 'stale_version');
  if (!d.ok) throw refused(d.kind, d.reason, d.problems);
  return d;
}
