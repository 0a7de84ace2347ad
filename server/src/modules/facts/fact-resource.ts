import type { z } from 'zod';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import type { Actor, FactEntityType, Reason, Scope } from '@campus/common';
import type { ResourceSpec } from '../resource/resource-spec.js';
import type { ImportColumn, ImportProblem } from '../import/index.js';

/** What a fact write resolves to before it is stored: the row's values, always with its school. */
export type FactValues = Record<string, unknown> & { schoolId: number };

/** How an imported row becomes a create body: a parser of the text cells, by column key (dates already YYYY-MM-DD). */
export type CsvParser = (row: Record<string, string | undefined>) => Record<string, unknown>;

/**
 * One kind of recorded fact (students, certificates, …): its read spec, its write schemas, and how
 * an input is resolved into a stored row inside the writer's transaction (school, student lookups).
 * The generic routes add scope, permissions, audit and the compliance recomputation around it.
 */
export interface FactResource<C extends z.ZodType = z.ZodType, U extends z.ZodType = z.ZodType> {
  spec: ResourceSpec;
  table: PgTable;
  idColumn: PgColumn;
  schoolIdColumn: PgColumn;
  /** entityType of audit events and evidence links (singular). */
  entityType: FactEntityType;
  createBody: C;
  updateBody: U;
  /** Resolves a create (or update, with the current row) into the values to store; throws 400/404. */
  resolve(tx: Tx, actor: Actor, scope: Scope, input: z.infer<C> | z.infer<U>, current?: Record<string, unknown>): Promise<FactValues>;
  /**
   * Why a stored record may not be changed or deleted at all (a verified certificate, issue 18): the edit or
   * deletion is refused (409), so is a deletion that would delete it with another record, and an import's update of it.
   */
  locked?: (row: Record<string, unknown>) => Reason | undefined;
  /** Writes rows that hang off the fact (certifications, job applications) after it is stored. */
  afterWrite?(tx: Tx, id: number, input: z.infer<C> | z.infer<U>, values: FactValues): Promise<void>;
  /** Facts the database deletes with this one (ON DELETE CASCADE), by the column that names it: each is audited on its own. */
  dependents?: () => { fact: FactResource; by: PgColumn }[];
  /** Bulk import (modules/import): the columns (English keys, Chinese aliases, types, examples), and how a row is read. */
  csv?: {
    columns: ImportColumn[]; body?: z.ZodType; parse: CsvParser;
    resolveMany: (tx: Tx, actor: Actor, scope: Scope, rows: { line: number; input: z.infer<C> }[]) => Promise<ImportResolution>;
    /** Headers of the web export's columns that the import skips (a student's name beside the number). */
    ignoredHeaders?: string[];
    /** The natural key (student number, certificate number): `?mode=upsert` updates the school's record with that key. */
    key?: FactImportKey;
  };
}

/** A fact's natural key within its school, for imports that update (`?mode=upsert`). */
export interface FactImportKey {
  field: string;
  of: (input: Record<string, unknown>) => string | undefined;
  /** The school's records with these keys (id and the compared fields), by key. */
  find: (tx: Tx, schoolId: number, keys: string[]) => Promise<Map<string, KeyedFact>>;
  /** The fields an imported row changes on the record (its empty cells keep the record's value). */
  changes: (existing: KeyedFact, input: Record<string, unknown>) => string[];
  /** Rows of one record over several rows with the same key (an instructor's certifications): the later folded into the first. */
  merge?: (first: Record<string, unknown>, later: Record<string, unknown>) => Record<string, unknown>;
  /** The update input of a row (as PUT takes it); may look up ids (a certificate's student by number). */
  updateInput: (tx: Tx, schoolId: number, input: Record<string, unknown>, existing: KeyedFact) => Promise<Record<string, unknown>>;
}
export type KeyedFact = Record<string, unknown> & { id: number; label: string };

export type { ImportProblem };
export interface ImportResolution { values: FactValues[]; problems: ImportProblem[]; after?: (tx: Tx, ids: number[]) => Promise<void> }
