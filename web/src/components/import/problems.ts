import { detailsOf, type ProblemDetail } from '../problem/parse-problem';
import { translateProblem, type Translate } from '../problem/translate-problem';

/** One problem the server found in an imported file: row 1 is the header, 0 the file as a whole. */
export interface ImportProblem extends ProblemDetail {
  row: number;
  field: string;
}

/** The server's row-by-row report (the details of a 400, read by the one problem parser), or none. */
export function problemsOf(body: unknown): ImportProblem[] {
  return detailsOf(body).map((d) => ({ ...d, row: d.row ?? 0, field: d.field ?? '' }));
}

/** A row's problem in the UI's language, by its code and params (translate-problem.ts); never by its English words. */
export function problemText(problem: ImportProblem, translate: Translate): string {
  return translateProblem(problem, translate);
}
