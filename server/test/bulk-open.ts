import { expect } from 'vitest';
import type { Client } from './test-app.js';
import { waitUntil } from './wait-until.js';

/** Starts HQ's bulk opening of evaluations (202) and answers the job once it has finished. */
export async function runBulkOpen(hq: Client, body: Record<string, unknown> = {}) {
  const res = await hq.post('/api/evaluations/bulk-open', body);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json();
  if (started.status !== 'running') return started;
  return waitUntil(`bulk job ${started.id} finishes`, async () => {
    const job = (await hq.get(`/api/evaluations/bulk-jobs/${started.id}`)).json();
    return job.status !== 'running' && job;
  }, { intervalMs: 100 });
}
