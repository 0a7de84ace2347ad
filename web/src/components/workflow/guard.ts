import type { TransitionTable } from '@campus/common';

/**
 * What the shared transition table's guard finds wrong with an action's input in this state (the
 * same guard the server runs), so a dialog can say it before sending. None when the table has no
 * such row: the server decides then.
 */
export function guardProblems<S extends string, C>(table: TransitionTable<S, C>, state: string, action: string, ctx: C) {
  const row = table.find((t) => t.action === action && (t.from as readonly string[]).includes(state));
  return row?.guard?.(ctx) ?? [];
}
