import type { z } from 'zod';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Actor, Reason, Scope } from '@campus/common';
import type { Db, Tx } from '../../db/client.js';
import type { Locale } from '../../lib/messages/catalogue.js';
import type { CellType } from './cell-text.js';

/** One column of an import: its English key, the other names its header may have, how its cells are read. */
export interface ImportColumn {
  /** The English name (also the key of the row's cells and of the web's label `resources.<name>.fields.<key>`). */
  key: string;
  /** Other header names accepted, e.g. Chinese `学校名称`; the first is the Chinese header of the templates. */
  aliases?: string[];
  required?: boolean;
  /** Default `text`. `date` accepts 2026-06-01, 2026/6/1, 2026-6-1 and Excel date cells; `dates` a `;`-separated list of them. */
  type?: CellType;
  /** An example value, shown in the template's help. */
  example?: string;
  /**
   * The values a cell may hold, each a code with its Chinese and English words: a cell may give
   * either (as the web's export writes them, in the UI's language), read as the code before the row
   * schema sees it; the templates list them.
   */
  values?: readonly ImportValue[];
}

/** One allowed value of a column: its code and its words (as the web's catalogues name it). */
export interface ImportValue { code: string; zh: string; en: string }

/** A problem of an import row: row 1 is the header, 0 the file as a whole; `field` a column key. */
export interface ImportProblem extends Reason { row: number; field: string }

export type ImportMode = 'create' | 'upsert';

/** What every hook is given about the request. */
export interface ImportContext {
  app: FastifyInstance;
  actor: Actor;
  scope: Scope;
  mode: ImportMode;
  dryRun: boolean;
  locale: Locale;
  /** Gives other requests a turn now and then: await it in long loops. */
  slice: () => Promise<void>;
  /** The route's path parameters (an import under a record, `path`: its id). */
  params: Record<string, string>;
}

/** A row that passed the row schema: its row number, its checked input, and (by the natural key) the record it matches. */
export interface ImportRow<I, E = unknown> {
  row: number;
  input: I;
  /** The natural key (naturalKey.of), when the import has one. */
  key?: string;
  /** The existing record with that key (upsert mode: the record the row updates). */
  existing?: E;
  /** The fields an upsert changes (naturalKey.changes); [] for an unchanged row. */
  changes?: string[];
}

/** What the writer is given: the rows to create and to update (unchanged rows are left out), and what check prepared. */
export interface ImportPlan<I, E, P> {
  create: ImportRow<I, E>[];
  update: ImportRow<I, E>[];
  prepared: P;
}

/**
 * The natural key of a table's rows: a duplicate within the file is reported on the later row
 * (`duplicate_in_file`, `{ otherRow }`); a row whose key exists is an error in create mode
 * (`duplicate_in_database`, `{ record, id }`) and an update in upsert mode.
 */
export interface NaturalKey<I, E> {
  /** The column a duplicate is reported on. */
  field: string;
  /** The key of a row (normalize it: trim, case…); undefined leaves the row out of the comparison. */
  of: (input: I) => string | undefined;
  /** The existing records with these keys, by key (read-only; may be called with many keys: chunk your IN lists). */
  find: (db: Db, keys: string[], ctx: ImportContext) => Promise<Map<string, E>>;
  /** Names an existing record in a problem: its id and a label the user recognizes (its name). */
  describe: (existing: E) => { id: number | string; label: string };
  /** Upsert: the fields the row would change on the record ([] = unchanged). Needed for `upsert: true`. */
  changes?: (existing: E, input: I) => string[];
  /**
   * A record written over several rows with the same key (an instructor with one certification a
   * row, as the export writes it): a later row is folded into the key's first row (`merge`) instead
   * of being a duplicate, and shares its outcome. Without it, a repeated key is `duplicate_in_file`.
   */
  merge?: (first: I, later: I) => I;
}

export interface ImportDefinition<I = unknown, E = unknown, P = unknown> {
  /** The resource: POST /api/<name>/import, GET /api/<name>/import/template. */
  name: string;
  /**
   * The routes' prefix when the rows belong to one record (default `/api/<name>`): e.g.
   * `/api/instructor-trainings/:id/participants` serves POST …/participants/import; its params are `ctx.params`.
   */
  path?: string;
  /** Who may import; default requirePermission(name, 'import'). */
  onRequest?: onRequestHookHandler;
  columns: ImportColumn[];
  /** Checks one row's input (built from the cells by `input`): its issues are the row's problems, by field. */
  row: z.ZodType<I>;
  /** Builds a row's input from its cells' text (by column key; absent or empty → undefined). Default: by column type (cells.ts). */
  input?: (cells: Record<string, string | undefined>) => unknown;
  naturalKey?: NaturalKey<I, E>;
  /** Whether `?mode=upsert` is allowed (needs naturalKey.changes). */
  upsert?: boolean;
  /**
   * Checks that need the database or several rows (names to ids, scope), on the rows that passed
   * the schema and the key checks, before any write (and in a dry run). Read-only: `db` lets other
   * requests' queries go in between. Returns the rows' problems and anything the writer needs.
   */
  check?: (db: Db, ctx: ImportContext, rows: ImportRow<I, E>[]) => Promise<{ problems: ImportProblem[]; prepared?: P }>;
  /** Stores the rows, inside the one transaction of the import (audit it there too). Never called in a dry run or when any row has a problem. */
  write: (tx: Tx, ctx: ImportContext, plan: ImportPlan<I, E, P>) => Promise<void>;
  /** Default 100,000 rows. */
  maxRows?: number;
  /**
   * Headers of columns the web's export writes that the import does not read (a student's name
   * beside the student number, the school): accepted and skipped, so an exported file imports back.
   */
  ignoredHeaders?: string[];
  /** The template's file name (without extension); default `<name>-template`. */
  templateName?: string;
}
