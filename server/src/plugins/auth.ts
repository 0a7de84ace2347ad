import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { actorForSession } from '../modules/auth/session-repository.js';
import { scopeOf, type Actor, type Scope } from '../domain/access/scope.js';
import { canAccess, type ResourceAction } from '../domain/access/permissions.js';
import { forbidden, unauthenticated } from '../lib/errors.js';

export const SESSION_COOKIE = 'cp_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    scope: Scope;
  }
  interface FastifyContextConfig {
    /** A route that anyone may call without signing in. */
    public?: boolean;
  }
}

/** Requires a live session for every /api route that is not marked public, once for the whole tree. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('scope', null as never);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    if (!request.routeOptions.url) return; // unknown route: the 404 handler answers
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const actor = await actorForSession(app.db, token, app.config.SESSION_TTL_HOURS);
    if (!actor) throw unauthenticated('Your session has ended; sign in again.');
    request.actor = actor;
    request.scope = scopeOf(actor);
  });
});

/** A preHandler that refuses (403) a role the permission table does not allow on a resource. */
export function requirePermission(resource: string, action: ResourceAction) {
  return async (request: FastifyRequest) => {
    if (!canAccess(request.actor?.role, resource, action)) throw forbidden(`Your role may not ${action} ${resource}.`);
  };
}
