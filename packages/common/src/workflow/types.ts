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
  /**
   * When the row is open to its roles at all, from the record and its surroundings (never the action's
   * input): a row whose `when` finds problems is as if the role had no row, refused as `forbidden_role`
   * (403) with the first problem as the reason, and allowedActions leaves it out. HQ taking the
   * regional step of a region without active staff is such a row.
   */
  when?: (ctx: C) => GuardProblem[];
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
  const byRole = forAction.filter((t) => t.roles.includes(role));
  if (!byRole.length) return { ok: false, kind: 'forbidden_role', reason: { code: 'role_may_not', params: { role, action } } };
  const closed = byRole.map((t) => t.when?.(ctx) ?? []);
  const forRole = byRole.filter((_t, i) => !closed[i].length);
  if (!forRole.length) {
    const first = closed.find((p) => p.length)![0];
    return { ok: false, kind: 'forbidden_role', reason: { code: first.code, ...(first.params ? { params: first.params } : {}) }, problems: closed.flat() };
  }
  const row = forRole.find((t) => t.from.includes(state));
  if (!row) {
    const states = [...new Set(forRole.flatMap((t) => t.from))];
    return { ok: false, kind: 'wrong_state', reason: { code: 'wrong_state', params: { action, state, states } } };
  }
  const problems = row.guard?.(ctx) ?? [];
  if (problems.length) return { ok: false, kind: 'guard_failed', reason: problems[0], problems };
  return { ok: true, to: typeof row.to === 'function' ? row.to(ctx) : row.to, effects: row.effects ?? [] };
}

/**
 * The actions the role may take in this state (guards aside: they need the action's input). A row
 * with a `when` counts only when the context is given and `when` finds nothing wrong.
 */
export function allowedActions<S extends string, C>(table: TransitionTable<S, C>, state: S, role: Role, ctx?: C): string[] {
  const open = (t: Transition<S, C>) => !t.when || (ctx !== undefined && !t.when(ctx).length);
  return [...new Set(table.filter((t) => t.from.includes(state) && t.roles.includes(role) && open(t)).map((t) => t.action))];
}
