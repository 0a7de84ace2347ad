import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { verifyPassword } from './password.js';
import { createSession, deleteSession, loadActor, tokenDigest } from './session-repository.js';
import { throttledPasswordCheck, throttleSettings } from './login-throttle.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { answers, okAnswer } from '../../lib/response-schemas.js';
import { signedInUserSchema } from '@campus/common/api-schemas';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { appendAudit } from '../audit/audit-repository.js';
import { auditFailedPasswordCheck } from './sign-in-audit.js';

const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
  password: z.string().min(1, 'is required').max(200),
});

// A fixed hash to verify against when the account does not exist, so timing does not tell.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$OctptP9yYOJQPihrfcSCGg$OkAIP3ZQ1LCkGIIcSBefjBC2eUA4n/d7Wck/mzqeZmg';

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', { config: { public: true }, schema: { body: loginBody, tags: ['auth'], response: answers(signedInUserSchema.omit({ scope: true })) } }, async (request, reply) => {
    const { email, password } = request.body;
    let user: typeof users.$inferSelect | undefined;
    const ok = await throttledPasswordCheck(app.db, { account: email, address: request.ip }, throttleSettings(app.config), 'too_many_sign_ins', async () => {
      [user] = await app.db.select().from(users).where(eq(users.email, email)).limit(1);
      const right = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      return right && !!user?.active;
    });
    if (!ok || !user) {
      await auditFailedPasswordCheck(app.db, 'login_failed', user, request.ip);
      throw new AppError(401, ErrorCode.unauthenticated, 'login_failed');
    }
    const session = await createSession(app.db, user.id, app.config.SESSION_TTL_HOURS, { ip: request.ip, userAgent: request.headers['user-agent'] });
    await appendAudit(app.db, { entityType: 'user', entityId: user.id, action: 'login', actorId: user.id, schoolId: user.schoolId, data: { address: request.ip } });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, expires: session.expiresAt,
    });
    return loadActor(app.db, user.id);
  });

  r.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'], response: answers(okAnswer) } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const ended = await deleteSession(app.db, token);
      app.actorCache.forget(tokenDigest(token));
      if (ended) await appendAudit(app.db, { entityType: 'user', entityId: ended.userId, action: 'logout', actorId: ended.userId, schoolId: ended.schoolId, data: { address: request.ip } });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', { schema: { tags: ['auth'], response: answers(signedInUserSchema) } }, async (request) => ({ ...request.actor, scope: request.scope }));
}
