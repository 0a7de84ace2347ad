import type { CertificateStatus } from '../vocabulary.js';
import type { TransitionTable } from './types.js';

export type CertificateContext = Record<string, never>;

/**
 * A certificate a school entered is `claimed` until it is verified (DOMAIN.md "Exam sites and sessions"): by a
 * session's results import that issues the same number to the same student (server: modules/exam-results), or
 * by HQ's confirmation, e.g. of a certificate issued before the product. A verified certificate is not changed or
 * deleted by a school.
 */
export const certificateTransitions: TransitionTable<CertificateStatus, CertificateContext> = [
  { from: ['claimed'], action: 'verify', roles: ['hq'], to: 'verified', effects: ['recordVerifier', 'recomputeCompliance'] },
];
