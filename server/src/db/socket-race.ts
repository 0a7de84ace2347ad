/**
 * postgres.js 3.4 queues a write on setImmediate; when the server terminated the connection in the
 * meantime, that write throws on a null socket outside any promise. The query already failed with
 * the connection error, so the request answers 503 and the pool reconnects: the throw is noise.
 */
export function isPostgresSocketRace(error: unknown): boolean {
  const e = error as { name?: string; message?: string; stack?: string };
  return e?.name === 'TypeError' && /reading 'write'/.test(e.message ?? '') && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? '');
}
