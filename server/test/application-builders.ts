import type { Client } from './test-app.js';

/** A plan that passes every submit guard of an Industry College application. */
export const completePlan = {
  summary: '与平台共建跨境电商B2B产业学院，开设新课程与真实项目实训。',
  contact: { name: '王老师', phone: '0571-88886666' },
  qualifications: { cbecDisciplineBase: true, talentTrainingValued: true, longTermPlan: '三年建成省级示范产业学院' },
  targets: { certificates1x: 220, certificatesOperator: 300, jobPlatformRate: 0.96, practiceHoursPerStudent: 170 },
};

export const completeItems = [
  { kind: 'instructor', title: '张敏', details: { certNo: '1X-B2B-2023-0001', level: 'senior' } },
  { kind: 'teaching_resource', title: 'B2B 实训平台', needsPlatformSupport: true },
  { kind: 'practice_project', title: '义乌小商品出海项目' },
] as const;

/** Creates a complete draft as the given school client and returns the record. */
export async function createDraft(school: Client, tier = 'industry_college') {
  const res = await school.post('/api/applications', { tier, plan: completePlan, pledge: true, planItems: completeItems });
  if (res.statusCode !== 201) throw new Error(`create draft: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function act(client: Client, resource: string, id: number, action: string, body: Record<string, unknown> = {}) {
  const current = (await client.get(`/api/${resource}/${id}`)).json();
  return client.post(`/api/${resource}/${id}/actions/${action}`, { version: current.version, ...body });
}
