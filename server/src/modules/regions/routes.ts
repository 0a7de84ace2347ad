import type { FastifyInstance } from 'fastify';
import { registerReadRoutes } from '../resource/read-routes.js';
import { regionSpec } from './region-spec.js';

/** Regions: everyone reads them; HQ edits a region's names and provinces (PUT, moving schools with their provinces). */
export async function regionRoutes(app: FastifyInstance) {
  registerReadRoutes(app, regionSpec);
}
