import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { providerAssignments, providers, regions, schools, tierPolicies, userRegions, users } from '../src/db/schema/index.js';

export const PASSWORD = 'fixture123';
/**
 * The fixture accounts' hash of PASSWORD, computed once: argon2id at its smallest memory cost (1 MiB, one pass).
 * `verify` takes the cost from the hash itself, so a fixture sign-in costs milliseconds instead of the ~150 ms
 * (more on a busy machine) of the product's deliberately slow parameters, and no test file spends time hashing.
 * Passwords set through the API are hashed with the product's parameters as always (modules/auth/password.ts).
 */
export const PASSWORD_HASH = '$argon2id$v=19$m=1024,t=1,p=1$QFJ087NyT+TJJNCDbUvkfw$sT8dCm/MbOUiS1PBdCir3ra8MTTOtaOPbV9Ca3wZoHA';

/** DOMAIN.md's default thresholds, effective from 2020 (tests may change them). */
export const defaultPolicies = [
  { tier: 'industry_college', effectiveYear: 2020, certifiedInstructors: 4, teachingDelivery: 1, offlineCourses: 2, practiceHours: 160, certificates1x: 200, certificatesOperator: 280, jobPlatformRate: 0.95, jobFairs: 1, termYears: 3, requiresSigning: true, requiresPlaque: true, requiresInspection: true },
  { tier: 'talent_base', effectiveYear: 2020, certifiedInstructors: 3, teachingDelivery: 1, offlineCourses: null, practiceHours: null, certificates1x: 40, certificatesOperator: 60, jobPlatformRate: 0.95, jobFairs: 1, termYears: 3, requiresSigning: true, requiresPlaque: false, requiresInspection: true },
  { tier: 'pilot_1x', effectiveYear: 2020, certifiedInstructors: 2, teachingDelivery: null, offlineCourses: null, practiceHours: null, certificates1x: null, certificatesOperator: null, jobPlatformRate: null, jobFairs: null, termYears: 1, requiresSigning: false, requiresPlaque: false, requiresInspection: false },
  { tier: 'partner_school', effectiveYear: 2020, certifiedInstructors: null, teachingDelivery: null, offlineCourses: null, practiceHours: null, certificates1x: null, certificatesOperator: null, jobPlatformRate: null, jobFairs: null, termYears: 1, requiresSigning: false, requiresPlaque: false, requiresInspection: false },
];

/**
 * A small, known world for server tests: two regions with two schools each, one school in a third
 * region, one provider assigned to one school, and a user of every role.
 */
export async function seedFixture(db: Db) {
  const hash = PASSWORD_HASH;
  const [east, south, north] = await db.insert(regions).values([
    { code: 'east', nameZh: '华东', nameEn: 'East China', provinces: ['浙江', '江苏'], sortOrder: 1 },
    { code: 'south', nameZh: '华南', nameEn: 'South China', provinces: ['广东'], sortOrder: 2 },
    { code: 'north', nameZh: '华北', nameEn: 'North China', provinces: ['北京'], sortOrder: 3 },
  ]).returning();
  const [eastA, eastB, southA, southB, northA] = await db.insert(schools).values([
    { name: '浙江金融职业学院', regionId: east.id, province: '浙江', city: '杭州', tier: 'industry_college', status: 'partner' },
    { name: '义乌工商职业技术学院', regionId: east.id, province: '浙江', city: '金华', tier: 'pilot_1x', status: 'partner' },
    { name: '广东轻工职业技术大学', regionId: south.id, province: '广东', city: '广州', tier: 'talent_base', status: 'partner' },
    { name: '深圳职业技术大学', regionId: south.id, province: '广东', city: '深圳', status: 'prospect' },
    { name: '北京财贸职业学院', regionId: north.id, province: '北京', city: '北京', tier: 'partner_school', status: 'partner' },
  ]).returning();
  await db.insert(tierPolicies).values(defaultPolicies);
  const [provider] = await db.insert(providers).values([{ name: '杭州跨境通服务有限公司' }]).returning();
  await db.insert(providerAssignments).values({ providerId: provider.id, schoolId: eastA.id });
  const u = await db.insert(users).values([
    { email: 'hq@test.cn', name: '总部', role: 'hq', passwordHash: hash },
    { email: 'east@test.cn', name: '华东', role: 'regional', passwordHash: hash },
    { email: 'south@test.cn', name: '华南', role: 'regional', passwordHash: hash },
    { email: 'school@test.cn', name: '学校A', role: 'school', schoolId: eastA.id, passwordHash: hash },
    { email: 'school2@test.cn', name: '学校C', role: 'school', schoolId: southA.id, passwordHash: hash },
    { email: 'provider@test.cn', name: '服务商', role: 'provider', providerId: provider.id, passwordHash: hash },
  ]).returning();
  const byEmail = Object.fromEntries(u.map((x) => [x.email, x]));
  await db.insert(userRegions).values([
    { userId: byEmail['east@test.cn'].id, regionId: east.id },
    { userId: byEmail['south@test.cn'].id, regionId: south.id },
  ]);
  return {
    regions: { east, south, north },
    schools: { eastA, eastB, southA, southB, northA },
    provider,
    users: byEmail,
    async deactivate(email: string) {
      await db.update(users).set({ active: false }).where(eq(users.email, email));
    },
  };
}
export type Fixture = Awaited<ReturnType<typeof seedFixture>>;
