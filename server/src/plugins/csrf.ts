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
    if (fetchSite === 'cross-site') throw new AppError(403, ErrorCode.forbidden, 'cross_site_refused');
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      let originUrl: URL;
      let hostUrl: URL;
      try {
        originUrl = new URL(origin);
        // Normalise the host the same way (a default port is dropped by URL). request.host is the Host
        // header, or X-Forwarded-Host when a proxy TRUST_PROXY names sent the request (a proxy rewrites Host).
        hostUrl = new URL(`${originUrl.protocol}//${request.host ?? ''}`);
      } catch {
        throw new AppError(403, ErrorCode.forbidden, 'origin_invalid');
      }
      if (originUrl.host !== hostUrl.host) throw new AppError(403, ErrorCode.forbidden, 'cross_site_refused');
    } else if (origin === 'null') {
      throw new AppError(403, ErrorCode.forbidden, 'opaque_origin_refused');
    }
  });
}
