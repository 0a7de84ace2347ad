import type { Db } from '../../db/client.js';
import type { Actor, Scope } from '@campus/common';
import { runApplicationAction } from './run-application-action.js';

/**
 * Deleting a draft is a row of the application table (action `delete`: a draft, by its school): the
 * same checks as every action (scope 404, role 403, state 409), and its effect removes the draft,
 * its plan items and its files, audited with the deleted record. Returns the deleted row and the
 * storage keys of its files (removed from storage once the transaction is committed).
 */
export async function deleteApplication(db: Db, actor: Actor, scope: Scope, id: number) {
  const done = await runApplicationAction(db, actor, scope, id, 'delete', {});
  if (!done.removed) throw new Error('the application table\'s delete row must remove the draft');
  return { row: done.record, storageKeys: done.storageKeys };
}
