import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { throttleSettings } from './login-throttle.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { answers, okAnswer } from '../../lib/response-schemas.js';
import { signedInUserSchema } from '@campus/common/api-schemas';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';

const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
  password: z.string().min(1, 'is required').max(200),
});

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', { config: { public: true }, schema: { body: loginBody, tags: ['auth'], response: answers(signedInUserSchema.omit({ scope: true })) } }, async (request, reply) => {
    const { session, actor } = await signIn(app.db, throttleSettings(app.config), app.config.SESSION_TTL_HOURS, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, expires: session.expiresAt,
    });
    return actor;
  });

  r.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'], response: answers(okAnswer) } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(app.db, app.actorCache, token, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', { schema: { tags: ['auth'], response: answers(signedInUserSchema) } }, async (request) => ({ ...request.actor, scope: request.scope }));
}
