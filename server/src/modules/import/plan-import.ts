import type { Db } from '../../db/client.js';
import type { ImportContext, ImportDefinition, ImportProblem, ImportRow } from './import-definition.js';
import type { ReadRows } from './read-rows.js';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportOutcome<I, E, P> {
  create: ImportRow<I, E>[];
  update: ImportRow<I, E>[];
  unchanged: ImportRow<I, E>[];
  prepared: P;
  /** Every problem, by row. */
  problems: ImportProblem[];
  /** Each data row's outcome, by row number. */
  outcomes: Map<number, RowOutcome>;
  /** The fields each updated row changes, by row number. */
  changes: Map<number, string[]>;
}

/**
 * What an import would do, row by row, without writing: the rows' problems (schema, duplicates of
 * the natural key within the file and, in create mode, against the database, the table's own
 * checks) and the rows to create, update and leave unchanged.
 */
export async function planImport<I, E, P>(definition: ImportDefinition<I, E, P>, db: Db, ctx: ImportContext, read: ReadRows<I>): Promise<ImportOutcome<I, E, P>> {
  const problems = [...read.problems];
  const rejected = new Set(problems.map((p) => p.row));
  const rows: ImportRow<I, E>[] = read.parsed.map(({ row, input }) => ({ row, input }));
  const key = definition.naturalKey;
  /** Rows folded into their key's first row (naturalKey.merge), by row: the first row's number. */
  const folded = new Map<number, number>();
  if (key) {
    const first = new Map<string, number>();
    const firstRow = new Map<string, ImportRow<I, E>>();
    for (const r of rows) {
      r.key = key.of(r.input);
      if (r.key === undefined) continue;
      const other = first.get(r.key);
      if (other !== undefined && key.merge && !rejected.has(r.row)) {
        const into = firstRow.get(r.key)!;
        into.input = key.merge(into.input, r.input);
        folded.set(r.row, other);
      } else if (other !== undefined) {
        problems.push({ row: r.row, field: key.field, code: 'duplicate_in_file', params: { otherRow: other } });
        rejected.add(r.row);
      } else if (!rejected.has(r.row) || !key.merge) {
        first.set(r.key, r.row);
        firstRow.set(r.key, r);
      }
    }
    const existing = first.size ? await key.find(db, [...first.keys()], ctx) : new Map<string, E>();
    for (const r of rows) {
      if (rejected.has(r.row) || r.key === undefined) continue;
      const found = existing.get(r.key);
      if (found === undefined) continue;
      if (ctx.mode === 'create') {
        const { id, label } = key.describe(found);
        problems.push({ row: r.row, field: key.field, code: 'duplicate_in_database', params: { id, record: label } });
        rejected.add(r.row);
      } else {
        r.existing = found;
        r.changes = key.changes ? key.changes(found, r.input) : [];
      }
    }
  }
  const candidates = rows.filter((r) => !rejected.has(r.row) && !folded.has(r.row));
  const checked = definition.check ? await definition.check(db, ctx, candidates) : { problems: [] as ImportProblem[], prepared: undefined };
  // Each bad cell is reported once: the first problem named on a row's column (the schema's, then the key's, then the table's checks).
  const named = new Set(problems.map((p) => `${p.row}:${p.field}`));
  for (const p of checked.problems) {
    rejected.add(p.row);
    if (named.has(`${p.row}:${p.field}`)) continue;
    named.add(`${p.row}:${p.field}`);
    problems.push(p);
  }
  problems.sort((a, b) => a.row - b.row);

  const outcomes = new Map<number, RowOutcome>();
  const changes = new Map<number, string[]>();
  const create: ImportRow<I, E>[] = [];
  const update: ImportRow<I, E>[] = [];
  const unchanged: ImportRow<I, E>[] = [];
  for (const row of rejected) outcomes.set(row, 'rejected');
  for (const r of candidates) {
    if (rejected.has(r.row)) continue;
    if (r.existing === undefined) { create.push(r); outcomes.set(r.row, 'created'); }
    else if (r.changes?.length) { update.push(r); outcomes.set(r.row, 'updated'); changes.set(r.row, r.changes); }
    else { unchanged.push(r); outcomes.set(r.row, 'unchanged'); }
  }
  // A folded row shares its record's outcome (a rejected one keeps its own problems).
  for (const [row, into] of folded) {
    if (rejected.has(row)) continue;
    outcomes.set(row, outcomes.get(into)!);
    if (changes.has(into)) changes.set(row, changes.get(into)!);
  }
  return { create, update, unchanged, prepared: checked.prepared as P, problems, outcomes, changes };
}
