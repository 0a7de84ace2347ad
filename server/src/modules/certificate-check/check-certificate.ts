import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import { AppError, ErrorCode } from '../../lib/errors.js';
import { countTries, retryAfterSeconds } from '../auth/login-throttle.js';
import { CHECK_LIMITS } from './certificate-check-limits.js';

/** A check refused by the throttle: 429 with how long to wait (Retry-After). */
export class TooManyCertificateChecks extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, ErrorCode.tooManyRequests, { code: 'too_many_certificate_checks', params: { seconds: retryAfterSeconds } }, { retryAfterSeconds });
  }
}

/** The answer: a verified certificate of that number held by that name, or exactly `{ valid: false }`. */
export type CheckAnswer = { valid: true; kind: string; level?: string; issuedOn: string } | { valid: false };

/** Throttle keys name no one: the address and the number are kept only as a digest. */
const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

/**
 * A name as compared: compatibility forms folded (a full-width space or letter is its half-width one),
 * every run of white space one space, none at either end.
 */
export const normalName = (name: string) => name.normalize('NFKC').replace(/\s+/gu, ' ').trim();

/** The level a certificate kind names (1x_senior → senior, mohrss_intermediate → intermediate), if any. */
export function levelOfKind(kind: string): string | undefined {
  return /(?:^|_)(junior|intermediate|senior)$/.exec(kind)?.[1];
}

/** Two names equal, compared in a time that does not depend on where they differ. */
function sameName(stored: string, given: string) {
  const a = crypto.createHash('sha256').update(normalName(stored), 'utf8').digest();
  const b = crypto.createHash('sha256').update(normalName(given), 'utf8').digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * The public certificate check (GET /api/public/certificate-check): counted against the address and the
 * number first (429 beyond, whatever the answer would be), then one query by number among the verified
 * certificates, and the holder's name compared whether or not one was found. Answers the kind, level and
 * issue date of a verified certificate with that number whose holder has that name; otherwise `{ valid: false }`
 * alike for an unknown number, another name and a certificate only claimed by a school.
 */
export async function checkCertificate(db: Db, who: { address: string }, number: string, name: string): Promise<CheckAnswer> {
  const windowMs = CHECK_LIMITS.windowMinutes * 60_000;
  const waitMs = await countTries(db, {
    [`cert-addr:${digest(who.address)}`]: { limit: CHECK_LIMITS.perAddress, windowMs },
    [`cert-no:${digest(number.toUpperCase())}`]: { limit: CHECK_LIMITS.perNumber, windowMs },
  });
  if (waitMs > 0) throw new TooManyCertificateChecks(retryAfterSeconds(waitMs));
  const [found] = await queryRows<{ kind: string; issued_on: string; name: string }>(db, sql`
    SELECT c.kind, to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on, s.name
    FROM certificates c JOIN students s ON s.id = c.student_id
    WHERE c.cert_no = ${number} AND c.status = 'verified'
    LIMIT 1`);
  const matches = sameName(found?.name ?? '', name);
  if (!found || !matches) return { valid: false };
  const level = levelOfKind(found.kind);
  return { valid: true, kind: found.kind, ...(level ? { level } : {}), issuedOn: found.issued_on };
}
