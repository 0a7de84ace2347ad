import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isProblemCode } from '@campus/common';
import { requirePermission } from '../../plugins/auth.js';
import { answers, respond } from '../../lib/response-schemas.js';
import { badRequest } from '../../lib/errors.js';
import { languageOf } from '../../lib/language.js';
import { formatProblem, type Locale } from '../../lib/messages/catalogue.js';
import type { ImportContext, ImportDefinition, ImportProblem } from './import-definition.js';
import { importAnswer } from './import-answer.js';
import { planImport, type ImportOutcome, type RowOutcome } from './plan-import.js';
import { readRows } from './read-rows.js';
import { timeSlicer } from './time-slice.js';
import { turnTakingDb } from './turn-taking-db.js';
import { acceptImportStreams, discardRest, uploadRecords, XLSX_TYPE } from './upload-source.js';
import { csvTemplate, xlsxTemplate } from './template.js';

export const IMPORT_MAX_ROWS = 100_000;
const MAX_REPORTED_PROBLEMS = 1000;
const MAX_LISTED_ROWS = 1000;

const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional(),
  mode: z.enum(['create', 'upsert']).optional(),
});
const binary = z.string().meta({ format: 'binary' });
const templateQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).optional() });

const worded = (locale: Locale, p: ImportProblem) => {
  const code = isProblemCode(p.code) ? p.code : 'invalid_value';
  return { field: p.field, code, params: p.params ?? {}, message: formatProblem(locale, code, p.params) };
};

const rank: Record<RowOutcome, number> = { rejected: 0, updated: 1, unchanged: 2, created: 3 };

/** A dry run's answer: the counts, and the rows (at most 1,000: rejected, updated and unchanged ones first), worded in the user's language. */
function dryRunAnswer(outcome: ImportOutcome<unknown, unknown, unknown>, locale: Locale) {
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of outcome.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const all = [...outcome.outcomes].sort((a, b) => rank[a[1]] - rank[b[1]] || a[0] - b[0]);
  const listed = all.slice(0, MAX_LISTED_ROWS).sort((a, b) => a[0] - b[0]);
  return {
    created: outcome.create.length,
    updated: outcome.update.length,
    unchanged: outcome.unchanged.length,
    rejected: [...outcome.outcomes.values()].filter((o) => o === 'rejected').length,
    rows: listed.map(([row, o]) => ({
      row, outcome: o,
      ...(o === 'updated' ? { changes: outcome.changes.get(row) ?? [] } : {}),
      ...(o === 'rejected' ? { problems: (byRow.get(row) ?? []).slice(0, 20).map((p) => worded(locale, p)) } : {}),
    })),
    ...(all.length > listed.length ? { truncated: true } : {}),
  };
}

/**
 * Registers `POST /api/<name>/import` and `GET /api/<name>/import/template?format=csv|xlsx` for a
 * table (see index.ts for the whole contract). Call it from the table's route plugin.
 */
export function registerImport<I, E, P>(app: FastifyInstance, definition: ImportDefinition<I, E, P>) {
  const { name } = definition;
  const onRequest = definition.onRequest ?? requirePermission(name, 'import');
  const maxRows = definition.maxRows ?? IMPORT_MAX_ROWS;
  const base = definition.path ?? `/api/${name}`;
  acceptImportStreams(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(`${base}/import`, {
    onRequest,
    schema: { tags: [name], querystring: importQuery, consumes: ['text/csv', XLSX_TYPE], response: answers(importAnswer) },
  }, async (request, reply) => {
    const mode = request.query.mode ?? 'create';
    const dryRun = request.query.dryRun === 'true';
    const slice = timeSlicer();
    try {
      if (mode === 'upsert' && !definition.upsert) throw badRequest('upsert_not_supported', [{ row: 0, field: 'mode', code: 'upsert_not_supported' }]);
      const ctx: ImportContext = { app, actor: request.actor, scope: request.scope, mode, dryRun, locale: languageOf(request), slice, params: (request.params ?? {}) as Record<string, string> };
      const read = await readRows(uploadRecords(request, reply, slice), definition as ImportDefinition<I, unknown, unknown>, maxRows, slice);
      const outcome = await planImport(definition, turnTakingDb(app.database), ctx, read);
      if (dryRun) return dryRunAnswer(outcome as ImportOutcome<unknown, unknown, unknown>, ctx.locale);
      if (outcome.problems.length) {
        throw badRequest({ code: 'rows_have_problems', params: { count: new Set(outcome.problems.map((p) => p.row)).size } }, outcome.problems.slice(0, MAX_REPORTED_PROBLEMS));
      }
      if (outcome.create.length || outcome.update.length) {
        await app.db.transaction((tx) => definition.write(tx, ctx, { create: outcome.create, update: outcome.update, prepared: outcome.prepared }));
      }
      // Create mode answers as API.md's "Bulk import" always has: { created }.
      return mode === 'upsert' ? { created: outcome.create.length, updated: outcome.update.length, unchanged: outcome.unchanged.length } : { created: outcome.create.length };
    } finally {
      discardRest(request.body);
    }
  });

  r.get(`${base}/import/template`, {
    onRequest,
    schema: {
      tags: [name], querystring: templateQuery,
      response: respond({ 200: { description: 'The template: CSV (the header `中文名 (key)`) or .xlsx (that header, and a help sheet).', content: { 'text/csv': { schema: binary }, [XLSX_TYPE]: { schema: binary } } } }),
    },
  }, async (request, reply) => {
    const format = request.query.format ?? 'csv';
    const file = definition.templateName ?? `${name}-template`;
    reply.header('Content-Disposition', `attachment; filename="${file}.${format}"`);
    if (format === 'xlsx') {
      reply.header('Content-Type', XLSX_TYPE);
      return xlsxTemplate(name, definition.columns);
    }
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    return csvTemplate(definition.columns);
  });
}
