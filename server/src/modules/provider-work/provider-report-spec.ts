import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { providerReports, providerReportStates } from '../../db/schema/index.js';
import type { Scope } from '@campus/common';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { allowedActions } from '@campus/common';
import { providerReportTransitions } from '@campus/common';
import { providerReportRecord } from './provider-work-records.js';

/** A provider sees its own reports; schools, regions and HQ the reports of the schools they see. */
export const providerReportScope = (scope: Scope) =>
  scope.kind === 'provider' ? eq(providerReports.providerId, scope.providerId) : schoolScopeCondition(scope, providerReports.schoolId);

export const providerReportSpec: ResourceSpec = {
  name: 'provider-reports',
  noun: 'provider report',
  record: providerReportRecord,
  table: providerReports,
  id: providerReports.id,
  scope: providerReportScope,
  columns: {
    id: providerReports.id, providerId: providerReports.providerId, schoolId: providerReports.schoolId, project: providerReports.project,
    periodFrom: providerReports.periodFrom, periodTo: providerReports.periodTo, studentCount: providerReports.studentCount,
    totalHours: providerReports.totalHours, outcomes: providerReports.outcomes, status: providerReports.status, version: providerReports.version,
    reviewComment: providerReports.reviewComment, createdAt: providerReports.createdAt,
    providerName: sql<string>`(SELECT p.name FROM providers p WHERE p.id = ${qualified(providerReports.providerId)})`.as('provider_name'),
    schoolName: sql<string>`(SELECT s.name FROM schools s WHERE s.id = ${qualified(providerReports.schoolId)})`.as('school_name'),
  },
  sortable: { id: providerReports.id, createdAt: providerReports.createdAt, status: providerReports.status, periodTo: providerReports.periodTo },
  defaultSort: ['createdAt', 'DESC'],
  search: [providerReports.project],
  filters: {
    status: filterDef(oneOrMany(z.enum(providerReportStates)), (v) => inArray(providerReports.status, asList(v))),
    schoolId: filterDef(idValue, (v) => eq(providerReports.schoolId, v)),
    providerId: filterDef(idValue, (v) => eq(providerReports.providerId, v)),
  },
  enrich: (rows, actor) => rows.map((r) => ({ ...r, allowedActions: allowedActions(providerReportTransitions, r.status as 'submitted', actor.role) })),
};
