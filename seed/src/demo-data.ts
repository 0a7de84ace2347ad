import type { AgreementState, ApplicationState, Tier } from '@campus/server/db/schema/index.js';
import type { KpiName } from './kpi.js';
import type { RegionCode } from '@campus/server/modules/reference-data/reference-data.js';

/**
 * The demo world, as data: schools with their partnership stories, providers and users. demo.ts
 * turns this into rows, with dates counted back from today and the rest drawn from a seeded PRNG.
 */

export type ProviderKey = 'P1' | 'P2' | 'P3';

export interface AgreementSpec {
  tier: Tier;
  status: AgreementState;
  /** Months before today: when it became active, or (for pending ones) when HQ approved it. */
  monthsAgo: number;
  /** For terminated agreements: months before today when HQ terminated it. */
  endedMonthsAgo?: number;
  /**
   * Move the start (keeping monthsAgo's whole years) so that the current agreement year contains
   * the latest graduation day (30 June): teaching delivery only has a value in a year with graduates.
   */
  anchorOnGraduation?: boolean;
}

export type ApplicationStory =
  | 'draft' | 'pending_regional' | 'pending_hq' | 'regional_return' | 'hq_return' | 'resubmit_then_hq_return'
  | 'regional_reject' | 'hq_reject' | 'withdraw';

export interface ApplicationSpec {
  tier: Tier;
  story: ApplicationStory;
  /** Months (may be fractional) before today of the last step. */
  monthsAgo: number;
  /** An upgrade of the school's live agreement. */
  upgrade?: boolean;
}

export interface FactSpec {
  cohortSize: number;
  /** Full-year targets of distinct students certified. */
  certificates1x: number;
  certificatesOperator: number;
  /** Practice hours per student per agreement year, [min, max]; null: none recorded. */
  practice: [number, number] | null;
  /** The KPI this school is meant to fail in its current agreement year (see demo.ts). */
  fails?: KpiName | 'certificates';
  /**
   * The KPI this school failed in its latest ended agreement year, a year HQ has not opened the
   * evaluation of yet: the work waiting for HQ's next evaluation round.
   */
  failedLastYear?: 'practiceHours';
}

export interface SchoolSpec {
  key: string;
  name: string;
  nameEn: string;
  region: RegionCode;
  province: string;
  city: string;
  kind: 'university' | 'vocational';
  /** Local part of the school administrator's demo e-mail. */
  login: string;
  /** Agreements in the order they were made (a renewed one precedes its renewal). */
  agreements?: AgreementSpec[];
  /** Applications that did not become agreements, oldest first (at most one still in flight). */
  applications?: ApplicationSpec[];
  facts?: FactSpec;
  provider?: ProviderKey;
}

/*
 * Which school fails which KPI in its current agreement year (everything else about them is
 * compliant), so that every KPI screen has a red cell:
 *   certifiedInstructors  天津职业大学 (talent base: an instructor's 1+X certification lapsed, 2 of 3)
 *   teachingDelivery      重庆城市管理职业学院 (talent base: some of this year's graduates skipped the platform training)
 *   offlineCourses        广东轻工职业技术大学 (industry college: one 32-hour offline course this year)
 *   practiceHours         南京工业职业技术大学 (industry college under rectification: about 90 h per student)
 *   certificates          武汉职业技术学院 (talent base: under both 40 1+X and 60 Operator)
 *   jobPlatformRate       义乌工商职业技术学院 (talent base: a fifth of the certified students inactive)
 *   jobFairs              山东商业职业技术学院 (talent base: no job fair yet this year)
 * 成都职业技术学院 (industry college) is compliant this year but fell short of practice hours in its
 * first year, which ended a few months ago and which HQ has not evaluated yet.
 * 河北对外经贸职业学院's talent base was terminated after a poor second year.
 */
