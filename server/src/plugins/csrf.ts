import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCode } from '../lib/errors.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard (API.md "Access"): a state-changing request that a browser says
 * comes from another site is refused. Clients that send neither header (scripts, curl) are served.
 */
export function registerCsrfGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method)) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site') throw new AppError(403, ErrorCode.forbidden, 'Cross-site requests are refused.');
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw new AppError(403, ErrorCode.forbidden, 'The Origin header is not a valid origin.');
      }
      const host = request.headers['x-forwarded-host'] ?? request.headers.host;
      if (originHost !== host) throw new AppError(403, ErrorCode.forbidden, 'Cross-site requests are refused.');
    } else if (origin === 'null') {
      throw new AppError(403, ErrorCode.forbidden, 'Requests from an opaque origin are refused.');
    }
  });
}
