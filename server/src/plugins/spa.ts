import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError, ErrorCode } from '../lib/errors.js';
import { languageOf } from '../lib/language.js';

/** A file of the build whose name carries its content hash (web/dist/assets/index-BBvjgi_Q.js): it never changes. */
const hashedAsset = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.(?:js|css|mjs|woff2?|svg|png|jpe?g|webp)$/;
const immutable = 'public, max-age=31536000, immutable';

function cacheHeaders(reply: FastifyReply, filePath: string) {
  const file = filePath.replace(/\.(?:br|gz)$/, '');
  reply.header('Cache-Control', hashedAsset.test(file) ? immutable : path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=3600');
  // The same URL answers brotli, gzip or plain bytes by Accept-Encoding: caches must key on it.
  reply.header('Vary', 'Accept-Encoding');
}

/**
 * Serves the built SPA, with index.html for client-side routes and JSON 404s under /api.
 * The build writes a .br and a .gz beside every text asset (web/scripts/compress-dist.mjs); the
 * one the request's Accept-Encoding prefers is sent (brotli, then gzip, else the plain file).
 * Hashed assets are cached for a year as immutable, index.html is revalidated on every load.
 */
export async function registerSpa(app: FastifyInstance, distDir: string) {
  const hasDist = fs.existsSync(path.join(distDir, 'index.html'));
  if (hasDist) {
    await app.register(fastifyStatic, {
      root: distDir,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const wantsPage = request.method === 'GET' && !url.startsWith('/api') && !path.extname(url);
    if (wantsPage && hasDist) return reply.header('Cache-Control', 'no-cache').header('Vary', 'Accept-Encoding').sendFile('index.html');
    if (wantsPage) return reply.status(503).type('text/plain').send('The web app is not built yet: run `npm run build`.');
    return reply.status(404).send(new AppError(404, ErrorCode.notFound, { code: 'no_route', params: { method: request.method, url } }).bodyIn(languageOf(request)));
  });
}
