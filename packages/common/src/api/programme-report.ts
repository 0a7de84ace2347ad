import type { KpiName } from '../kpi/kpi-names.js';
import type { Tier } from '../vocabulary.js';

/**
 * HQ's annual programme report (issue 18 item 7; server: modules/reports), for one calendar year and the user's scope.
 * An agreement year belongs to the calendar year it begins in (as the tier policy in force does: policy-in-force.ts);
 * dated events (certificates issued, exams held, decisions taken) to the year of their China date.
 */
export interface ProgrammeReport {
  year: number;
  /** [from, to): the calendar year. */
  from: string;
  to: string;
  /** The day the report was made (China); a report of the current year is the year so far. */
  asOf: string;
  /** The regions in the user's scope (HQ: every region), in their order. */
  regions: ReportRegion[];
  /** The agreements with an agreement year beginning in the year, by region, tier and their state today. */
  agreements: AgreementStateRow[];
  /** The compliance summaries of the agreement years beginning in the year: compliant / rows, failing KPIs counted. */
  compliance: ComplianceRow[];
  /** Certificates issued in the year, 1+X (any level) and Operator, verified and claimed. */
  certificates: CertificateRow[];
  /** The exam sessions held in the year (not cancelled), with their candidates in scope. */
  sessions: SessionRow[];
  /** The same candidates by region and tier of their schools. */
  candidates: CandidateRow[];
  /** Job-platform registration of the certified students, from the same compliance summaries. */
  jobPlatform: JobPlatformRow[];
  /** Rectifications opened and closed, renewals, upgrades, terminations and non-renewals decided in the year. */
  decisions: DecisionRow[];
}

/** The tier of a row, or `none` for a school without a partnership at the time. */
export type ReportTier = Tier | 'none';

export interface ReportRegion { id: number; code: string; nameZh: string; nameEn: string }

interface ByRegionTier { regionId: number; tier: ReportTier }

export interface AgreementStateRow extends ByRegionTier { status: string; agreements: number; schools: number }

export interface ComplianceRow extends ByRegionTier {
  /** Compliance summary rows (agreement years) of the year. */
  rows: number;
  compliant: number;
  /** compliant / rows; null without rows. */
  rate: number | null;
  /** Rows failing each KPI. */
  failing: Record<KpiName, number>;
}

export interface CertificateRow extends ByRegionTier {
  verified1x: number;
  claimed1x: number;
  verifiedOperator: number;
  claimedOperator: number;
}

export interface SessionRow {
  id: number;
  title: string;
  kind: string;
  sessionType: string;
  examOn: string;
  status: string;
  candidates: number;
  /** Candidates with a result of passed or failed (absent ones did not sit). */
  sat: number;
  passed: number;
  absent: number;
  /** passed / sat; null before results (or when nobody sat). */
  passRate: number | null;
}

export interface CandidateRow extends ByRegionTier { candidates: number; sat: number; passed: number; absent: number; passRate: number | null }

export interface JobPlatformRow extends ByRegionTier {
  /** Students certified in the agreement years of the year (the summaries' certifiedStudents). */
  certifiedStudents: number;
  /** Of them, registered on the job platform and active (the summaries' jobPlatformRate × certifiedStudents). */
  activeRegistered: number;
  /** activeRegistered / certifiedStudents; null when none are certified. */
  rate: number | null;
}

export interface DecisionRow extends ByRegionTier {
  rectificationsOpened: number;
  /** Closed by HQ (close_rectification) or ended by terminating the partnership while rectifying. */
  rectificationsClosed: number;
  renewals: number;
  upgrades: number;
  terminations: number;
  nonRenewals: number;
}
