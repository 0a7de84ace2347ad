import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.js';

// An answer is checked against its schema as JSON and sent exactly as the handler gave it.
let app: FastifyInstance;
const record = z.object({ id: z.number(), at: z.string() });

beforeAll(async () => {
  app = Fastify({ logger: false });
  app.setSerializerCompiler(responseSerializerCompiler);
  app.get('/more', { schema: { response: { 200: record } } }, async () => ({ id: 1, extra: { kept: [1, 2] }, at: new Date(0) }));
  app.get('/broken', { schema: { response: { 200: record } } }, async () => ({ id: 'one', at: 'now' }));
  app.get('/text', { schema: { response: { 200: z.array(record) } } }, async (_request, reply) => {
    reply.type('application/json; charset=utf-8');
    return '[{"id":2,"at":"x","stored":true}]';
  });
  await app.ready();
});
afterAll(async () => { await app.close(); });

describe('the response serializer', () => {
  it('sends an answer whole, fields beyond the schema and key order kept, dates as JSON writes them', async () => {
    const res = await app.inject({ method: 'GET', url: '/more' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(JSON.stringify({ id: 1, extra: { kept: [1, 2] }, at: new Date(0) }));
  });

  it('refuses to send an answer that breaks its schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('one');
  });

  it('sends JSON text as it is', async () => {
    const res = await app.inject({ method: 'GET', url: '/text' });
    expect(res.body).toBe('[{"id":2,"at":"x","stored":true}]');
  });
});
