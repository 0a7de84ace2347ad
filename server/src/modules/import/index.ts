/**
 * # The import kit: bulk import of any table from CSV or .xlsx, all rows or none
 *
 * A table registers its import from its route plugin:
 *
 * ```ts
 * import { registerImport } from '../import/index.js';
 * registerImport(app, {
 *   name: 'schools',                                   // POST /api/schools/import, GET /api/schools/import/template
 *   columns: [                                         // header names: the key or any alias, case/space/_/-/* insensitive,
 *     { key: 'name', aliases: ['学校名称'], required: true, example: '浙江大学' },     // or the template's `学校名称 (name)`
 *     { key: 'province', aliases: ['省份'], required: true },
 *     { key: 'startDate', aliases: ['开始日期'], type: 'date' },  // text|int|number|bool|date|dates|list (default text)
 *   ],
 *   row: schoolInput,                                  // zod schema of one row's input: its issues are the row's problems
 *   input: (cells) => ({ ... }),                       // optional: cells (text by key, undefined when empty) → input;
 *                                                      //   default by column type (cells.ts: int/number/bool/list parsed)
 *   naturalKey: {                                      // optional
 *     field: 'name',                                   //   the column duplicates are reported on
 *     of: (input) => input.name.trim(),                //   the key of a row
 *     find: (db, keys, ctx) => Promise<Map<key, E>>,  //   existing records by key (read-only; chunk IN lists)
 *     describe: (e) => ({ id: e.id, label: e.name }),  //   names the existing record in a problem
 *     changes: (e, input) => ['city', ...],            //   upsert: the fields that differ ([] = unchanged)
 *   },
 *   upsert: true,                                      // allows ?mode=upsert (needs naturalKey.changes)
 *   check: async (db, ctx, rows) => ({ problems, prepared }),   // optional: lookups (province → region, school name → id),
 *                                                      //   cross-row rules; read-only; `prepared` is handed to write
 *   write: async (tx, ctx, { create, update, prepared }) => { ... },  // store + audit, in the import's one transaction
 *   onRequest: requirePermission('schools', 'import'), // default: exactly that, for `name`
 * });
 * ```
 *
 * What the kit does for every registered table:
 * - Body: `text/csv` (UTF-8 with or without BOM, or GBK, detected or named by `charset`), read as it
 *   arrives; or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (.xlsx: the first
 *   worksheet, read with exceljs's streaming reader). 40 MiB at most (413), 100,000 rows (`maxRows`),
 *   another type 415 (`import_content_type`), a broken workbook 400 (`xlsx_invalid`).
 * - Row numbers are the user's: the header is row 1; for .xlsx the worksheet's own row numbers; blank rows skipped.
 * - Cells: .xlsx numbers as their text, rich text and formula results as text, date cells as the day in
 *   Asia/Shanghai; `date` columns also take `2026/6/1`, `2026-6-1` (and an Excel serial number), all
 *   normalized to `YYYY-MM-DD` before the row schema sees them.
 * - Header problems (row 1): `column_twice`, `column_unknown`, `column_missing` (required columns).
 * - Row problems `{ row, field, code, params }`: the schema's issues; `duplicate_in_file` `{ otherRow }`;
 *   create mode: `duplicate_in_database` `{ id, record }`; whatever `check` reports. Any problem: 400
 *   `rows_have_problems` with every problem (1,000 at most) as `details`, worded in the requester's
 *   language, and nothing is written.
 * - `?mode=create` (default) creates only; `?mode=upsert` (tables with `upsert: true`, else 400
 *   `upsert_not_supported`) updates the rows whose natural key exists and leaves equal ones unchanged.
 * - Answer 200 `{ created }` (upsert mode: `{ created, updated, unchanged }`). `?dryRun=true`: nothing is written (write is not called);
 *   200 `{ created, updated, unchanged, rejected, rows: [{ row, outcome: created|updated|unchanged|rejected,
 *   changes?, problems? }], truncated? }` (1,000 rows listed at most, rejected/updated first).
 * - `GET /api/<name>/import/template?format=csv|xlsx`: the header `中文名 (key)` (the first alias and
 *   the key; accepted back as it is); the .xlsx has a second sheet `说明 Help` with each column's
 *   names, whether required, its format and an example. Same permission as the import.
 * - Hooks get `ctx` = { app, actor, scope, mode, dryRun, locale, slice }; await `ctx.slice()` in long
 *   loops so other requests get their turn. Problem codes are @campus/common's (add yours there, with its
 *   texts in packages/common/src/problem/problem-texts.{zh,en}.ts, which the server and the web both word from).
 *
 * Web: `web/src/components/import` (ImportPage / importRoute(resource), ImportButton) is the screen for any resource with an import.
 */
export { registerImport, IMPORT_MAX_ROWS } from './import-routes.js';
export type { ImportColumn, ImportContext, ImportDefinition, ImportMode, ImportPlan, ImportProblem, ImportRow, ImportValue, NaturalKey } from './import-definition.js';
export { valueWords } from './values.js';
export type { CellType, RawCell } from './cell-text.js';
export { cellText, normalizeDay } from './cell-text.js';
export { cell } from './cells.js';
export { insertRows } from './insert-rows.js';
export { importAnswer } from './import-answer.js';
export { XLSX_TYPE, IMPORT_BODY_LIMIT } from './upload-source.js';
