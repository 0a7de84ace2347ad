import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError, ErrorCode } from '../lib/errors.js';
import { languageOf } from '../lib/language.js';

/** Serves the built SPA, with index.html for client-side routes and JSON 404s under /api. */
export async function registerSpa(app: FastifyInstance, distDir: string) {
  const hasDist = fs.existsSync(path.join(distDir, 'index.html'));
  if (hasDist) {
    await app.register(fastifyStatic, { root: distDir, index: ['index.html'], maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const wantsPage = request.method === 'GET' && !url.startsWith('/api') && !path.extname(url);
    if (wantsPage && hasDist) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    if (wantsPage) return reply.status(503).type('text/plain').send('The web app is not built yet: run `npm run build`.');
    return reply.status(404).send(new AppError(404, ErrorCode.notFound, { code: 'no_route', params: { method: request.method, url } }).bodyIn(languageOf(request)));
  });
}
