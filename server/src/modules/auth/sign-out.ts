import type { Db } from '../../db/client.js';
import { appendAudit } from '../audit/audit-repository.js';
import type { ActorCache } from './actor-cache.js';
import { deleteSession, tokenDigest } from './session-repository.js';

/** Ends the session of a token (forgotten by this process's actor cache too), audited with who and from where. */
export async function signOut(db: Db, actorCache: ActorCache, token: string, address: string) {
  const ended = await deleteSession(db, token);
  actorCache.forget(tokenDigest(token));
  if (ended) await appendAudit(db, { entityType: 'user', entityId: ended.userId, action: 'logout', actorId: ended.userId, schoolId: ended.schoolId, data: { address } });
}