export const SCHOOLS: SchoolSpec[] = [
  // East China
  {
    key: 'zjfc', name: '浙江金融职业学院', nameEn: 'Zhejiang Financial College', region: 'east', province: '浙江', city: '杭州', kind: 'vocational', login: 'school',
    agreements: [{ tier: 'industry_college', status: 'active', monthsAgo: 28 }],
    facts: { cohortSize: 140, certificates1x: 230, certificatesOperator: 170, practice: [168, 200] }, provider: 'P1',
  },
  {
    key: 'ywu', name: '义乌工商职业技术学院', nameEn: 'Yiwu Industrial & Commercial College', region: 'east', province: '浙江', city: '金华', kind: 'vocational', login: 'ywu',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 22 }],
    facts: { cohortSize: 80, certificates1x: 52, certificatesOperator: 72, practice: [8, 24], fails: 'jobPlatformRate' }, provider: 'P3',
  },
  {
    key: 'nbpt', name: '宁波职业技术学院', nameEn: 'Ningbo Polytechnic', region: 'east', province: '浙江', city: '宁波', kind: 'vocational', login: 'nbpt',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 32 }],
    applications: [{ tier: 'industry_college', story: 'pending_hq', monthsAgo: 0.4, upgrade: true }],
    facts: { cohortSize: 85, certificates1x: 55, certificatesOperator: 75, practice: [12, 24] }, provider: 'P3',
  },
  {
    key: 'niit', name: '南京工业职业技术大学', nameEn: 'Nanjing Vocational University of Industry Technology', region: 'east', province: '江苏', city: '南京', kind: 'vocational', login: 'niit',
    agreements: [{ tier: 'industry_college', status: 'rectifying', monthsAgo: 14 }],
    facts: { cohortSize: 135, certificates1x: 225, certificatesOperator: 150, practice: [70, 110], fails: 'practiceHours' }, provider: 'P3',
  },
  {
    key: 'sdbi', name: '山东商业职业技术学院', nameEn: 'Shandong Institute of Commerce and Technology', region: 'east', province: '山东', city: '济南', kind: 'vocational', login: 'sdbi',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 18 }],
    facts: { cohortSize: 75, certificates1x: 50, certificatesOperator: 70, practice: [8, 24], fails: 'jobFairs' }, provider: 'P3',
  },
  {
    key: 'szjm', name: '苏州经贸职业技术学院', nameEn: 'Suzhou Institute of Trade & Commerce', region: 'east', province: '江苏', city: '苏州', kind: 'vocational', login: 'szjm',
    agreements: [
      { tier: 'pilot_1x', status: 'renewed', monthsAgo: 20 },
      { tier: 'pilot_1x', status: 'active', monthsAgo: 8 },
    ],
    applications: [{ tier: 'talent_base', story: 'pending_regional', monthsAgo: 0.2, upgrade: true }],
    facts: { cohortSize: 45, certificates1x: 35, certificatesOperator: 25, practice: null },
  },
  {
    key: 'zjbc', name: '浙江商业职业技术学院', nameEn: 'Zhejiang Business College', region: 'east', province: '浙江', city: '杭州', kind: 'vocational', login: 'zjbc',
    agreements: [{ tier: 'industry_college', status: 'pending_plaque', monthsAgo: 3 }],
  },
  {
    key: 'wxic', name: '无锡商业职业技术学院', nameEn: 'Wuxi Vocational Institute of Commerce', region: 'east', province: '江苏', city: '无锡', kind: 'vocational', login: 'wxic',
    applications: [{ tier: 'talent_base', story: 'pending_regional', monthsAgo: 0.1 }],
  },
  {
    key: 'hzvtc', name: '杭州职业技术学院', nameEn: 'Hangzhou Vocational & Technical College', region: 'east', province: '浙江', city: '杭州', kind: 'vocational', login: 'hzvtc',
    applications: [{ tier: 'pilot_1x', story: 'pending_regional', monthsAgo: 0.5 }],
  },
  {
    key: 'qdtc', name: '青岛职业技术学院', nameEn: 'Qingdao Technical College', region: 'east', province: '山东', city: '青岛', kind: 'vocational', login: 'qdtc',
    applications: [{ tier: 'talent_base', story: 'pending_hq', monthsAgo: 0.3 }],
  },
  {
    key: 'suibe', name: '上海对外经贸大学', nameEn: 'Shanghai University of International Business and Economics', region: 'east', province: '上海', city: '上海', kind: 'university', login: 'suibe',
    applications: [{ tier: 'industry_college', story: 'pending_hq', monthsAgo: 0.7 }],
  },
  {
    key: 'fjcz', name: '福建船政交通职业学院', nameEn: 'Fujian Chuanzheng Communications College', region: 'east', province: '福建', city: '福州', kind: 'vocational', login: 'fjcz',
    applications: [{ tier: 'talent_base', story: 'regional_return', monthsAgo: 0.3 }],
  },
  {
    key: 'qzjm', name: '泉州经贸职业技术学院', nameEn: 'Quanzhou Vocational College of Economics and Business', region: 'east', province: '福建', city: '泉州', kind: 'vocational', login: 'qzjm',
    applications: [{ tier: 'pilot_1x', story: 'hq_return', monthsAgo: 0.5 }],
  },
  {
    key: 'ahbc', name: '安徽商贸职业技术学院', nameEn: 'Anhui Business College', region: 'east', province: '安徽', city: '芜湖', kind: 'vocational', login: 'ahbc',
    applications: [{ tier: 'industry_college', story: 'resubmit_then_hq_return', monthsAgo: 0.2 }],
  },
  {
    key: 'jxfl', name: '江西外语外贸职业学院', nameEn: 'Jiangxi College of Foreign Studies', region: 'east', province: '江西', city: '南昌', kind: 'vocational', login: 'jxfl',
    applications: [
      { tier: 'talent_base', story: 'regional_reject', monthsAgo: 14 },
      { tier: 'pilot_1x', story: 'draft', monthsAgo: 0.1 },
    ],
  },
  {
    key: 'jhc', name: '金华职业技术大学', nameEn: 'Jinhua University of Vocational Technology', region: 'east', province: '浙江', city: '金华', kind: 'vocational', login: 'jhc',
    agreements: [
      { tier: 'pilot_1x', status: 'expired', monthsAgo: 26 },
      { tier: 'partner_school', status: 'active', monthsAgo: 11 },
    ],
    facts: { cohortSize: 40, certificates1x: 8, certificatesOperator: 28, practice: null },
  },
  {
    key: 'wzpt', name: '温州职业技术学院', nameEn: 'Wenzhou Polytechnic', region: 'east', province: '浙江', city: '温州', kind: 'vocational', login: 'wzpt',
    applications: [{ tier: 'pilot_1x', story: 'withdraw', monthsAgo: 4 }],
  },
  {
    key: 'zjgsu', name: '浙江工商大学', nameEn: 'Zhejiang Gongshang University', region: 'east', province: '浙江', city: '杭州', kind: 'university', login: 'zjgsu',
    agreements: [{ tier: 'pilot_1x', status: 'active', monthsAgo: 5 }],
    facts: { cohortSize: 40, certificates1x: 30, certificatesOperator: 20, practice: null },
  },
  // South China
  {
    key: 'szpu', name: '深圳职业技术大学', nameEn: 'Shenzhen Polytechnic University', region: 'south', province: '广东', city: '深圳', kind: 'vocational', login: 'szpu',
    agreements: [{ tier: 'industry_college', status: 'active', monthsAgo: 35 }],
    facts: { cohortSize: 145, certificates1x: 225, certificatesOperator: 240, practice: [166, 198] }, provider: 'P2',
  },
  {
    key: 'gdip', name: '广东轻工职业技术大学', nameEn: 'Guangdong Industry Polytechnic University', region: 'south', province: '广东', city: '广州', kind: 'vocational', login: 'gdip',
    agreements: [{ tier: 'industry_college', status: 'active', monthsAgo: 20 }],
    facts: { cohortSize: 140, certificates1x: 225, certificatesOperator: 150, practice: [166, 196], fails: 'offlineCourses' }, provider: 'P2',
  },
  {
    key: 'gzpyp', name: '广州番禺职业技术学院', nameEn: 'Guangzhou Panyu Polytechnic', region: 'south', province: '广东', city: '广州', kind: 'vocational', login: 'school2',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 30 }],
    facts: { cohortSize: 85, certificates1x: 56, certificatesOperator: 78, practice: [12, 24] }, provider: 'P2',
  },
  {
    key: 'gdufs', name: '广东外语外贸大学', nameEn: 'Guangdong University of Foreign Studies', region: 'south', province: '广东', city: '广州', kind: 'university', login: 'gdufs',
    agreements: [{ tier: 'talent_base', status: 'pending_signing', monthsAgo: 1 }],
  },
  {
    key: 'gdit', name: '广东科学技术职业学院', nameEn: 'Guangdong Institute of Science and Technology', region: 'south', province: '广东', city: '珠海', kind: 'vocational', login: 'gdit',
    agreements: [
      { tier: 'pilot_1x', status: 'renewed', monthsAgo: 22 },
      { tier: 'pilot_1x', status: 'active', monthsAgo: 10 },
    ],
    facts: { cohortSize: 45, certificates1x: 36, certificatesOperator: 22, practice: null },
  },
  {
    key: 'gxibvc', name: '广西国际商务职业技术学院', nameEn: 'Guangxi International Business Vocational College', region: 'south', province: '广西', city: '南宁', kind: 'vocational', login: 'gxibvc',
    applications: [{ tier: 'talent_base', story: 'pending_regional', monthsAgo: 0.4 }],
  },
  {
    key: 'hncb', name: '海南经贸职业技术学院', nameEn: 'Hainan College of Economics and Business', region: 'south', province: '海南', city: '海口', kind: 'vocational', login: 'hncb',
    agreements: [{ tier: 'partner_school', status: 'active', monthsAgo: 6 }],
    facts: { cohortSize: 30, certificates1x: 4, certificatesOperator: 22, practice: null },
  },
  {
    key: 'sdpt', name: '顺德职业技术学院', nameEn: 'Shunde Polytechnic', region: 'south', province: '广东', city: '佛山', kind: 'vocational', login: 'sdpt',
    applications: [{ tier: 'industry_college', story: 'hq_reject', monthsAgo: 5 }],
  },
  {
    key: 'dgpt', name: '东莞职业技术学院', nameEn: 'Dongguan Polytechnic', region: 'south', province: '广东', city: '东莞', kind: 'vocational', login: 'dgpt',
    agreements: [{ tier: 'industry_college', status: 'pending_inspection', monthsAgo: 5 }],
    provider: 'P2',
  },
  // North China
  {
    key: 'bjczy', name: '北京财贸职业学院', nameEn: 'Beijing College of Finance and Commerce', region: 'north', province: '北京', city: '北京', kind: 'vocational', login: 'bjczy',
    agreements: [
      { tier: 'pilot_1x', status: 'renewed', monthsAgo: 31 },
      { tier: 'pilot_1x', status: 'renewed', monthsAgo: 19 },
      { tier: 'pilot_1x', status: 'active', monthsAgo: 7 },
    ],
    facts: { cohortSize: 40, certificates1x: 32, certificatesOperator: 20, practice: null },
  },
  {
    key: 'tjtc', name: '天津职业大学', nameEn: 'Tianjin Vocational Institute', region: 'north', province: '天津', city: '天津', kind: 'vocational', login: 'tjtc',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 15 }],
    facts: { cohortSize: 70, certificates1x: 50, certificatesOperator: 70, practice: null, fails: 'certifiedInstructors' },
  },
  {
    key: 'hbftc', name: '河北对外经贸职业学院', nameEn: 'Hebei Foreign Trade and Business College', region: 'north', province: '河北', city: '秦皇岛', kind: 'vocational', login: 'hbftc',
    agreements: [{ tier: 'talent_base', status: 'terminated', monthsAgo: 27, endedMonthsAgo: 2 }],
    facts: { cohortSize: 50, certificates1x: 30, certificatesOperator: 40, practice: null },
  },
  {
    key: 'sjzpt', name: '石家庄职业技术学院', nameEn: 'Shijiazhuang Vocational Technology Institute', region: 'north', province: '河北', city: '石家庄', kind: 'vocational', login: 'sjzpt',
    applications: [{ tier: 'pilot_1x', story: 'draft', monthsAgo: 0.3 }],
  },
  // Central China
  {
    key: 'whvcse', name: '武汉职业技术学院', nameEn: 'Wuhan Polytechnic', region: 'central', province: '湖北', city: '武汉', kind: 'vocational', login: 'whpt',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 21 }],
    facts: { cohortSize: 60, certificates1x: 48, certificatesOperator: 68, practice: null, fails: 'certificates' },
  },
  {
    key: 'hnwm', name: '湖南外贸职业学院', nameEn: 'Hunan Foreign Economic Relations & Trade College', region: 'central', province: '湖南', city: '长沙', kind: 'vocational', login: 'hnwm',
    agreements: [{ tier: 'pilot_1x', status: 'active', monthsAgo: 3 }],
    facts: { cohortSize: 40, certificates1x: 30, certificatesOperator: 18, practice: null },
  },
  {
    key: 'hnjm', name: '河南经贸职业学院', nameEn: 'Henan Economy and Trade Vocational College', region: 'central', province: '河南', city: '郑州', kind: 'vocational', login: 'hnjm',
    applications: [{ tier: 'talent_base', story: 'pending_hq', monthsAgo: 0.6 }],
  },
  {
    key: 'csmz', name: '长沙民政职业技术学院', nameEn: 'Changsha Social Work College', region: 'central', province: '湖南', city: '长沙', kind: 'vocational', login: 'csmz',
  },
  // Southwest
  {
    key: 'cqcm', name: '重庆城市管理职业学院', nameEn: 'Chongqing City Management College', region: 'southwest', province: '重庆', city: '重庆', kind: 'vocational', login: 'cqcm',
    agreements: [{ tier: 'talent_base', status: 'active', monthsAgo: 23.5, anchorOnGraduation: true }],
    facts: { cohortSize: 70, certificates1x: 50, certificatesOperator: 70, practice: null, fails: 'teachingDelivery' },
  },
  {
    key: 'cdp', name: '成都职业技术学院', nameEn: 'Chengdu Vocational & Technical College', region: 'southwest', province: '四川', city: '成都', kind: 'vocational', login: 'cdp',
    agreements: [{ tier: 'industry_college', status: 'active', monthsAgo: 16 }],
    facts: { cohortSize: 130, certificates1x: 220, certificatesOperator: 150, practice: [166, 196], failedLastYear: 'practiceHours' }, provider: 'P2',
  },
  {
    key: 'scsw', name: '四川商务职业学院', nameEn: 'Sichuan Commerce and Trade College', region: 'southwest', province: '四川', city: '成都', kind: 'vocational', login: 'scsw',
    agreements: [
      { tier: 'partner_school', status: 'renewed', monthsAgo: 16 },
      { tier: 'partner_school', status: 'active', monthsAgo: 4 },
    ],
    facts: { cohortSize: 30, certificates1x: 5, certificatesOperator: 24, practice: null },
  },
  {
    key: 'cqcfe', name: '重庆对外经贸学院', nameEn: 'Chongqing College of International Business and Economics', region: 'southwest', province: '重庆', city: '重庆', kind: 'university', login: 'cqcfe',
    applications: [{ tier: 'pilot_1x', story: 'regional_return', monthsAgo: 0.4 }],
  },
  // Northwest
  {
    key: 'sxpi', name: '陕西职业技术学院', nameEn: 'Shaanxi Vocational & Technical College', region: 'northwest', province: '陕西', city: '西安', kind: 'vocational', login: 'sxpi',
    agreements: [
      { tier: 'pilot_1x', status: 'renewed', monthsAgo: 21 },
      { tier: 'pilot_1x', status: 'active', monthsAgo: 9 },
    ],
    facts: { cohortSize: 40, certificates1x: 30, certificatesOperator: 18, practice: null },
  },
  {
    key: 'gsft', name: '甘肃财贸职业学院', nameEn: 'Gansu Finance and Trade Vocational College', region: 'northwest', province: '甘肃', city: '兰州', kind: 'vocational', login: 'gsft',
    applications: [{ tier: 'talent_base', story: 'withdraw', monthsAgo: 7 }],
  },
  // Northeast
  {
    key: 'hljae', name: '黑龙江农业经济职业学院', nameEn: 'Heilongjiang Agricultural Economy Vocational College', region: 'northeast', province: '黑龙江', city: '牡丹江', kind: 'vocational', login: 'hljae',
    agreements: [{ tier: 'partner_school', status: 'active', monthsAgo: 10 }],
    facts: { cohortSize: 30, certificates1x: 4, certificatesOperator: 20, practice: null },
  },
  {
    key: 'lnev', name: '辽宁经济职业技术学院', nameEn: 'Liaoning Economic Vocational Technological Institute', region: 'northeast', province: '辽宁', city: '沈阳', kind: 'vocational', login: 'lnev',
    applications: [{ tier: 'partner_school', story: 'pending_regional', monthsAgo: 0.15 }],
  },
];

