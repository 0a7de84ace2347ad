import type { Db } from '../../db/client.js';
import { providers } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { checkNameFree } from './provider-name.js';
import { setSchools } from './assignments.js';
import type { ProviderCreateInput } from './provider-schemas.js';

/** HQ creates a provider with its contact and, optionally, its schools: one transaction, audited. */
export async function createProvider(db: Db, actor: Actor, input: ProviderCreateInput) {
  return db.transaction(async (tx) => {
    await checkNameFree(tx, input.name);
    const [row] = await tx.insert(providers).values({
      name: input.name, contactName: input.contactName ?? null, contactEmail: input.contactEmail ?? null, contactPhone: input.contactPhone ?? null,
    }).returning();
    const { after } = await setSchools(tx, row, input.schoolIds ?? [], actor);
    await appendAudit(tx, { entityType: 'provider', entityId: row.id, action: 'create', actorId: actor.id, data: { name: row.name, schoolIds: after } });
    return row;
  });
}
