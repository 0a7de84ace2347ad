import type { AddressInfo, Server, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test's SMTP server received it, its MIME parts decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface Mailbox {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  /**
   * The first mail to `to` (and whose subject matches `subject`, if given) that was not taken
   * before; waits for it, polling, and fails loudly with what did arrive when it does not come.
   */
  take(to: string, opts?: { subject?: RegExp; timeoutMs?: number }): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package on a free port) keeping every mail:
 * no TLS, no authentication required, as the product's own server tests use.
 */
export async function startMailbox(): Promise<Mailbox> {
  const mails: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 10,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          ...parseMessage(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
        });
        callback();
      });
    },
  });
  const net = (server as unknown as { server: Server }).server;
  net.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (net.address() as AddressInfo).port;

  const take: Mailbox['take'] = async (to, opts = {}) => {
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    const wanted = to.toLowerCase();
    for (;;) {
      const mail = mails.find((m) => !taken.has(m) && m.to.includes(wanted) && (!opts.subject || opts.subject.test(m.subject)));
      if (mail) {
        taken.add(mail);
        return mail;
      }
      if (Date.now() > deadline) {
        const seen = mails.map((m) => `  ${m.to.join(',')}: ${m.subject}`).join('\n') || '  (none)';
        throw new Error(`no mail to ${to}${opts.subject ? ` matching ${opts.subject}` : ''} within ${opts.timeoutMs ?? 60_000} ms; received:\n${seen}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    take,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** The links of a mail's text (http and https), in order. */
export function linksOf(mail: ReceivedMail): string[] {
  return [...mail.text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
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
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')));
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
function parseMessage(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = splitHead(raw);
  const result = { subject: decodeWords(headers.get('subject') ?? ''), text: '', html: '' };
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