export const PROVIDERS: { key: ProviderKey; name: string; contactName: string; contactEmail: string }[] = [
  { key: 'P1', name: '杭州数贸通跨境电商服务有限公司', contactName: '孙浩', contactEmail: 'service@shumaotong.example.cn' },
  { key: 'P2', name: '广州粤贸云跨境电商服务有限公司', contactName: '林晓峰', contactEmail: 'school@yuemaoyun.example.cn' },
  { key: 'P3', name: '宁波甬商汇跨境电商服务有限公司', contactName: '郑雅婷', contactEmail: 'edu@yongshanghui.example.cn' },
];

export interface StaffSpec {
  email: string;
  name: string;
  role: 'hq' | 'regional' | 'provider';
  regions?: RegionCode[];
  provider?: ProviderKey;
}

/** The six accounts of DOMAIN.md "Demo data" first, then colleagues; school admins come from SCHOOLS. */
export const STAFF: StaffSpec[] = [
  { email: 'hq@demo.test', name: '王立群', role: 'hq' },
  { email: 'east@demo.test', name: '周晓东', role: 'regional', regions: ['east'] },
  { email: 'south@demo.test', name: '黄志明', role: 'regional', regions: ['south'] },
  { email: 'provider@demo.test', name: '孙浩', role: 'provider', provider: 'P1' },
  { email: 'hq2@demo.test', name: '陈思远', role: 'hq' },
  { email: 'east2@demo.test', name: '吴佳怡', role: 'regional', regions: ['east'] },
  { email: 'north@demo.test', name: '刘建国', role: 'regional', regions: ['north', 'northeast'] },
  { email: 'central@demo.test', name: '杨帆', role: 'regional', regions: ['central'] },
  { email: 'west@demo.test', name: '何静', role: 'regional', regions: ['southwest', 'northwest'] },
  { email: 'provider2@demo.test', name: '林晓峰', role: 'provider', provider: 'P2' },
  { email: 'provider3@demo.test', name: '郑雅婷', role: 'provider', provider: 'P3' },
];

