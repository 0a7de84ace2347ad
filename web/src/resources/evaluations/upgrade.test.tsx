import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { API, listHandler } from '../../test/api';
import { server } from '../../test/server';
import { readsSettled, testQueryClient } from '../../test/settled';
import { createDataProvider } from '../../providers/dataProvider';
import { i18nProvider } from '../../i18n';
import { UpgradeAdvisor } from '../../dashboard/UpgradeAdvisor';
import { tierAbove } from './decide';
import { shortfall, upgradeGaps } from './upgrade';
import { todayInChina } from '@campus/common';

const kpi = (value: number | null, threshold: number | null = null, met: boolean | null = null) => ({ value, threshold, met });

/** A Partner School's current year, and what a Talent Base asks (seeded defaults). */
const row = {
  id: '32-1', schoolId: 41, schoolName: '黑龙江农业经济职业学院', regionId: 7, agreementId: 32, tier: 'partner_school', year: 1,
  from: '2026-01-25', to: '2027-01-25', asOf: '2026-11-25', current: true, compliant: true, failingKpis: [],
  kpis: {
    certifiedInstructors: kpi(1), teachingDelivery: kpi(0.9), offlineCourses: kpi(0), practiceHours: kpi(12.5),
    certificates1x: kpi(4), certificatesOperator: kpi(20), jobPlatformRate: kpi(null), jobFairs: kpi(0),
  },
  projection: null,
};
const thisYear = Number(todayInChina().slice(0, 4));
const talentBase = {
  id: 2, tier: 'talent_base', effectiveYear: thisYear - 1, version: 1, updatedAt: '2025-01-01T00:00:00Z', updatedBy: null,
  requiresSigning: true, requiresPlaque: false, requiresInspection: true,
  certifiedInstructors: 3, teachingDelivery: 1, offlineCourses: null, offlineCourseMinHours: 32, practiceHours: null,
  certificates1x: 40, certificatesOperator: 60, jobPlatformRate: 0.95, activeResumeCompleteness: 80, activeMinApplications: 1, jobFairs: 1, termYears: 3,
};

describe('the upgrade advisor', () => {
  it('follows the tier order partner_school → pilot_1x → talent_base → industry_college', () => {
    expect(tierAbove('partner_school')).toBe('pilot_1x');
    expect(tierAbove('pilot_1x')).toBe('talent_base');
    expect(tierAbove('talent_base')).toBe('industry_college');
    expect(tierAbove('industry_college')).toBeNull();
  });

  it('measures each gap in the unit a person reads', () => {
    expect(shortfall('certifiedInstructors', 1, 3)).toBe(2);
    expect(shortfall('certifiedInstructors', 5, 3)).toBe(0);
    expect(shortfall('jobPlatformRate', 0.9, 0.95)).toBe(5);
    expect(shortfall('teachingDelivery', 0.953, 1)).toBe(4.7);
    expect(shortfall('practiceHours', 120.35, 160)).toBe(39.7);
    expect(shortfall('certificates1x', 0, 40)).toBe(40);
  });

  it('lists the tier above\'s thresholds, the certificates as one either-or rule, and skips what that tier does not ask', () => {
    const gaps = upgradeGaps(row, talentBase);
    expect(gaps.map((g) => g.key)).toEqual(['certifiedInstructors', 'teachingDelivery', 'certificates', 'jobPlatformRate', 'jobFairs']);
    expect(gaps.find((g) => g.key === 'certifiedInstructors')).toMatchObject({ met: false, gap: 2 });
    expect(gaps.find((g) => g.key === 'teachingDelivery')).toMatchObject({ met: false, gap: 10 });
    expect(gaps.find((g) => g.key === 'certificates')).toMatchObject({ met: false, gap: 36, alt: { gap: 40 } });
    expect(gaps.find((g) => g.key === 'jobPlatformRate')).toMatchObject({ met: null });
    expect(gaps.find((g) => g.key === 'jobFairs')).toMatchObject({ met: false, gap: 1 });
    // Either certificate count at its threshold meets the rule.
    const enoughOperators = upgradeGaps({ kpis: { ...row.kpis, certificatesOperator: kpi(61) } }, talentBase);
    expect(enoughOperators.find((g) => g.key === 'certificates')).toMatchObject({ met: true });
  });

  it('shows a school how far it is from the next tier, in words', async () => {
    const pilot = { ...row, tier: 'pilot_1x' };
    server.use(listHandler('compliance', [pilot as never]), listHandler('tier-policies', [talentBase, { ...talentBase, id: 9, effectiveYear: thisYear + 1, certifiedInstructors: 30 }]));
    render(
      <AdminContext dataProvider={createDataProvider(API)} i18nProvider={i18nProvider} store={memoryStore()}>
        <UpgradeAdvisor />
      </AdminContext>,
    );
    const advisor = await screen.findByTestId('upgrade-advisor');
    // The tier above a 1+X Pilot School is the Talent Base, with the policy in force this year (not next year's).
    expect(within(advisor).getByText('升级参谋：距离人才基地')).toBeInTheDocument();
    const gaps = within(advisor).getAllByTestId('upgrade-gap').map((g) => g.textContent);
    expect(gaps).toEqual([
      '还需 2 名1+X认证讲师',
      '教学完成率还需提高 10 个百分点',
      '本年度还需 +36 名1+X获证学生，或 +40 名操盘官获证学生',
      '暂无可计算的数据',
      '本年度还需举办 1 场招聘会',
    ]);
    expect(within(advisor).getByText('已满足 0 / 5 项')).toBeInTheDocument();
    expect(within(advisor).getAllByRole('link', { name: '补录数据' })[0]).toHaveAttribute('href', '#/instructors');
  });

  it('says nothing to a school at the top tier', async () => {
    let asked = false;
    server.use(listHandler('compliance', [{ ...row, tier: 'industry_college' } as never], () => { asked = true; }), listHandler('tier-policies', [talentBase]));
    const queryClient = testQueryClient();
    render(
      <AdminContext dataProvider={createDataProvider(API)} i18nProvider={i18nProvider} store={memoryStore()} queryClient={queryClient}>
        <UpgradeAdvisor />
        <span>ready</span>
      </AdminContext>,
    );
    expect(await screen.findByText('ready')).toBeInTheDocument();
    await readsSettled(queryClient, () => asked);
    expect(screen.queryByTestId('upgrade-advisor')).not.toBeInTheDocument();
  });
});
