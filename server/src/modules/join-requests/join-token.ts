import crypto from 'node:crypto';

/** A confirmation token: 32 random bytes, base64url; only its SHA-256 is stored. */
export const newJoinToken = () => crypto.randomBytes(32).toString('base64url');
export const joinTokenDigest = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');
export const joinConfirmPath = (token: string) => `/join/confirm?token=${encodeURIComponent(token)}`;
