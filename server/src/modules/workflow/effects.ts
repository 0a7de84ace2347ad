import type { Actor } from '@campus/common';
import type { Tx } from '../../db/client.js';
import type { Audience } from '../notifications/notify.js';

/**
 * One transition being carried out, in its transaction: the locked row, the action's input, and
 * what the table row's effects add to it as they run.
 */
export interface TransitionRun<Row, Input> {
  tx: Tx;
  actor: Actor;
  row: Row;
  action: string;
  /** The state the table leads to. */
  to: string;
  input: Input;
  /** The China date of the clock. */
  today: string;
  /** Columns the record's own update sets, besides its state and version. */
  set: Record<string, unknown>;
  /** What the action's audit event records (its `data`). */
  data: Record<string, unknown>;
  /** The audit event's comment. */
  comment: string | null;
  /** Fields the action's answer adds to the record (ids of records it created, storage keys of removed files). */
  result: Record<string, unknown>;
  /** Who is notified once the action is done. */
  audience: Audience[];
  /** An effect removed the record: it is neither updated nor audited by the runner. */
  removed: boolean;
}

/**
 * What one named effect does, at the stage of the transition it belongs to:
 * - `before` the record's own update (the columns it sets, and what must precede it);
 * - `after` the update, before the action's audit event;
 * - `last`, after the audit event (recomputations), before the notifications go out.
 */
export interface Effect<R> {
  before?: (run: R) => unknown;
  after?: (run: R) => unknown;
  last?: (run: R) => unknown;
}

export type EffectStage = keyof Effect<unknown>;

/** The implementations of one table's effects, by the names the table gives them. */
export type Effects<R> = Readonly<Record<string, Effect<R>>>;

/** An effect that only adds to the action's audience. */
export const notifies = (audience: Audience): Effect<{ audience: Audience[] }> => ({
  before: (run) => { run.audience.push(audience); },
});

export function implementationOf<R>(effects: Effects<R>, name: string): Effect<R> {
  if (!Object.hasOwn(effects, name)) throw new Error(`The transition table names the effect "${name}", which has no implementation in the effect registry.`);
  return effects[name];
}

/** Runs one stage of the named effects, in the table's order. */
export async function runStage<R>(effects: Effects<R>, names: readonly string[], stage: EffectStage, run: R) {
  for (const name of names) await implementationOf(effects, name)[stage]?.(run);
}

/** How a workflow stores, audits and announces a transition (the runner's own steps, around the effects). */
export interface TransitionSteps<R> {
  update(run: R): Promise<void>;
  audit(run: R): Promise<void>;
  notify(run: R): Promise<void>;
}

/**
 * Carries out a decided transition: the effects' `before` stage, the record's update, their `after`
 * stage, the audit event, their `last` stage, then the notifications. An effect that removes the
 * record (a draft deleted) leaves the update and the audit event to itself.
 */
export async function carryOut<R extends TransitionRun<unknown, unknown>>(effects: Effects<R>, names: readonly string[], run: R, steps: TransitionSteps<R>) {
  await runStage(effects, names, 'before', run);
  if (!run.removed) await steps.update(run);
  await runStage(effects, names, 'after', run);
  if (!run.removed) await steps.audit(run);
  await runStage(effects, names, 'last', run);
  await steps.notify(run);
  return run;
}

/** A run with nothing added yet. */
export function startRun<Row, Input>(base: Pick<TransitionRun<Row, Input>, 'tx' | 'actor' | 'row' | 'action' | 'to' | 'input' | 'today'> & { comment?: string | null }): TransitionRun<Row, Input> {
  return { comment: null, ...base, set: {}, data: {}, result: {}, audience: [], removed: false };
}
