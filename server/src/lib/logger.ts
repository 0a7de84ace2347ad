import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const TOKEN = /([?&]token=)[^&#\s"']*/gi;

/** A text as a log line may hold it: e-mail addresses and one-time tokens left out. */
export function scrub(text: string): string {
  return text.replace(EMAIL, '[email]').replace(TOKEN, '$1[redacted]');
}

/**
 * An error as the log writes it: its type, code, the first line of its message and the stack's
 * frames, with its cause the same way. Never its own properties (postgres.js errors carry the query's
 * `parameters`; drizzle's message carries `params:` — a session digest, a student's name) and never
 * an e-mail address or a token.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!(error instanceof Error) || depth > 3) return error === undefined ? undefined : { type: typeof error };
  const message = scrub(error.message.split(/\n\s*params:/)[0].split('\n')[0]).slice(0, 500);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 15).join('\n');
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    message,
    stack: frames,
    ...(error.cause ? { cause: safeError(error.cause, depth + 1) } : {}),
  };
}

/**
 * The one logger of a server process: one JSON line per event on stdout (pino), or readable lines
 * for development with LOG_FORMAT=pretty (pino-pretty). Errors go through safeError; string fields
 * are scrubbed of e-mail addresses and tokens.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    serializers: { err: safeError, error: safeError },
    formatters: {
      log(object: Record<string, unknown>) {
        for (const [key, value] of Object.entries(object)) if (typeof value === 'string') object[key] = scrub(value);
        return object;
      },
    },
  };
  if (destination) return pino(options, destination);
  if (config.LOG_FORMAT === 'pretty') return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  return pino(options);
}