/** School administrators with fixed names for the two demo schools; the others are drawn. */
export const SCHOOL_ADMIN_NAMES: Record<string, string> = { zjfc: '张敏', gzpyp: '陈丽娟' };

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
];
/** Given names: common two-character ones, and single characters for the rest. */
export const GIVEN_NAMES = [
  '子涵', '浩然', '欣怡', '梓萱', '宇轩', '思远', '佳怡', '俊杰', '雨桐', '晓峰', '志强', '丽娟', '海燕', '建华', '文博', '晨曦',
  '雅婷', '嘉欣', '一鸣', '子豪', '诗涵', '明轩', '雨欣', '博文', '思琪', '天宇', '晓雯', '志远', '婉婷', '家豪', '梦洁', '泽宇',
  '佳琪', '俊熙', '若曦', '子墨', '心怡', '浩宇', '静怡', '宏伟', '春燕', '国强', '秀英', '建军', '丽华', '海涛', '晓东', '玉兰',
  '文静', '振华', '晓丽', '凯文', '思雨', '一诺', '梓涵', '皓轩', '语嫣', '雪莹', '嘉怡', '子轩', '晨阳', '雨萱', '婧怡', '明哲',
  '欣然', '锦程', '昊天', '佳慧', '晓琳', '鹏飞', '可馨', '宇航', '舒婷', '佩琪', '志鹏', '慧敏', '俊宇', '紫涵', '思彤', '文轩',
];
export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚',
  '华', '鹏', '飞', '斌', '宇', '浩', '凯', '欣', '怡', '晨', '雪', '婷', '悦', '俊', '豪', '昊', '璐', '鑫', '毅', '哲',
  '昕', '帆', '航', '宁', '彤', '妍', '蕾', '婧', '琳', '倩',
];

