import { hash, verify } from '@node-rs/argon2';
import type { Reason } from '@campus/common';

/** Argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Password rules for new and changed passwords: long enough, not all one kind of character. */
export function passwordProblem(password: string): Reason | undefined {
  if (password.length < 8) return { code: 'password_too_short', params: { minimum: 8 } };
  if (password.length > 200) return { code: 'password_too_long', params: { maximum: 200 } };
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return { code: 'password_needs_letters_digits' };
  return undefined;
}
