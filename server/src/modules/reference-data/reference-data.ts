import { inArray, isNull, and } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { courses, regions, tierPolicies, type Tier } from '../../db/schema/index.js';
import { tierPolicyDefaults } from '@campus/common';

/**
 * Reference data every installation needs: the regions, the default tier policies and the official
 * catalogue. Idempotent: it inserts only what is missing, so it runs at every start. Everything here
 * is data HQ can edit afterwards (DOMAIN.md: thresholds are never constants in code).
 */

export type RegionCode = 'east' | 'south' | 'north' | 'central' | 'southwest' | 'northwest' | 'northeast';

/** The usual Chinese 大区 split of the provinces (province names without 省/市/自治区). */
export const REGIONS: { code: RegionCode; nameZh: string; nameEn: string; provinces: string[] }[] = [
  { code: 'east', nameZh: '华东', nameEn: 'East China', provinces: ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东'] },
  { code: 'south', nameZh: '华南', nameEn: 'South China', provinces: ['广东', '广西', '海南'] },
  { code: 'north', nameZh: '华北', nameEn: 'North China', provinces: ['北京', '天津', '河北', '山西', '内蒙古'] },
  { code: 'central', nameZh: '华中', nameEn: 'Central China', provinces: ['河南', '湖北', '湖南'] },
  { code: 'southwest', nameZh: '西南', nameEn: 'Southwest China', provinces: ['重庆', '四川', '贵州', '云南', '西藏'] },
  { code: 'northwest', nameZh: '西北', nameEn: 'Northwest China', provinces: ['陕西', '甘肃', '青海', '宁夏', '新疆'] },
  { code: 'northeast', nameZh: '东北', nameEn: 'Northeast China', provinces: ['辽宁', '吉林', '黑龙江'] },
];

export const POLICY_EFFECTIVE_YEAR = 2020;

/** DOMAIN.md "Thresholds per tier"; null is "none" for the tier. */
export const TIER_POLICIES: (typeof tierPolicies.$inferInsert & { tier: Tier })[] = [
  {
    tier: 'industry_college', effectiveYear: POLICY_EFFECTIVE_YEAR, ...tierPolicyDefaults,
    certifiedInstructors: 4, teachingDelivery: 1.0, offlineCourses: 2, practiceHours: 160,
    certificates1x: 200, certificatesOperator: 280, jobPlatformRate: 0.95, jobFairs: 1,
    termYears: 3, requiresSigning: true, requiresPlaque: true, requiresInspection: true,
  },
  {
    tier: 'talent_base', effectiveYear: POLICY_EFFECTIVE_YEAR, ...tierPolicyDefaults,
    certifiedInstructors: 3, teachingDelivery: 1.0, offlineCourses: null, practiceHours: null,
    certificates1x: 40, certificatesOperator: 60, jobPlatformRate: 0.95, jobFairs: 1,
    termYears: 3, requiresSigning: true, requiresPlaque: false, requiresInspection: true,
  },
  {
    tier: 'pilot_1x', effectiveYear: POLICY_EFFECTIVE_YEAR, ...tierPolicyDefaults,
    certifiedInstructors: 2, teachingDelivery: null, offlineCourses: null, practiceHours: null,
    certificates1x: null, certificatesOperator: null, jobPlatformRate: null, jobFairs: null,
    termYears: 1, requiresSigning: false, requiresPlaque: false, requiresInspection: false,
  },
  {
    tier: 'partner_school', effectiveYear: POLICY_EFFECTIVE_YEAR, ...tierPolicyDefaults,
    certifiedInstructors: null, teachingDelivery: null, offlineCourses: null, practiceHours: null,
    certificates1x: null, certificatesOperator: null, jobPlatformRate: null, jobFairs: null,
    termYears: 1, requiresSigning: false, requiresPlaque: false, requiresInspection: false,
  },
];

export type CatalogueCourse = Omit<typeof courses.$inferInsert, 'code'> & { code: string };

/**
 * The official catalogue (schoolId null). The textbooks and their hours are the table of deck
 * section 4.4 (the senior SEO textbook has no separate practice hours there). The deck gives no
 * hours for the online series and the platform training: those below are assumed, the 1+X series
 * taking the intermediate textbooks' online hours (12 + 12) and the platform training the 48 hours
 * of the deck's 综合运营实训 course.
 */
export const CATALOGUE: CatalogueCourse[] = [
  { code: 'TXT-1X-J1', kind: 'official_textbook', title: '跨境电商B2B店铺运营实战', level: 'junior', chapters: 10, classHours: 32, practiceHours: 32, onlineHours: 16 },
  { code: 'TXT-1X-J2', kind: 'official_textbook', title: '跨境电商视觉设计与营销', level: 'junior', chapters: 10, classHours: 32, practiceHours: 32, onlineHours: 14 },
  { code: 'TXT-1X-I1', kind: 'official_textbook', title: '跨境电商B2B店铺数据运营', level: 'intermediate', chapters: 9, classHours: 32, practiceHours: 32, onlineHours: 12 },
  { code: 'TXT-1X-I2', kind: 'official_textbook', title: '海外社会化媒体营销', level: 'intermediate', chapters: 10, classHours: 32, practiceHours: 32, onlineHours: 12 },
  { code: 'TXT-1X-S1', kind: 'official_textbook', title: '跨境电商营销策划', level: 'senior', chapters: 12, classHours: 32, practiceHours: 32, onlineHours: 15 },
  { code: 'TXT-1X-S2', kind: 'official_textbook', title: '海外客户的开发与管理', level: 'senior', chapters: 11, classHours: 32, practiceHours: 32, onlineHours: 14 },
  { code: 'TXT-1X-S3', kind: 'official_textbook', title: '国际搜索引擎优化与营销', level: 'senior', chapters: 7, classHours: 32, practiceHours: null, onlineHours: 9 },
  { code: 'ONL-1X-INTERMEDIATE', kind: 'official_online', title: '1+X职业等级认证官方课：中级配套线上系列课', level: 'intermediate', chapters: 8, classHours: 24, practiceHours: null, onlineHours: 24 },
  { code: 'ONL-OPERATOR', kind: 'official_online', title: '国际站操盘官认证官方课', level: 'junior', chapters: 4, classHours: 12, practiceHours: null, onlineHours: 12 },
  { code: 'ONL-DATA-ADVISOR', kind: 'official_online', title: '数据参谋能力认证官方课（数据管家行业版启航指南）', level: null, chapters: 2, classHours: 6, practiceHours: null, onlineHours: 6 },
  { code: 'ONL-GOLD-OPERATOR', kind: 'official_online', title: '金品诚企权益应用认证官方课', level: null, chapters: 8, classHours: 8, practiceHours: null, onlineHours: 8 },
  { code: 'ONL-CRM-XIAOMAN', kind: 'official_online', title: '外贸CRM（小满）应用能力认证官方课', level: null, chapters: 4, classHours: 6, practiceHours: null, onlineHours: 6 },
  { code: 'ONL-LIVE-HOST', kind: 'official_online', title: '主播能力认证官方课（国际站直播SOP）', level: null, chapters: 3, classHours: 6, practiceHours: null, onlineHours: 6 },
  { code: 'PLT-B2B-SIM', kind: 'platform_training', title: '阿里巴巴国际站实训模拟软件（跨境电商B2B实训平台）', level: null, chapters: null, classHours: 48, practiceHours: 48, onlineHours: null },
];

export async function seedReferenceData(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(regions)
      .values(REGIONS.map((r, i) => ({ ...r, sortOrder: i + 1 })))
      .onConflictDoNothing({ target: regions.code });
    await tx.insert(tierPolicies).values(TIER_POLICIES)
      .onConflictDoNothing({ target: [tierPolicies.tier, tierPolicies.effectiveYear] });
    // courses.code has no unique constraint (schools' own courses may repeat codes): look up first.
    const present = await tx.select({ code: courses.code }).from(courses)
      .where(and(isNull(courses.schoolId), inArray(courses.code, CATALOGUE.map((c) => c.code))));
    const known = new Set(present.map((c) => c.code));
    const missing = CATALOGUE.filter((c) => !known.has(c.code));
    if (missing.length > 0) await tx.insert(courses).values(missing.map((c) => ({ ...c, schoolId: null })));
  });
}
