import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test's SMTP server received it, its MIME parts decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpTestServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Answer every recipient with this code (4xx: try later; 5xx: refused) until set back to null. */
  refuseWith(code: number | null): void;
  /** Stops listening and drops every open connection: the server is down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for tests (the `smtp-server` package; port 0 picks a free port),
 * keeping every mail it accepts. No TLS, no authentication required.
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const mails: ReceivedMail[] = [];
  let refusal: number | null = null;
  let port = 0;
  let server: SMTPServer;
  const sockets = new Set<Socket>();

  const make = () => new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 10,
    onConnect(_session, callback) { callback(); },
    onRcptTo(_address, _session, callback) {
      if (refusal) {
        const err = new Error(refusal >= 500 ? 'mailbox unavailable' : 'try again later') as Error & { responseCode: number };
        err.responseCode = refusal;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          ...parseMessage(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });

  const start = async () => {
    server = make();
    // Every connection is remembered, so that stop() can drop it like a server that goes away.
    (server as unknown as { server: import('node:net').Server }).server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    port = ((server as unknown as { server: import('node:net').Server }).server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await start();
  return {
    get url() { return `smtp://127.0.0.1:${port}`; },
    get port() { return port; },
    mails,
    refuseWith(code) { refusal = code; },
    stop,
    start,
  };
}

/** Header name (lower case) → unfolded value, and the body after the blank line. */
function splitHead(part: string): { headers: Map<string, string>; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  const head = at < 0 ? part : part.slice(0, at);
  const body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')));
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const decoded = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? decodeQuotedPrintable(body)
      : body;
  return decoded.replace(/\r\n/g, '\n');
}

/** Enough of MIME for what nodemailer writes: one part, or multipart/alternative of text and HTML. */
function parseMessage(raw: string): { subject: string; messageId: string; text: string; html: string } {
  const { headers, body } = splitHead(raw);
  const result = { subject: decodeWords(headers.get('subject') ?? ''), messageId: headers.get('message-id') ?? '', text: '', html: '' };
  const collect = (h: Map<string, string>, b: string) => {
    const type = (h.get('content-type') ?? 'text/plain').toLowerCase();
    const boundary = /boundary="?([^";]+)"?/i.exec(h.get('content-type') ?? '')?.[1];
    if (type.startsWith('multipart/') && boundary) {
      for (const part of b.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break;
        const inner = splitHead(part.replace(/^\r?\n/, ''));
        collect(inner.headers, inner.body.replace(/\r?\n$/, ''));
      }
    } else if (type.startsWith('text/html')) {
      result.html = decodeBody(h, b);
    } else if (type.startsWith('text/plain')) {
      result.text = decodeBody(h, b);
    }
  };
  collect(headers, body);
  return result;
}
