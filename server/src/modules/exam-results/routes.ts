import type { FastifyInstance } from 'fastify';
import { registerImport } from '../import/index.js';
import { checkResults, type PreparedResults } from './check-results.js';
import { publishResults } from './publish-results.js';
import { effectRegistry } from '../workflow/effect-registry.js';
import { ignoredResultHeaders, resultColumns, resultRow, type ResultRow } from './results-columns.js';

/**
 * `POST /api/exam-sessions/:id/results/import` (HQ; CSV or .xlsx, `?dryRun=true` to preview) and its template: a
 * closed session's results, all rows or none (check-results.ts), published in one transaction (publish-results.ts).
 */
export async function examResultRoutes(app: FastifyInstance) {
  registerImport<ResultRow, never, PreparedResults>(app, {
    name: 'exam-results',
    path: '/api/exam-sessions/:id/results',
    columns: resultColumns,
    ignoredHeaders: ignoredResultHeaders,
    row: resultRow,
    templateName: 'exam-results-template',
    check: checkResults,
    // The registry types its effects by the session runner's run; publish_results runs them on the same row.
    write: (tx, ctx, plan) => publishResults(tx, ctx, plan.prepared, effectRegistry.exam_session as never),
  });
}
