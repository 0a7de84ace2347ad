import type { Role } from '../vocabulary.js';

/** What a signed-in user may see, derived from their role and links (DOMAIN.md "People"). */
export type Scope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: number[] }
  | { kind: 'school'; schoolId: number }
  | { kind: 'provider'; providerId: number };

export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
  regionIds: number[];
  schoolId: number | null;
  providerId: number | null;
  locale: string;
}

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'hq':
      return { kind: 'all' };
    case 'regional':
      return { kind: 'regions', regionIds: actor.regionIds };
    case 'school':
      return { kind: 'school', schoolId: actor.schoolId ?? -1 };
    case 'provider':
      return { kind: 'provider', providerId: actor.providerId ?? -1 };
  }
}
