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

// The certification loop (issue 18; DOMAIN.md "Exam sites and sessions").
/** An exam site (考点): proposed by a school (for itself) or by staff (another venue), approved or declined by HQ; HQ may suspend an approved site and reinstate it. */
export const examSiteStates = ['proposed', 'approved', 'declined', 'suspended'] as const;
export type ExamSiteState = (typeof examSiteStates)[number];
/** A unified exam (统考) across many sites, or a session of one site. */
export const examSessionTypes = ['unified', 'site'] as const;
export type ExamSessionType = (typeof examSessionTypes)[number];
/**
 * An exam session: `scheduled` (schools register candidates while its window is open), `closed` (HQ closed
 * registration; candidate lists are final), `results_published` (HQ imported its results), or `cancelled`.
 */
export const examSessionStates = ['scheduled', 'closed', 'results_published', 'cancelled'] as const;
export type ExamSessionState = (typeof examSessionStates)[number];
/** A candidate's result: passed (a verified certificate is issued), failed, or absent. */
export const examResults = ['passed', 'failed', 'absent'] as const;
export type ExamResult = (typeof examResults)[number];
/** The certificate kinds an exam session may examine (the 1+X levels and the platform's Operator certificate). */
export const examinableKinds = ['1x_junior', '1x_intermediate', '1x_senior', 'operator'] as const;
export type ExaminableKind = (typeof examinableKinds)[number];
/**
 * A certificate as the programme knows it: `claimed` when a school entered it, `verified` once matched to one an exam
 * session issued (by its number) or confirmed by HQ. Certificates issued by a session are verified from the start.
 */
export const certificateStatuses = ['claimed', 'verified'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
/** The 1+X instructor certification levels, which an instructor training (师资培训) awards. */
export const instructorCertificationLevels = ['junior', 'intermediate', 'senior'] as const;
export type InstructorCertificationLevel = (typeof instructorCertificationLevels)[number];
