import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { answers, createdAnswers, fileAnswer } from '../../lib/response-schemas.js';
import { applicationActionParams } from '../applications/application-schemas.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { registerImport } from '../import/index.js';
import { examSessionSpec } from './exam-session-spec.js';
import { examCandidateSpec } from './exam-candidate-spec.js';
import { bulkRegisterAnswer } from './exam-session-record.js';
import {
  candidateBulkBody, candidateCreateBody, examSessionActionBody, examSessionCreateBody, examSessionUpdateBody, exportQuery,
} from './exam-session-input.js';
import { scheduleExamSession, updateExamSession } from './schedule-exam-session.js';
import { runExamSessionAction } from './run-exam-session-action.js';
import { registerCandidates } from './register-candidates.js';
import { withdrawCandidate } from './withdraw-candidate.js';
import { candidateImport } from './candidate-import.js';
import { exportCandidates } from './candidate-export.js';

const one = { session: 'sessionId', site: 'siteId', student: 'studentId' };

/**
 * Exam sessions (HQ schedules, edits while scheduled, closes registration, cancels; everyone signed in but providers
 * reads them with their sites' seats left) and their candidates (a school registers its students one by one, in bulk
 * or from a file, and withdraws them while registration is open; the lists export per site).
 */
export async function examSessionRoutes(app: FastifyInstance) {
  registerReadRoutes(app, examSessionSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/exam-sessions', {
    onRequest: requirePermission('exam-sessions', 'create'),
    schema: { body: examSessionCreateBody, tags: ['exam-sessions'], response: createdAnswers(examSessionSpec.record), description: 'HQ: registrationOpensOn ≤ registrationClosesOn ≤ examOn; approved sites that examine the kind; a site session has one site' },
  }, async (request, reply) => {
    const id = await scheduleExamSession(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, examSessionSpec, id, request.actor, request.scope);
  });
  r.put('/api/exam-sessions/:id', {
    onRequest: requirePermission('exam-sessions', 'edit'),
    schema: { params: idParams, body: examSessionUpdateBody, tags: ['exam-sessions'], response: answers(examSessionSpec.record), description: 'HQ, while scheduled: kind and type fixed once candidates are registered; a site with candidates stays' },
  }, async (request) => {
    await updateExamSession(app.db, request.actor, request.params.id, request.body);
    return readOne(app, examSessionSpec, request.params.id, request.actor, request.scope);
  });
  r.post('/api/exam-sessions/:id/actions/:action', {
    onRequest: requirePermission('exam-sessions', 'show'),
    schema: { params: applicationActionParams, body: examSessionActionBody, tags: ['exam-sessions'], response: answers(examSessionSpec.record), description: 'close_registration, cancel: HQ, on a scheduled session' },
  }, async (request) => {
    const { id, action } = request.params;
    await runExamSessionAction(app.db, request.actor, id, action, request.body);
    return readOne(app, examSessionSpec, id, request.actor, request.scope);
  });
  r.get('/api/exam-sessions/:id/candidates/export', {
    onRequest: requirePermission('exam-candidates', 'export'),
    schema: { params: idParams, querystring: exportQuery, tags: ['exam-candidates'], response: fileAnswer('text/csv', 'The candidates the reader may see, of one site when siteId is given: CSV with a BOM and Chinese headers.') },
  }, async (request, reply) => {
    const { filename, csv } = await exportCandidates(app.db, request.scope, request.params.id, request.query.siteId);
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return csv;
  });

  registerReadRoutes(app, examCandidateSpec);
  registerImport(app, candidateImport);
  r.post('/api/exam-candidates', {
    onRequest: requirePermission('exam-candidates', 'create'),
    schema: { body: candidateCreateBody, tags: ['exam-candidates'], response: createdAnswers(examCandidateSpec.record), description: 'a school registers one of its students at one of the session\'s sites while registration is open, within the site\'s capacity' },
  }, async (request, reply) => {
    const [id] = await app.db.transaction((tx) => registerCandidates(tx, request.actor, [{ ...request.body, fields: one }]));
    reply.status(201);
    return readOne(app, examCandidateSpec, id, request.actor, request.scope);
  });
  r.post('/api/exam-candidates/bulk/register', {
    onRequest: requirePermission('exam-candidates', 'create'),
    schema: { body: candidateBulkBody, tags: ['exam-candidates'], response: answers(bulkRegisterAnswer), description: 'many students at one site, all or none (each problem names studentIds.<index>)' },
  }, async (request) => {
    const { sessionId, siteId, studentIds } = request.body;
    const ids = await app.db.transaction((tx) => registerCandidates(tx, request.actor, studentIds.map((studentId, i) => ({
      sessionId, siteId, studentId, fields: { session: 'sessionId', site: 'siteId', student: `studentIds.${i}` },
    })), 'bulk'));
    return { created: ids.length, ids };
  });
  r.delete('/api/exam-candidates/:id', {
    onRequest: requirePermission('exam-candidates', 'delete'),
    schema: { params: idParams, tags: ['exam-candidates'], response: answers(examCandidateSpec.record), description: 'its school withdraws a candidate while registration is open; answers the record as it was' },
  }, async (request) => {
    const before = await readOne(app, examCandidateSpec, request.params.id, request.actor, request.scope);
    await withdrawCandidate(app.db, request.actor, request.scope, request.params.id);
    return { ...before, withdrawable: false };
  });
}
