import type { Actor, Scope } from '../access/scope.js';

/** GET /api/auth/me: the signed-in user, role and links, and the scope they give. */
export type SignedInUser = Actor & { scope: Scope };
