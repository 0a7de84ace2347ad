import type { Role } from '../vocabulary.js';

/** What a guard finds wrong: the field to fix and what to do about it. */
export interface GuardProblem { field: string; message: string }

/**
 * One row of a transition table: in state `from`, `roles` may take `action`, which leads to `to`
 * when `guard` finds nothing wrong. `to` may depend on data (the tier policy decides whether a
 * signed agreement waits for a plaque ceremony), so it is a function of the context.
 */
export interface Transition<S extends string, C> {
  from: readonly S[];
  action: string;
  roles: readonly Role[];
  to: S | ((ctx: C) => S);
  /** What the action needs, in words, for the docs and the UI's hints. */
  needs?: string;
  guard?: (ctx: C) => GuardProblem[];
  /** Side effects the service carries out in the same transaction, named for the docs and tests. */
  effects?: readonly string[];
}

export type TransitionTable<S extends string, C> = readonly Transition<S, C>[];

export type Decision<S extends string> =
  | { ok: true; to: S; effects: readonly string[] }
  | { ok: false; status: 400 | 403 | 409; code: 'validation_failed' | 'forbidden' | 'invalid_state'; message: string; problems?: GuardProblem[] };

/** Every action name a table knows. */
export const actionsOf = <S extends string, C>(table: TransitionTable<S, C>) => [...new Set(table.map((t) => t.action))];

/**
 * Decides whether `role` may take `action` on a record in `state`: 403 when the role never may,
 * 409 when the state does not allow it, 400 when the guard finds a problem.
 */
export function decide<S extends string, C>(table: TransitionTable<S, C>, state: S, action: string, role: Role, ctx: C): Decision<S> {
  const forAction = table.filter((t) => t.action === action);
  if (!forAction.length) return { ok: false, status: 400, code: 'validation_failed', message: `Unknown action "${action}".` };
  const forRole = forAction.filter((t) => t.roles.includes(role));
  if (!forRole.length) return { ok: false, status: 403, code: 'forbidden', message: `Your role (${role}) may not ${action}.` };
  const row = forRole.find((t) => t.from.includes(state));
  if (!row) {
    const states = [...new Set(forRole.flatMap((t) => t.from))].join(', ');
    return { ok: false, status: 409, code: 'invalid_state', message: `Cannot ${action} in state "${state}"; only in: ${states}. Reload to see the current state.` };
  }
  const problems = row.guard?.(ctx) ?? [];
  if (problems.length) {
    return { ok: false, status: 400, code: 'validation_failed', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems };
  }
  return { ok: true, to: typeof row.to === 'function' ? row.to(ctx) : row.to, effects: row.effects ?? [] };
}

/** The actions the role may take in this state (guards aside: they need the action's input). */
export function allowedActions<S extends string, C>(table: TransitionTable<S, C>, state: S, role: Role): string[] {
  return [...new Set(table.filter((t) => t.from.includes(state) && t.roles.includes(role)).map((t) => t.action))];
}
