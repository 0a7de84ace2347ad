import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { actorForSession, tokenDigest } from '../modules/auth/session-repository.js';
import { ActorCache } from '../modules/auth/actor-cache.js';
import { scopeOf, type Actor, type Scope } from '@campus/common';
import { canAccess, type ResourceAction } from '@campus/common';
import { forbidden, unauthenticated } from '../lib/errors.js';
import { TooManyPasswordTries } from '../modules/auth/login-throttle.js';

export const SESSION_COOKIE = 'cp_session';

declare module 'fastify' {
  interface FastifyInstance {
    /** Signed-in users by session, for SESSION_CACHE_SECONDS; clear it after changing accounts or sessions. */
    actorCache: ActorCache;
  }
  interface FastifyRequest {
    actor: Actor;
    scope: Scope;
  }
  interface FastifyContextConfig {
    /** A route that anyone may call without signing in. */
    public?: boolean;
  }
}

/**
 * Whether a route may be called without signing in: marked `config: { public: true }`, or outside the
 * API (the web app's files, which include the sign-in page). Decided on the route the router chose
 * (its pattern), never on the raw URL, which a client may spell in many ways (`/%61pi/docs`).
 */
function isPublicRoute(routeUrl: string, config: { public?: boolean } | undefined) {
  return config?.public === true || !routeUrl.startsWith('/api/');
}

/** Requires a live session for every API route that is not marked public, once for the whole tree. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  const cache = new ActorCache(app.config.SESSION_CACHE_SECONDS * 1000);
  app.decorate('actorCache', cache);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('scope', null as never);
  // A password check the throttle refused says when to come back.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof TooManyPasswordTries) reply.header('Retry-After', String(error.retryAfterSeconds));
  });
  app.addHook('onRequest', async (request) => {
    const routeUrl = request.routeOptions.url;
    if (routeUrl === undefined) return; // no route: the 404 handler answers, with nothing to protect
    if (isPublicRoute(routeUrl, request.routeOptions.config)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const digest = tokenDigest(token);
    let actor = cache.get(digest);
    if (!actor) {
      const generation = cache.generation;
      const found = await actorForSession(app.db, token, app.config.SESSION_TTL_HOURS);
      if (!found) throw unauthenticated('session_ended');
      cache.set(digest, found.actor, found.expiresAt, generation);
      actor = found.actor;
    }
    request.actor = actor;
    request.scope = scopeOf(actor);
  });
});

/** A preHandler that refuses (403) a role the permission table does not allow on a resource. */
export function requirePermission(resource: string, action: ResourceAction) {
  return async (request: FastifyRequest) => {
    if (!canAccess(request.actor?.role, resource, action)) throw forbidden({ code: 'role_may_not_resource', params: { action, resource } });
  };
}
