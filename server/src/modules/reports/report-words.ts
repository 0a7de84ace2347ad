import type { KpiName } from '@campus/common';
import { catalogues, type Locale } from '../../lib/messages/catalogue.js';

/** The words of the report's files (.xlsx headers, the PDF's page), in Chinese and English. */
const words = {
  zh: {
    title: (year: number) => `${year} 年度校企合作项目报告`,
    fileName: (year: number) => `年度项目报告-${year}`,
    subtitle: (from: string, to: string, asOf: string, running: boolean) => `统计范围 ${from} 至 ${to}（不含）；协议年度按其开始日期所在的年份计入${running ? `；本年尚未结束，数据截至 ${asOf}` : ''}。`,
    scope: (names: string) => `大区：${names}`,
    total: '合计',
    none: '无合作层次',
    region: '大区', tier: '层次', status: '状态',
    tables: {
      agreements: '合作协议状态', compliance: '达标情况', certificates: '证书', sessions: '考试场次', candidates: '考生（按大区）',
      jobPlatform: '就业平台注册', decisions: '整改与评审决定',
    },
    cols: {
      agreements: '协议数', schools: '院校数', rows: '协议年度数', compliant: '达标', rate: '达标率',
      verified1x: '1+X 已核验', claimed1x: '1+X 自报', verifiedOperator: '操盘官 已核验', claimedOperator: '操盘官 自报',
      session: '场次', kind: '证书', sessionType: '类型', examOn: '考试日期', candidates: '考生', sat: '参考', passed: '通过', absent: '缺考', passRate: '通过率',
      certifiedStudents: '获证学生', activeRegistered: '注册且活跃', activeRate: '活跃率',
      rectificationsOpened: '整改开始', rectificationsClosed: '整改结束', renewals: '续约', upgrades: '升级', terminations: '终止', nonRenewals: '不续约',
    },
    failing: (kpi: string) => `未达标：${kpi}`,
    charts: {
      complianceRate: '各大区达标率', failingKpis: '未达标指标（协议年度数）', certificates: '各大区证书（已核验与自报）',
      passRate: '各场次通过率', decisions: '整改与评审决定',
      verified: '已核验', claimed: '自报', value: '数值',
    },
    chartSheet: (title: string) => `图-${title}`,
    kpi: {
      certifiedInstructors: '1+X认证讲师', teachingDelivery: '教学完成率', offlineCourses: '线下课程', practiceHours: '人均实战时长',
      certificates1x: '1+X证书人数', certificatesOperator: '操盘官证书人数', jobPlatformRate: '就业平台活跃率', jobFairs: '招聘会',
    } satisfies Record<KpiName, string>,
    kind: { '1x_junior': '1+X 初级', '1x_intermediate': '1+X 中级', '1x_senior': '1+X 高级', operator: '操盘官' } as Record<string, string>,
    sessionType: { unified: '统考', site: '考点场次' } as Record<string, string>,
    empty: '（无）',
  },
  en: {
    title: (year: number) => `Programme report ${year}`,
    fileName: (year: number) => `programme-report-${year}`,
    subtitle: (from: string, to: string, asOf: string, running: boolean) => `From ${from} to ${to} (exclusive); an agreement year counts in the year it begins${running ? `; the year is not over: figures as of ${asOf}` : ''}.`,
    scope: (names: string) => `Regions: ${names}`,
    total: 'Total',
    none: 'No partnership',
    region: 'Region', tier: 'Tier', status: 'State',
    tables: {
      agreements: 'Agreements by state', compliance: 'Compliance', certificates: 'Certificates', sessions: 'Exam sessions', candidates: 'Candidates by region',
      jobPlatform: 'Job-platform registration', decisions: 'Rectifications and decisions',
    },
    cols: {
      agreements: 'Agreements', schools: 'Schools', rows: 'Agreement years', compliant: 'Compliant', rate: 'Compliance rate',
      verified1x: '1+X verified', claimed1x: '1+X claimed', verifiedOperator: 'Operator verified', claimedOperator: 'Operator claimed',
      session: 'Session', kind: 'Certificate', sessionType: 'Type', examOn: 'Exam date', candidates: 'Candidates', sat: 'Sat', passed: 'Passed', absent: 'Absent', passRate: 'Pass rate',
      certifiedStudents: 'Certified students', activeRegistered: 'Registered and active', activeRate: 'Active rate',
      rectificationsOpened: 'Rectifications opened', rectificationsClosed: 'Rectifications closed', renewals: 'Renewals', upgrades: 'Upgrades', terminations: 'Terminations', nonRenewals: 'Not renewed',
    },
    failing: (kpi: string) => `Failing: ${kpi}`,
    charts: {
      complianceRate: 'Compliance rate by region', failingKpis: 'Failing KPIs (agreement years)', certificates: 'Certificates by region, verified and claimed',
      passRate: 'Pass rate by session', decisions: 'Rectifications and decisions',
      verified: 'Verified', claimed: 'Claimed', value: 'Value',
    },
    chartSheet: (title: string) => `Chart - ${title}`,
    kpi: {
      certifiedInstructors: '1+X certified instructors', teachingDelivery: 'Teaching delivery', offlineCourses: 'Offline courses', practiceHours: 'Practice hours per student',
      certificates1x: '1+X certificates', certificatesOperator: 'Operator certificates', jobPlatformRate: 'Job platform activity', jobFairs: 'Job fairs',
    } satisfies Record<KpiName, string>,
    kind: { '1x_junior': '1+X junior', '1x_intermediate': '1+X intermediate', '1x_senior': '1+X senior', operator: 'Operator' } as Record<string, string>,
    sessionType: { unified: 'Unified exam', site: 'Site session' } as Record<string, string>,
    empty: '(none)',
  },
};

export type ReportWords = (typeof words)['zh'];

export const reportWords = (locale: Locale): ReportWords => words[locale];

/** A tier's or a state's name from the server's message catalogue (the same words as the error messages use). */
export function termOf(locale: Locale, kind: 'tier' | 'state', value: string): string {
  if (kind === 'tier' && value === 'none') return words[locale].none;
  return catalogues[locale].terms[kind]?.[value] ?? value;
}
