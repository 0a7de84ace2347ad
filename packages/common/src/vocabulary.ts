// The canonical vocabularies of DOMAIN.md, shared by the server and the web. The database keeps them
// as string unions checked by CHECK constraints (not PG enums), so adding a value is a plain migration
// on both drivers.
export const roles = ['hq', 'regional', 'school', 'provider'] as const;
export type Role = (typeof roles)[number];

export const tiers = ['industry_college', 'talent_base', 'pilot_1x', 'partner_school'] as const;
export type Tier = (typeof tiers)[number];

export const applicationStates = [
  'draft', 'pending_regional', 'pending_hq', 'returned', 'approved', 'rejected', 'withdrawn',
] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const agreementStates = [
  'pending_signing', 'pending_plaque', 'pending_inspection', 'active', 'rectifying',
  'terminated', 'expired', 'superseded', 'renewed',
] as const;
export type AgreementState = (typeof agreementStates)[number];

export const evaluationStates = ['open', 'decided'] as const;
export const evaluationDecisions = ['continue', 'rectify', 'upgrade', 'terminate', 'renew', 'not_renew'] as const;

export const schoolStatuses = ['prospect', 'applying', 'partner', 'rectifying', 'terminated', 'expired'] as const;

export const certificateKinds = [
  '1x_junior', '1x_intermediate', '1x_senior', 'operator', 'mohrss_intermediate', 'mohrss_senior',
  'gold_operator', 'data_advisor', 'crm_xiaoman', 'live_host',
] as const;
export type CertificateKind = (typeof certificateKinds)[number];

export const courseKinds = ['official_textbook', 'official_online', 'platform_training', 'offline'] as const;
export const leftReasons = ['graduated', 'withdrew'] as const;
export const planItemKinds = ['instructor', 'teaching_resource', 'practice_project', 'target', 'job_fair'] as const;
export const providerReportStates = ['submitted', 'confirmed', 'rejected'] as const;
export const contentProposalStates = ['pending', 'approved', 'rejected'] as const;
export const feedbackStates = ['open', 'replied', 'closed'] as const;
/** A school's request to join: unconfirmed until its e-mail link is followed (or it expires), then pending for the region. */
export const joinRequestStates = ['unconfirmed', 'pending', 'accepted', 'declined', 'expired'] as const;
export type JoinRequestState = (typeof joinRequestStates)[number];
