import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { throttleSettings } from './login-throttle.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { answers, okAnswer } from '../../lib/response-schemas.js';
import { signedInUserSchema } from '@campus/common/api-schemas';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { forgotPassword } from './forgot-password.js';
import { resetPassword } from './reset-password.js';
import { accountTokenPurposes } from '../../db/schema/index.js';

const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
  password: z.string().min(1, 'is required').max(200),
});

const forgotBody = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(200),
});

const resetBody = z.strictObject({
  token: z.string().min(1, 'is required').max(200),
  password: z.string().max(200),
  /** The link's page says what it expects (set-password: invitation, reset-password: reset); omitted: either. */
  purpose: z.enum(accountTokenPurposes).optional(),
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

  // The same answer whether or not the address has an account (throttled per e-mail and per address).
  r.post('/api/auth/forgot-password', { config: { public: true }, schema: { body: forgotBody, tags: ['auth'], response: answers(okAnswer) } }, async (request) => {
    await forgotPassword(app.db, throttleSettings(app.config), request.body.email, request.ip);
    return { ok: true };
  });

  // Invitation and reset links both land here: sets the password, ends every session of the account.
  r.post('/api/auth/reset-password', { config: { public: true }, schema: { body: resetBody, tags: ['auth'], response: answers(z.object({ ok: z.literal(true), email: z.string() })) } }, async (request) => {
    const done = await resetPassword(app.db, request.body, request.ip);
    app.actorCache.clear();
    return { ok: true as const, email: done.email };
  });

  r.get('/api/auth/me', { schema: { tags: ['auth'], response: answers(signedInUserSchema) } }, async (request) => ({ ...request.actor, scope: request.scope }));
}
