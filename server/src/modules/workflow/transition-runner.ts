import { AppError, conflict, ErrorCode } from '../../lib/errors.js';
import type { Role } from '@campus/common';
import { decide, type TransitionTable } from '@campus/common';

/**
 * The common checks of every workflow action, in API.md's order: the role (403), the version and
 * the state (409), then the guard (400). The caller has already loaded the row inside its
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
  if (!d.ok && d.status === 403) throw new AppError(403, ErrorCode.forbidden, d.message);
  if (!d.ok && d.status === 400 && !d.problems) throw new AppError(400, ErrorCode.validation, d.message);
  if (row.version !== expectedVersion) {
    throw conflict('Someone else has acted on this record since you opened it; reload it to see its current state.', ErrorCode.staleVersion);
  }
  if (!d.ok && d.status === 409) throw new AppError(409, ErrorCode.invalidState, d.message);
  if (!d.ok) throw new AppError(400, ErrorCode.validation, d.message, d.problems);
  return d;
}
