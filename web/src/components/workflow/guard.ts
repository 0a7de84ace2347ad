import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import type { TransitionTable } from '@campus/common';
import { hasProblemText, translateProblem, type ProblemLike } from '../problem/translate-problem';

/**
 * What the shared transition table's guard finds wrong with an action's input in this state (the
 * same guard the server runs), so a form can say it before sending. None when the table has no
 * such row: the server decides then.
 */
export function guardProblems<S extends string, C>(table: TransitionTable<S, C>, state: string, action: string, ctx: C) {
  const row = table.find((t) => t.action === action && (t.from as readonly string[]).includes(state));
  return row?.guard?.(ctx) ?? [];
}

/**
 * The words of the first guard problem the screen can say: `own` gives a screen's own wording for a
 * problem (its field's "required", the dialog's sentence), else the problem's code in the user's
 * language. A problem the web has no words for is left to the server, which refuses it in words.
 */
export function useGuardText() {
  const translate = useTranslate();
  return useCallback(
    (problems: readonly ProblemLike[], own: (problem: ProblemLike) => string | undefined = () => undefined): string | undefined => {
      for (const problem of problems) {
        const text = own(problem) ?? (hasProblemText(problem, translate) ? translateProblem(problem, translate) : undefined);
        if (text) return text;
      }
      return undefined;
    },
    [translate],
  );
}
