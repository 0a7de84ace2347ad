import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { certificateKinds, instructorCertificationLevels } from '@campus/common';
import { answers, isoDate } from '../../lib/response-schemas.js';
import { CHECK_LIMITS } from './certificate-check-limits.js';
import { checkCertificate, TooManyCertificateChecks } from './check-certificate.js';

const checkQuery = z.strictObject({
  number: z.string().trim().min(1, 'is required').max(CHECK_LIMITS.numberMax).meta({ description: 'The certificate number, as printed.' }),
  name: z.string().trim().min(1, 'is required').max(CHECK_LIMITS.nameMax).meta({ description: 'The holder\'s name (spaces, full-width or not, do not matter).' }),
});

const checkAnswer = z.object({
  valid: z.boolean(),
  kind: z.enum(certificateKinds).optional(),
  level: z.enum(instructorCertificationLevels).optional().meta({ description: 'The level the kind names (1+X junior/intermediate/senior, MOHRSS intermediate/senior).' }),
  issuedOn: isoDate.optional(),
}).meta({ description: '`{ valid: true, kind, level?, issuedOn }` for a verified certificate of that number whose holder has that name; otherwise exactly `{ valid: false }`.' });

/**
 * The public certificate check (DOMAIN.md "Public check"): no sign-in, a GET (no cross-site rule applies),
 * answering nothing about the holder beyond confirming the name given.
 */
export async function certificateCheckRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/public/certificate-check', {
    config: { public: true },
    schema: {
      tags: ['public'], querystring: checkQuery, response: answers(checkAnswer),
      summary: 'Check a certificate: its number and its holder\'s name',
      description: 'No sign-in. Valid only for a verified certificate (issued by an exam session, or confirmed by HQ) with that number held by that name; '
        + 'an unknown number, another name and a certificate a school only claimed all answer the same `{ "valid": false }` (200). '
        + `Throttled per client address (${CHECK_LIMITS.perAddress}) and per number (${CHECK_LIMITS.perNumber}) an hour: 429 \`too_many_certificate_checks\` with Retry-After. `
        + 'A missing or overlong number or name is 400.',
    },
  }, async (request, reply) => {
    try {
      return await checkCertificate(app.db, { address: request.ip }, request.query.number, request.query.name);
    } catch (error) {
      if (error instanceof TooManyCertificateChecks) reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });
}
