import { eq } from 'drizzle-orm';
import type { Role } from '@campus/common';
import type { Tx } from '../../db/client.js';
import { userRegions } from '../../db/schema/index.js';
import { invalid } from '../../lib/errors.js';

export interface AccountLinksInput { regionIds?: number[]; schoolId?: number | null; providerId?: number | null }

/** The links a role needs: regions for regional staff, a school for a school user, a provider for a provider. */
export function linksFor(role: Role, input: AccountLinksInput) {
  if (role === 'regional' && !input.regionIds?.length) throw invalid([{ field: 'regionIds', code: 'regions_required' }]);
  if (role === 'school' && !input.schoolId) throw invalid([{ field: 'schoolId', code: 'school_required' }]);
  if (role === 'provider' && !input.providerId) throw invalid([{ field: 'providerId', code: 'provider_required' }]);
  return { schoolId: role === 'school' ? input.schoolId! : null, providerId: role === 'provider' ? input.providerId! : null, regionIds: role === 'regional' ? input.regionIds! : [] };
}

export async function setRegions(tx: Tx, userId: number, regionIds: number[]) {
  await tx.delete(userRegions).where(eq(userRegions.userId, userId));
  if (regionIds.length) await tx.insert(userRegions).values([...new Set(regionIds)].map((regionId) => ({ userId, regionId })));
}
