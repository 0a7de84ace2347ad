import type { Db } from '../../db/client.js';
import type { Actor } from '@campus/common';
import { todayInChina } from '@campus/common';
import { conflict, invalid } from '../../lib/errors.js';
import { checkExistingAgreements, recordExistingAgreements } from './record-existing-agreements.js';
import type { ExistingAgreementInput } from './existing-agreement-input.js';

/**
 * HQ records one partnership that began before the product (POST /api/agreements), in one
 * transaction: 409 when the school already has a partnership (naming it), 400 for every other problem.
 */
export async function createExistingAgreement(db: Db, actor: Actor, input: ExistingAgreementInput) {
  const today = todayInChina();
  return db.transaction(async (tx) => {
    const { resolved, problems } = await checkExistingAgreements(tx, [input], today);
    const held = problems.find((p) => p.conflict);
    if (held) throw conflict({ code: held.code, params: held.params });
    if (problems.length) throw invalid(problems.map(({ index: _i, conflict: _c, ...p }) => p), 'all');
    const [agreement] = await recordExistingAgreements(tx, resolved, actor, today);
    return agreement;
  });
}
