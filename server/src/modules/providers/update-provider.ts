import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { providers } from '../../db/schema/index.js';
import type { Actor } from '@campus/common';
import { appendAudit } from '../audit/audit-repository.js';
import { changesBetween } from '../audit/field-changes.js';
import { notFound } from '../../lib/errors.js';
import { refused } from '../../lib/refusals.js';
import { checkNameFree } from './provider-name.js';
import { assignedSchoolIds, setSchools } from './assignments.js';
import type { ProviderUpdateInput } from './provider-schemas.js';

type ProviderRow = typeof providers.$inferSelect;
/** What an edit may change, besides the schools. */
export interface ProviderPatch {
  name?: string;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  active?: boolean;
}

const audited = (p: ProviderRow | Required<ProviderPatch>) => ({
  name: p.name, contactName: p.contactName, contactEmail: p.contactEmail, contactPhone: p.contactPhone, active: p.active,
});

/** The provider, locked for the rest of the transaction; 404 when there is none. */
export async function lockProvider(tx: Tx, id: number): Promise<ProviderRow> {
  const [row] = await tx.select().from(providers).where(eq(providers.id, id)).for('update');
  if (!row) throw notFound('provider');
  return row;
}

/**
 * Applies an edit to a locked provider: its fields, and its schools when `schoolIds` is given (the
 * whole set). Something changed: the version moves on and the audit event lists every changed field,
 * the schools before and after, and the schools assigned and unassigned. Nothing changed: no write.
 */
export async function saveProvider(tx: Tx, current: ProviderRow, patch: ProviderPatch, schoolIds: number[] | undefined, actor: Actor) {
  const next: Required<ProviderPatch> = {
    name: patch.name ?? current.name,
    contactName: patch.contactName !== undefined ? patch.contactName : current.contactName,
    contactEmail: patch.contactEmail !== undefined ? patch.contactEmail : current.contactEmail,
    contactPhone: patch.contactPhone !== undefined ? patch.contactPhone : current.contactPhone,
    active: patch.active ?? current.active,
  };
  if (next.name.toLowerCase() !== current.name.toLowerCase()) await checkNameFree(tx, next.name, current.id);
  const schools = schoolIds !== undefined
    ? await setSchools(tx, { id: current.id, active: next.active }, schoolIds, actor)
    : { before: await assignedSchoolIds(tx, current.id), after: undefined, assigned: [], unassigned: [] };
  const changes = changesBetween(
    { ...audited(current), schoolIds: schools.before },
    { ...audited(next), schoolIds: schools.after ?? schools.before },
  );
  if (!Object.keys(changes).length) return current;
  const [updated] = await tx.update(providers).set({ ...next, version: current.version + 1, updatedAt: sql`now()` })
    .where(eq(providers.id, current.id)).returning();
  // An edit that assigns or unassigns exactly one school belongs to that school's history too.
  const touched = [...schools.assigned, ...schools.unassigned];
  await appendAudit(tx, {
    entityType: 'provider', entityId: current.id, action: 'update', actorId: actor.id, schoolId: touched.length === 1 ? touched[0] : null,
    data: { changes, schoolsAssigned: schools.assigned, schoolsUnassigned: schools.unassigned },
  });
  return updated;
}

/** HQ edits a provider (PUT /api/providers/:id): version-checked, one transaction, audited with what changed. */
export async function updateProvider(db: Db, actor: Actor, id: number, input: ProviderUpdateInput) {
  return db.transaction(async (tx) => {
    const current = await lockProvider(tx, id);
    if (current.version !== input.version) throw refused('stale_version', 'stale_version');
    const { name, contactName, contactEmail, contactPhone, active } = input;
    return saveProvider(tx, current, { name, contactName, contactEmail, contactPhone, active }, input.schoolIds, actor);
  });
}
