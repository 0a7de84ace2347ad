import type { ComplianceRecord } from '@campus/common';
import type { KpiName } from '../../components/kpi/kpi';

/** A react-admin list URL: the list of `resource` with `filter` applied (react-admin reads it from the query). */
export function listUrl(resource: string, filter: Record<string, unknown> = {}): string {
  return Object.keys(filter).length ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}` : `/${resource}`;
}

export interface DrillDown {
  /** Key under app.drilldown, naming what the link lists. */
  label: string;
  resource: string;
  filter: Record<string, unknown>;
  to: string;
}

export interface DrillDownOptions {
  /** Add the school to the filter: needed by HQ and regional staff, whose lists hold many schools. */
  withSchool?: boolean;
  /** The tier policy's minimum class hours for an offline course to count. */
  minClassHours?: number | null;
}

const link = (label: string, resource: string, filter: Record<string, unknown>): DrillDown => ({ label, resource, filter, to: listUrl(resource, filter) });

/**
 * The records a KPI of an agreement year counts, as list filters of the facts API
 * (server/src/modules/facts/*.ts): the same date window [from, to) the KPI engine uses.
 */
export function kpiDrillDowns(kpi: KpiName, row: Pick<ComplianceRecord, 'from' | 'to' | 'asOf' | 'schoolId'>, options: DrillDownOptions = {}): DrillDown[] {
  const { from, to, asOf } = row;
  const school = options.withSchool ? { schoolId: row.schoolId } : {};
  switch (kpi) {
    case 'certifiedInstructors':
      return [link('instructors', 'instructors', { ...school, certifiedOn: asOf })];
    case 'teachingDelivery':
      return [link('graduates', 'students', { ...school, graduatedFrom: from, graduatedBefore: to })];
    case 'offlineCourses':
      return [link('offline_courses', 'courses', {
        ...school, kind: 'offline', taughtBefore: to, taughtUntilFrom: from,
        ...(options.minClassHours ? { minClassHours: options.minClassHours } : {}),
      })];
    case 'practiceHours':
      return [link('practice_records', 'practice-records', { ...school, confirmed: true, from, before: to })];
    case 'certificates1x':
      return [link('certificates_1x', 'certificates', { ...school, kind: '1x', issuedFrom: from, issuedBefore: to })];
    case 'certificatesOperator':
      return [link('certificates_operator', 'certificates', { ...school, kind: 'operator', issuedFrom: from, issuedBefore: to })];
    case 'jobPlatformRate':
      return [
        link('job_registrations', 'job-registrations', { ...school }),
        link('certified_students', 'certificates', { ...school, kind: ['1x', 'operator'], issuedFrom: from, issuedBefore: to }),
      ];
    case 'jobFairs':
      return [link('job_fairs', 'job-fairs', { ...school, from, before: to })];
    default:
      return [];
  }
}

/** The compliance list filtered (dashboard numbers link to the rows behind them). */
export const complianceUrl = (filter: Record<string, unknown>) => listUrl('compliance', filter);
