import type { Role } from '../vocabulary.js';
import type { ProblemCode, ProblemParams, Reason } from '../problem/problem-codes.js';

/** What a guard finds wrong: the field to fix and, as a code with params, what to do about it (never words, never a status). */
export interface GuardProblem extends Reason { field: string }

/** A guard's problem. */
export const guardProblem = (field: string, code: ProblemCode, params?: ProblemParams): GuardProblem => (params ? { field, code, params } : { field, code });

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

/**
 * Why an action is refused, as the domain sees it: the action is unknown, the role may never take
 * it, the record's state does not allow it, or the guard found problems. The server maps each kind
 * to an HTTP status in one place (server/src/lib/refusals.ts).
 */
export type RefusalKind = 'unknown_action' | 'forbidden_role' | 'wrong_state' | 'guard_failed';

export type Decision<S extends string> =
  | { ok: true; to: S; effects: readonly string[] }
  | { ok: false; kind: RefusalKind; reason: Reason; problems?: GuardProblem[] };

/** Every action name a table knows. */
export const actionsOf = <S extends string, C>(table: TransitionTable<S, C>) => [...new Set(table.map((t) => t.action))];

/**
 * Decides whether `role` may take `action` on a record in `state`: refused as `forbidden_role` when
 * the role never may, `wrong_state` when the state does not allow it, `guard_failed` (with the
 * guard's problems; the reason is the first of them) when the guard finds something wrong.
 */
export function decide<S extends string, C>(table: TransitionTable<S, C>, state: S, action: string, role: Role, ctx: C): Decision<S> {
  const forAction = table.filter((t) => t.action === action);
  if (!forAction.length) return { ok: false, kind: 'unknown_action', reason: { code: 'unknown_action', params: { action } } };
  const forRole = forAction.filter((t) => t.roles.includes(role));
  if (!forRole.length) return { ok: false, kind: 'forbidden_role', reason: { code: 'role_may_not', params: { role, action } } };
  const row = forRole.find((t) => t.from.includes(state));
  if (!row) {
    const states = [...new Set(forRole.flatMap((t) => t.from))];
    return { ok: false, kind: 'wrong_state', reason: { code: 'wrong_state', params: { action, state, states } } };
  }
  const problems = row.guard?.(ctx) ?? [];
  if (problems.length) return { ok: false, kind: 'guard_failed', reason: problems[0], problems };
  return { ok: true, to: typeof row.to === 'function' ? row.to(ctx) : row.to, effects: row.effects ?? [] };
}

/** The actions the role may take in this state (guards aside: they need the action's input). */
export function allowedActions<S extends string, C>(table: TransitionTable<S, C>, state: S, role: Role): string[] {
  return [...new Set(table.filter((t) => t.from.includes(state) && t.roles.includes(role)).map((t) => t.action))];
}
