import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../plugins/auth.js';
import { idParams, readOne, registerReadRoutes } from '../resource/read-routes.js';
import { answers, createdAnswers } from '../../lib/response-schemas.js';
import { registerImport } from '../import/index.js';
import { participantSpec, trainingSpec } from './training-spec.js';
import { participantRecord, participantsAddedAnswer, trainingRecord } from './training-record.js';
import { participantsBody, trainingCreateBody, trainingUpdateBody } from './training-input.js';
import { createTraining, updateTraining } from './save-training.js';
import { addParticipants } from './add-participants.js';
import { removeParticipant } from './remove-participant.js';
import { participantImport } from './participant-import.js';

/**
 * Instructor trainings (师资培训, DOMAIN.md "Instructor training"): HQ records a training and the
 * instructors who took it; each pass creates a 1+X instructor certification, which the
 * certifiedInstructors KPI reads. Participants are a resource of their own (read by scope, removed by HQ).
 */
export async function instructorTrainingRoutes(app: FastifyInstance) {
  registerReadRoutes(app, trainingSpec);
  registerReadRoutes(app, participantSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['instructor-trainings'];

  r.post('/api/instructor-trainings', {
    onRequest: requirePermission('instructor-trainings', 'create'),
    schema: {
      tags, body: trainingCreateBody, response: createdAnswers(trainingRecord),
      summary: 'Record an instructor training',
      description: 'HQ only. startsOn ≤ endsOn (400 `date_before`); validityMonths 1-120 (default 36). A training may be planned ahead: its participants are recorded once it has ended.',
    },
  }, async (request, reply) => {
    const row = await createTraining(app.db, request.actor, request.body);
    reply.status(201);
    return readOne(app, trainingSpec, row.id, request.actor, request.scope);
  });

  r.put('/api/instructor-trainings/:id', {
    onRequest: requirePermission('instructor-trainings', 'edit'),
    schema: {
      tags, params: idParams, body: trainingUpdateBody, response: answers(trainingRecord),
      summary: 'Edit an instructor training',
      description: 'HQ only, with the version read (409 when stale). Once participants are recorded, level, startsOn, endsOn and validityMonths are fixed (400 `training_has_participants`).',
    },
  }, async (request) => {
    await updateTraining(app.db, request.actor, request.params.id, request.body);
    return readOne(app, trainingSpec, request.params.id, request.actor, request.scope);
  });

  r.post('/api/instructor-trainings/:id/participants', {
    onRequest: requirePermission('instructor-trainings', 'edit'),
    schema: {
      tags, params: idParams, body: participantsBody, response: answers(participantsAddedAnswer),
      summary: 'Record instructors who took the training, with their results',
      description: 'HQ only; all or none, in one transaction. Each pass creates a 1+X instructor certification of the training\'s level, '
        + 'valid from endsOn for validityMonths less a day, numbered `TT-<trainingId>-<instructorId>` unless `certNo` is given; an earlier certification '
        + 'stays as it is (a renewal is a new certification). The compliance of each school concerned is recomputed and the school notified. '
        + '400 naming `participants.<i>.<field>`: `training_not_ended`, `instructor_unknown`, `participant_twice`, `participant_recorded`, `cert_no_taken`, `cert_no_without_pass`.',
    },
  }, async (request) => addParticipants(app.db, request.actor, request.params.id, request.body.participants));

  r.delete('/api/instructor-training-participants/:id', {
    onRequest: requirePermission('instructor-training-participants', 'delete'),
    schema: {
      tags: ['instructor-training-participants'], params: idParams, response: answers(participantRecord),
      summary: 'Remove a participant, and the certification its pass created',
      description: 'HQ only; one transaction, audited, the school\'s compliance recomputed.',
    },
  }, async (request) => {
    const before = await readOne(app, participantSpec, request.params.id, request.actor, request.scope);
    await removeParticipant(app.db, request.actor, request.params.id);
    return before;
  });

  registerImport(app, participantImport);
}
