import http from 'node:http';
import { Worker } from 'node:worker_threads';

/**
 * Large student imports over a real connection with another user's reads timed beside them: shared by the import
 * tests (server/src/modules/facts/import-stream.test.ts: what is stored and refused, and that reads are answered
 * meanwhile) and the benchmark of how long those reads wait (bench/import-beside.ts: the latency targets).
 */
export const STUDENT_HEADER = 'studentNo,name,cohortYear,enrolledOn,leftOn,leftReason,major';
export const MIB = 1024 * 1024;
const HEADER = STUDENT_HEADER;

/**
 * POSTs a body written piece by piece over a real connection, as a browser or curl sends a file,
 * and stops writing once the answer has come: `sent` is how much had been written by then.
 */
export function postStreaming(base: string, path: string, cookie: string, pieces: () => IterableIterator<Buffer>, headers: Record<string, string | number> = {}) {
  return new Promise<{ status: number; body: string; sent: number; total: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(new URL(path, base), { method: 'POST', headers: { cookie, 'content-type': 'text/csv', ...headers } }, (res) => {
      answered = true;
      const at = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => {
        let total = at;
        for (const piece of source) total += piece.length; // what the whole file would have been
        req.destroy();
        resolve({ status: res.statusCode!, body, sent: at, total });
      });
    });
    req.on('error', (e) => { if (!answered) reject(e); });
    const source = pieces();
    const pump = () => {
      while (!answered) {
        const next = source.next();
        if (next.done) { req.end(); return; }
        sent += next.value.length;
        if (!req.write(next.value)) { req.once('drain', pump); return; }
      }
    };
    pump();
  });
}

/** Rows of new students, about 60 bytes each, in pieces of 1,000 rows: a file of at most `bytes`. */
export function* studentRows(prefix: string, bytes: number): Generator<Buffer> {
  const header = Buffer.from(HEADER + '\n');
  let written = header.length;
  yield header;
  for (let i = 0; ; i += 1000) {
    const rows: string[] = [];
    for (let k = i; k < i + 1000; k++) rows.push(`${prefix}${k},学生${k},2025,,,,跨境电子商务专业`);
    const piece = Buffer.from(rows.join('\n') + '\n');
    if (written + piece.length > bytes) return;
    written += piece.length;
    yield piece;
  }
}

/**
 * Another user's reads, timed on a thread of their own (the server's thread may be the one that
 * is busy): one after another, with a short pause, until stopped.
 */
export function watchReads(base: string, urls: string[], cookie: string) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    let stop = false;
    const worst = {}; const counts = {};
    parentPort.on('message', () => { stop = true; });
    (async () => {
      parentPort.postMessage('started');
      while (!stop) {
        for (const url of workerData.urls) {
          const started = performance.now();
          try { const res = await fetch(url, { headers: { cookie: workerData.cookie } }); await res.text(); } catch {}
          const ms = performance.now() - started;
          worst[url] = Math.max(worst[url] ?? 0, ms); counts[url] = (counts[url] ?? 0) + 1;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      parentPort.postMessage({ worst, counts });
    })();
  `, { eval: true, workerData: { urls: urls.map((u) => new URL(u, base).toString()), cookie } });
  const started = new Promise((r) => worker.once('message', r));
  return {
    started,
    async stop() {
      const result = new Promise<{ worst: Record<string, number>; counts: Record<string, number> }>((r) => worker.on('message', (m) => { if (m !== 'started') r(m); }));
      worker.postMessage('stop');
      const r = await result;
      await worker.terminate();
      return Object.fromEntries(urls.map((u) => [u, { worstMs: Math.round(r.worst[new URL(u, base).toString()] ?? 0), reads: r.counts[new URL(u, base).toString()] ?? 0 }]));
    },
  };
}

/** A valid file of 100,000 new students (V0…V99999), in pieces of 1,000 rows. */
export function* hundredThousandStudents(): Generator<Buffer> {
  yield Buffer.from(HEADER + '\n');
  for (let i = 0; i < 100; i++) {
    const rows: string[] = [];
    for (let k = 0; k < 1000; k++) rows.push(`V${i * 1000 + k},学生${i * 1000 + k},2025,,,,跨境电子商务`);
    yield Buffer.from(rows.join('\n') + '\n');
  }
}

export type ReadsBeside = Record<string, { worstMs: number; reads: number }>;

/** Two 40 MiB student files imported at once by one school while another user reads a list and the health check. */
export async function twoLargeImports(base: string, schoolCookie: string, otherCookie: string) {
  const watch = watchReads(base, ['/api/students?range=[0,9]', '/api/health'], otherCookie);
  await watch.started;
  const started = performance.now();
  const answers = await Promise.all([
    postStreaming(base, '/api/students/import', schoolCookie, () => studentRows('Q', 40 * MIB)),
    postStreaming(base, '/api/students/import', schoolCookie, () => studentRows('R', 40 * MIB)),
  ]);
  const tookMs = Math.round(performance.now() - started);
  const reads: ReadsBeside = await watch.stop();
  return { answers, tookMs, reads };
}

/** A valid 100,000-row student import by one school while another user reads a list. */
export async function validLargeImport(base: string, schoolCookie: string, otherCookie: string) {
  const watch = watchReads(base, ['/api/students?range=[0,9]'], otherCookie);
  await watch.started;
  const started = performance.now();
  const answer = await postStreaming(base, '/api/students/import', schoolCookie, hundredThousandStudents);
  const tookMs = Math.round(performance.now() - started);
  const reads: ReadsBeside = await watch.stop();
  return { answer, tookMs, reads };
}
