import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { applicationPlanItems } from '../../db/schema/index.js';
import type { planItemInput } from './application-schemas.js';
import { canonicalJson } from '@campus/common';

type ItemInput = z.infer<typeof planItemInput>;

/**
 * Replaces an application's plan items with the form's list. An item HQ had already decided keeps
 * its decision only if the school left it unchanged.
 */
export async function replacePlanItems(tx: Tx, applicationId: number, items: ItemInput[]) {
  const existing = await tx.select().from(applicationPlanItems).where(eq(applicationPlanItems.applicationId, applicationId));
  const byId = new Map(existing.map((e) => [e.id, e]));
  await tx.delete(applicationPlanItems).where(eq(applicationPlanItems.applicationId, applicationId));
  if (!items.length) return;
  await tx.insert(applicationPlanItems).values(items.map((item, position) => {
    const before = item.id ? byId.get(item.id) : undefined;
    const unchanged = before && before.kind === item.kind && before.title === item.title
      // jsonb keeps keys in its own order: compare the details as values, not as the texts the form and the column write
      && canonicalJson(before.details ?? {}) === canonicalJson(item.details ?? {})
      && before.needsPlatformSupport === (item.needsPlatformSupport ?? false);
    return {
      ...(before ? { id: before.id } : {}),
      applicationId, kind: item.kind, title: item.title, details: item.details ?? {},
      needsPlatformSupport: item.needsPlatformSupport ?? false, position,
      approved: unchanged ? before.approved : null, approvedBy: unchanged ? before.approvedBy : null,
    };
  }));
}
