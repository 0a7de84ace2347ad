import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canAccess } from '@campus/common';
import { programmeReportSchema } from '@campus/common/api-schemas';
import { requirePermission } from '../../plugins/auth.js';
import { respond } from '../../lib/response-schemas.js';
import { forbidden } from '../../lib/errors.js';
import { XLSX_TYPE } from '../import/upload-source.js';
import { programmeReport } from './programme-report.js';
import { reportYear } from './report-year.js';
import { reportWorkbook } from './report-xlsx.js';
import { reportHtml } from './report-html.js';
import { htmlToPdf } from './report-pdf.js';
import { reportWords } from './report-words.js';

const binary = z.string().meta({ format: 'binary' });
const query = z.strictObject({
  year: z.string().max(20).optional().meta({ description: 'The calendar year, e.g. 2025 (not after this year).' }),
  format: z.enum(['json', 'xlsx', 'pdf']).optional().meta({ description: 'json (default), xlsx (a sheet per table and chart), pdf (printable, with the charts).' }),
  lang: z.enum(['zh', 'en']).optional().meta({ description: 'The language of the files\' words; default the account\'s language (Chinese unless English).' }),
});

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** HQ's annual programme report (issue 18 item 7): HQ for every region, regional staff for theirs; nobody else. */
export async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reports/programme', {
    onRequest: requirePermission('reports', 'list'),
    schema: {
      tags: ['reports'], querystring: query,
      response: respond({
        200: {
          description: 'The year\'s report in the user\'s scope: as data, or as a file to download (attachment).',
          content: { 'application/json': { schema: programmeReportSchema }, [XLSX_TYPE]: { schema: binary }, 'application/pdf': { schema: binary } },
        },
      }),
    },
  }, async (request, reply) => {
    const year = reportYear(request.query.year);
    const format = request.query.format ?? 'json';
    if (format !== 'json' && !canAccess(request.actor.role, 'reports', 'export')) throw forbidden({ code: 'role_may_not_resource', params: { action: 'export', resource: 'reports' } });
    const report = await programmeReport(app.db, request.scope, year);
    if (format === 'json') return report;
    const locale = request.query.lang ?? (request.actor.locale === 'en' ? 'en' : 'zh');
    const name = reportWords(locale).fileName(year);
    if (format === 'xlsx') {
      const file = await reportWorkbook(report, locale);
      reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachment(`${name}.xlsx`));
      return reply.send(file);
    }
    const pdf = await htmlToPdf(reportHtml(report, locale), { executablePath: app.config.CHROMIUM_PATH, timeoutMs: app.config.PDF_TIMEOUT_SECONDS * 1000 });
    reply.header('Content-Type', 'application/pdf').header('Content-Disposition', attachment(`${name}.pdf`));
    return reply.send(pdf);
  });
}
