import type { AgreementState, ApplicationState } from './vocabulary.js';

/**
 * Named sets of states: each rule that reads "an agreement in one of these states" is written once,
 * here, and every reader (TypeScript, SQL fragments, partial indexes, the web's filters) uses the name.
 */

/** A live partnership: the school is a partner now (DOMAIN.md); at most one per school. */
export const liveAgreementStates = ['active', 'rectifying'] as const satisfies readonly AgreementState[];

/**
 * Agreements that have begun (every state from `active` on, live or ended): their agreement years are
 * measured. The pending ones (awaiting signing, plaque or inspection) have no year yet.
 */
export const startedAgreementStates = [
  ...liveAgreementStates, 'terminated', 'expired', 'superseded', 'renewed',
] as const satisfies readonly AgreementState[];

/** An application still under way (not yet approved, rejected or withdrawn); at most one per school. */
export const inFlightApplicationStates = ['draft', 'pending_regional', 'pending_hq', 'returned'] as const satisfies readonly ApplicationState[];

/** An application waiting for a reviewer (the region or HQ), counted in days waiting. */
export const awaitingReviewApplicationStates = ['pending_regional', 'pending_hq'] as const satisfies readonly ApplicationState[];

const member = <S extends string>(set: readonly S[]) => (state: string | null | undefined): state is S =>
  state != null && (set as readonly string[]).includes(state);

export const isLiveAgreement = member(liveAgreementStates);
export const isInFlightApplication = member(inFlightApplicationStates);
