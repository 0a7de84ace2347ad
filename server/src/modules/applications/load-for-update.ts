import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import type { Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { notFound } from '../../lib/errors.js';

/** Loads and locks an application inside a transaction, through the scope: 404 when outside it. */
export async function loadApplicationForUpdate(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx.select().from(applications)
    .where(and(eq(applications.id, id), schoolScopeCondition(scope, applications.schoolId)))
    .for('update');
  if (!row) throw notFound('application');
  return row;
}
