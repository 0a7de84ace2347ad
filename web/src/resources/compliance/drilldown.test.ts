import { describe, expect, it } from 'vitest';
import { complianceUrl, kpiDrillDowns, listUrl } from './drilldown';
import { kpiNames } from '../../components/kpi/kpi';

const row = { from: '2025-09-01', to: '2026-09-01', asOf: '2026-03-15', schoolId: 7 };
const parse = (to: string) => {
  const [path, query] = to.split('?filter=');
  return { path, filter: query ? JSON.parse(decodeURIComponent(query)) : {} };
};

describe('drill-down from a KPI to the records it counts', () => {
  it.each([
    ['certificates1x', '/certificates', { kind: '1x', issuedFrom: '2025-09-01', issuedBefore: '2026-09-01' }],
    ['certificatesOperator', '/certificates', { kind: 'operator', issuedFrom: '2025-09-01', issuedBefore: '2026-09-01' }],
    ['practiceHours', '/practice-records', { confirmed: true, from: '2025-09-01', before: '2026-09-01' }],
    ['jobFairs', '/job-fairs', { from: '2025-09-01', before: '2026-09-01' }],
    ['certifiedInstructors', '/instructors', { certifiedOn: '2026-03-15' }],
    ['offlineCourses', '/courses', { kind: 'offline', taughtBefore: '2026-09-01', taughtUntilFrom: '2025-09-01' }],
    ['teachingDelivery', '/students', { graduatedFrom: '2025-09-01', graduatedBefore: '2026-09-01' }],
  ] as const)('%s opens %s with the year [from, to)', (kpi, path, filter) => {
    const [link] = kpiDrillDowns(kpi, row);
    expect(parse(link.to)).toEqual({ path, filter });
  });

  it('the job-platform rate opens the registrations and the certificates of the year', () => {
    const links = kpiDrillDowns('jobPlatformRate', row).map((l) => parse(l.to));
    expect(links).toEqual([
      { path: '/job-registrations', filter: {} },
      { path: '/certificates', filter: { kind: ['1x', 'operator'], issuedFrom: '2025-09-01', issuedBefore: '2026-09-01' } },
    ]);
  });

  it("names the school for users who see many, and the policy's minimum class hours for offline courses", () => {
    for (const kpi of kpiNames) {
      for (const link of kpiDrillDowns(kpi, row, { withSchool: true })) expect(link.filter.schoolId).toBe(7);
    }
    expect(kpiDrillDowns('offlineCourses', row, { minClassHours: 32 })[0].filter).toMatchObject({ minClassHours: 32 });
  });

  it('builds react-admin list URLs with the filter as a JSON query parameter', () => {
    expect(listUrl('compliance')).toBe('/compliance');
    expect(complianceUrl({ current: true, tier: 'talent_base', compliant: true }))
      .toBe(`/compliance?filter=${encodeURIComponent('{"current":true,"tier":"talent_base","compliant":true}')}`);
  });
});