export const MAJORS = ['跨境电子商务', '国际经济与贸易', '电子商务', '商务英语', '市场营销'];

export const PRACTICE_PROJECTS = [
  '国际站店铺代运营实战（家居日用）',
  '国际站新品发布与产品优化项目',
  'RFQ商机获取与询盘跟进实战',
  '跨境直播营销实战营',
  '外贸企业海外社媒获客项目',
  '信保订单全流程履约实战',
  '国际站P4P推广与数据诊断项目',
  '义乌小商品出海B2B运营实战',
];

export const OFFLINE_COURSES: { title: string; classHours: number }[] = [
  { title: '跨境电商B2B实战运营', classHours: 32 },
  { title: '阿里巴巴国际站数据化运营', classHours: 40 },
  { title: '外贸客户开发与询盘管理', classHours: 32 },
  { title: '跨境电商B2B营销推广（P4P）', classHours: 32 },
  { title: '跨境电商直播营销实务', classHours: 32 },
  { title: '信用保障订单与跨境履约', classHours: 40 },
];
export const SHORT_OFFLINE_COURSES: { title: string; classHours: number }[] = [
  { title: '海外社媒短视频制作', classHours: 24 },
  { title: '跨境电商平台规则与职业素养', classHours: 24 },
];

export const EMPLOYER_WORDS = {
  brand: ['华贸', '恒达', '锦程', '嘉诚', '万邦', '远航', '博宇', '新锐', '丰泰', '汇通', '瑞祥', '永信', '海纳', '中联', '鼎盛', '宏图'],
  trade: ['进出口有限公司', '国际贸易有限公司', '实业有限公司', '电子商务有限公司', '供应链管理有限公司', '工贸有限公司'],
};

export type { ApplicationState };
