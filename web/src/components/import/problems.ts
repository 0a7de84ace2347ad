import { detailsOf, type ProblemDetail } from '../problem/parse-problem';

/** One problem the server found in an imported file: row 1 is the header, 0 the file as a whole. */
export interface ImportProblem extends ProblemDetail {
  row: number;
  field: string;
}

/** The server's row-by-row report (the details of a 400, read by the one problem parser), or none. */
export function problemsOf(body: unknown): ImportProblem[] {
  return detailsOf(body).map((d) => ({ ...d, row: d.row ?? 0, field: d.field ?? '' }));
}

/**
 * The server's messages are English; the ones an import commonly meets are said in the UI language
 * (keys under app.import.problem), anything else is shown as the server wrote it.
 */
const known: [RegExp, string][] = [
  [/^is required$/i, 'required'],
  [/expected string, received undefined/i, 'required'],
  [/expected number, received undefined/i, 'required'],
  [/^no student with this number in your school$/i, 'no_student'],
  [/^no such student in your schools$/i, 'no_student'],
  [/already exists in your school/i, 'student_exists'],
  [/^the same student number as row (\d+)$/i, 'duplicate_row'],
  [/^the same student as row (\d+)$/i, 'duplicate_row'],
  [/already registered/i, 'already_registered'],
  [/is not a real date/i, 'date'],
  [/must be a date/i, 'date'],
  [/^unknown column$/i, 'unknown_column'],
  [/^missing column$/i, 'missing_column'],
  [/^not valid CSV$/i, 'not_csv'],
  [/^empty$/i, 'empty'],
  [/^too many rows$/i, 'too_many_rows'],
  [/^no such course code$/i, 'no_course'],
  [/^Invalid option: expected one of/i, 'invalid_option'],
  [/expected number, received/i, 'number'],
  [/only the school confirms/i, 'school_confirms'],
];

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function problemText(message: string, translate: Translate): string {
  for (const [pattern, key] of known) {
    const match = pattern.exec(message);
    if (match) return translate(`app.import.problem.${key}`, { row: match[1], _: message });
  }
  return message;
}
