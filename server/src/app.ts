import path from 'node:path';
import { repoRoot } from './lib/repo-root.js';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import { validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { registerErrorHandler } from './plugins/errors.js';
import { responseSerializerCompiler } from './plugins/response-serializer.js';
import { registerCsrfGuard } from './plugins/csrf.js';
import { authPlugin } from './plugins/auth.js';
import { registerSpa } from './plugins/spa.js';
import { healthRoutes } from './modules/health/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { readOnlyRoutes } from './modules/read-only-routes.js';
import { tierPolicyRoutes } from './modules/tier-policies/routes.js';
import { applicationRoutes } from './modules/applications/routes.js';
import { reviewContextRoutes } from './modules/review-context/routes.js';
import { evidenceRoutes } from './modules/evidence/routes.js';
import { agreementRoutes } from './modules/agreements/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { complianceRoutes } from './modules/compliance/routes.js';
import { factRoutes } from './modules/facts/routes.js';
import { bulkRoutes } from './modules/bulk/routes.js';
import { evaluationRoutes } from './modules/evaluations/routes.js';
import { providerWorkRoutes } from './modules/provider-work/routes.js';
import { providerRoutes } from './modules/providers/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { schoolRoutes } from './modules/schools/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { joinRequestRoutes } from './modules/join-requests/routes.js';
import { examResultRoutes } from './modules/exam-results/routes.js';
import { certificateVerificationRoutes } from './modules/certificates/routes.js';
import { instructorTrainingRoutes } from './modules/instructor-trainings/routes.js';
import { certificateCheckRoutes } from './modules/certificate-check/routes.js';
import { examSiteRoutes } from './modules/exam-sites/routes.js';
import { examSessionRoutes } from './modules/exam-sessions/routes.js';
import { FileStorage } from './modules/storage/file-storage.js';
import { DatabaseStorage } from './modules/storage/database-storage.js';
import type { EvidenceStorage } from './modules/storage/evidence-storage.js';
import multipart from '@fastify/multipart';
import { setPublicUrl } from './modules/mail/public-url.js';
import { attachMailSender } from './modules/mail/mail-plugin.js';
import { mailOutboxRoutes } from './modules/mail/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { EMBEDDED_RECOMPUTE_BATCH, setRecomputeBatch } from './modules/compliance/recompute.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    storage: EvidenceStorage;
    /** Every route the app serves (method and URL pattern), for the access matrix test and the docs. */
    routeTable: { method: string; url: string }[];
  }
}

/**
 * Fastify's trust for TRUST_PROXY. A hop count is given as a function of the hop's position: Fastify
 * reads a bare number as "trust no peer" for the host and protocol, but an operator who names a count
 * says the server is reachable only through that many proxies (README "Behind a reverse proxy").
 */
function proxyTrust(trust: Config['TRUST_PROXY']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

export const BODY_LIMIT = 1024 * 1024;
const defaultWebDist = path.join(repoRoot, 'web', 'dist');

/** Assembles the app: external plugins, then ours, then routes, then the SPA. No listening here. */
export async function buildApp(config: Config, database: Database, opts: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // The client's address, protocol and host from X-Forwarded-* only when they come from a proxy TRUST_PROXY names.
    trustProxy: proxyTrust(config.TRUST_PROXY),
    // One access-log line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    ...opts,
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the URL: no query values (a search for a student's name, a token).
    request.log.info({
      method: request.method, route: request.routeOptions.url ?? '(no route)', status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10, userId: request.actor?.id, role: request.actor?.role, ip: request.ip,
    }, 'request');
  });
  app.decorate('db', database.db);
  // One connection: the daily refresh recomputes in small batches, so that no request waits long behind one.
  if (database.kind === 'embedded') setRecomputeBatch(database.db, EMBEDDED_RECOMPUTE_BATCH);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('draining', {});
  setPublicUrl(config.publicUrl);
  const storage: EvidenceStorage = config.evidenceStorage === 'database' ? new DatabaseStorage(database.db) : new FileStorage(path.join(config.dataDir, 'files'));
  app.decorate('storage', storage);
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 10, fieldSize: 4096, parts: 12 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // MUI (emotion) injects style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.COOKIE_SECURE,
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Campus Partner API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  // A request still running when the server closes ends its connection with its answer: an idle
  // keep-alive connection left open would hold close() until the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  app.addHook('onSend', async (request, reply) => {
    if (closing) reply.header('Connection', 'close');
    if ((request.routeOptions.url ?? request.url).startsWith('/api/')) {
      reply.header('Cache-Control', 'no-store');
      reply.header('Access-Control-Expose-Headers', 'Content-Range');
    }
  });
  registerCsrfGuard(app);
  await app.register(authPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(readOnlyRoutes);
  await app.register(schoolRoutes);
  await app.register(regionRoutes);
  await app.register(userRoutes);
  await app.register(tierPolicyRoutes);
  await app.register(applicationRoutes);
  await app.register(reviewContextRoutes);
  await app.register(agreementRoutes);
  await app.register(evidenceRoutes);
  await app.register(notificationRoutes);
  await app.register(complianceRoutes);
  await app.register(factRoutes);
  await app.register(bulkRoutes);
  await app.register(evaluationRoutes);
  await app.register(providerWorkRoutes);
  await app.register(joinRequestRoutes);
  await app.register(examResultRoutes);
  await app.register(certificateVerificationRoutes);
  await app.register(instructorTrainingRoutes);
  await app.register(certificateCheckRoutes);
  await app.register(examSiteRoutes);
  await app.register(examSessionRoutes);
  await app.register(providerRoutes);
  await app.register(mailOutboxRoutes);
  await app.register(reportRoutes);
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());
  attachMailSender(app);

  await registerSpa(app, config.WEB_DIST ? path.resolve(config.WEB_DIST) : defaultWebDist);
  return app;
}
