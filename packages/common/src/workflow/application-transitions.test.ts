import { describe, expect, it } from 'vitest';
import { applicationStates, roles, type ApplicationState, type Role } from '../vocabulary.js';
import { applicationTransitions, type ApplicationContext } from './application-transitions.js';
import { actionsOf, allowedActions, decide } from './types.js';

/** DOMAIN.md's table, written out by hand: [state, action, role] → next state. Everything else is refused. */
const spec: [ApplicationState, string, Role, ApplicationState][] = [
  ['draft', 'submit', 'school', 'pending_regional'],
  ['pending_regional', 'regional_approve', 'regional', 'pending_hq'],
  ['pending_regional', 'regional_reject', 'regional', 'rejected'],
  ['pending_regional', 'regional_return', 'regional', 'returned'],
  // HQ takes the regional step only when the region has no active regional staff (issue 13 item 9; `when`, tested below)
  ['pending_regional', 'regional_approve', 'hq', 'pending_hq'],
  ['pending_regional', 'regional_reject', 'hq', 'rejected'],
  ['pending_regional', 'regional_return', 'hq', 'returned'],
  ['pending_hq', 'hq_approve', 'hq', 'approved'],
  ['pending_hq', 'hq_reject', 'hq', 'rejected'],
  ['pending_hq', 'hq_return', 'hq', 'returned'],
  ['returned', 'resubmit', 'school', 'pending_regional'],
  ['pending_regional', 'withdraw', 'school', 'withdrawn'],
  ['pending_hq', 'withdraw', 'school', 'withdrawn'],
  ['returned', 'withdraw', 'school', 'withdrawn'],
  // (delete): the draft is removed; the row keeps its state.
  ['draft', 'delete', 'school', 'draft'],
];

const complete: ApplicationContext = {
  tier: 'industry_college',
  plan: {
    contact: { name: '王老师', phone: '0571-88888888' },
    qualifications: { cbecDisciplineBase: true, talentTrainingValued: true, longTermPlan: '三年建成产业学院' },
    summary: '与平台共建跨境电商B2B产业学院，开设新课程与实战项目。',
  },
  pledge: true,
  planItems: [
    { id: 1, kind: 'instructor', title: '张老师', needsPlatformSupport: false, approved: null },
    { id: 2, kind: 'teaching_resource', title: 'B2B 实训平台', needsPlatformSupport: true, approved: null },
  ],
  input: { comment: 'ok', planItemDecisions: { 2: true } },
  region: { id: 7, activeStaff: 0 },
};

const actions = actionsOf(applicationTransitions);

describe('application transitions: every state × action × role', () => {
  for (const state of applicationStates) {
    for (const action of actions) {
      for (const role of roles) {
        const expected = spec.find(([s, a, r]) => s === state && a === action && r === role);
        const roleEverAllowed = spec.some(([, a, r]) => a === action && r === role);
        it(`${state} · ${action} · ${role} → ${expected ? expected[3] : roleEverAllowed ? '409' : '403'}`, () => {
          const d = decide(applicationTransitions, state, action, role, complete);
          if (expected) expect(d).toMatchObject({ ok: true, to: expected[3] });
          else expect(d).toMatchObject({ ok: false, kind: roleEverAllowed ? 'wrong_state' : 'forbidden_role' });
        });
      }
    }
  }

  it('the table has exactly the rows of DOMAIN.md', () => {
    const rows = applicationTransitions.flatMap((t) => t.from.flatMap((s) => t.roles.map((r) => `${s}·${t.action}·${r}`)));
    expect(rows.sort()).toEqual(spec.map(([s, a, r]) => `${s}·${a}·${r}`).sort());
  });

  it('an unknown action is 400', () => {
    expect(decide(applicationTransitions, 'draft', 'approve_everything', 'hq', complete)).toMatchObject({ ok: false, kind: 'unknown_action', reason: { code: 'unknown_action' } });
  });

  it('allowedActions lists what the role can do now', () => {
    expect(allowedActions(applicationTransitions, 'pending_regional', 'regional').sort()).toEqual(['regional_approve', 'regional_reject', 'regional_return']);
    expect(allowedActions(applicationTransitions, 'pending_regional', 'school')).toEqual(['withdraw']);
    expect(allowedActions(applicationTransitions, 'approved', 'hq')).toEqual([]);
    expect(allowedActions(applicationTransitions, 'draft', 'school')).toEqual(['submit', 'delete']);
  });
});

describe('application guards', () => {
  const without = (patch: Partial<ApplicationContext>): ApplicationContext => ({ ...complete, ...patch });

  it('submit needs the pledge, the contact, qualifications, a summary, instructors and resources', () => {
    const d = decide(applicationTransitions, 'draft', 'submit', 'school', without({ pledge: false, plan: {}, planItems: [] }));
    expect(d.ok).toBe(false);
    const fields = d.ok ? [] : d.problems!.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['pledge', 'plan.contact.name', 'plan.contact.phone', 'plan.qualifications.cbecDisciplineBase', 'plan.qualifications.longTermPlan', 'plan.summary', 'planItems']));
  });

  it('a Partner School needs no instructors and no long-term plan', () => {
    const plan = { ...complete.plan, qualifications: { cbecDisciplineBase: true } };
    const items = complete.planItems.filter((i) => i.kind !== 'instructor');
    expect(decide(applicationTransitions, 'draft', 'submit', 'school', without({ tier: 'partner_school', plan, planItems: items }))).toMatchObject({ ok: true });
  });

  it.each(['regional_reject', 'hq_reject'])('%s needs a reason', (action) => {
    const state = action.startsWith('regional') ? 'pending_regional' : 'pending_hq';
    const role = action.startsWith('regional') ? 'regional' : 'hq';
    const d = decide(applicationTransitions, state, action, role, without({ input: { comment: '  ' } }));
    expect(d).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'comment' }] });
  });

  it.each(['regional_return', 'hq_return'])('%s needs comments, overall or on a field', (action) => {
    const state = action.startsWith('regional') ? 'pending_regional' : 'pending_hq';
    const role = action.startsWith('regional') ? 'regional' : 'hq';
    expect(decide(applicationTransitions, state, action, role, without({ input: {} }))).toMatchObject({ ok: false, kind: 'guard_failed' });
    expect(decide(applicationTransitions, state, action, role, without({ input: { fieldComments: { 'plan.summary': '请细化' } } }))).toMatchObject({ ok: true, to: 'returned' });
  });

  it('hq_approve needs every item that needs platform support approved', () => {
    const d = decide(applicationTransitions, 'pending_hq', 'hq_approve', 'hq', without({ input: {} }));
    expect(d).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'planItemDecisions.2' }] });
    expect(decide(applicationTransitions, 'pending_hq', 'hq_approve', 'hq', without({ input: { planItemDecisions: { 2: false } } }))).toMatchObject({ ok: false });
    const approvedBefore = complete.planItems.map((i) => ({ ...i, approved: true }));
    expect(decide(applicationTransitions, 'pending_hq', 'hq_approve', 'hq', without({ planItems: approvedBefore, input: {} }))).toMatchObject({ ok: true });
  });
});

describe('HQ takes the regional step of a region without active regional staff', () => {
  const staffed: ApplicationContext = { ...complete, region: { id: 7, activeStaff: 1 } };
  const unknown: ApplicationContext = { ...complete, region: undefined };

  it.each(['regional_approve', 'regional_reject', 'regional_return'])('%s: refused to HQ (403) while the region has staff, allowed without', (action) => {
    expect(decide(applicationTransitions, 'pending_regional', action, 'hq', staffed)).toMatchObject({ ok: false, kind: 'forbidden_role', reason: { code: 'region_has_staff' } });
    expect(decide(applicationTransitions, 'pending_regional', action, 'hq', unknown)).toMatchObject({ ok: false, kind: 'forbidden_role' });
    const d = decide(applicationTransitions, 'pending_regional', action, 'hq', complete);
    expect(d.ok).toBe(true);
    expect(d.ok && d.effects).toContain('recordActedForRegion');
    // regional staff are never held by it
    expect(decide(applicationTransitions, 'pending_regional', action, 'regional', staffed).ok).toBe(true);
  });

  it('allowedActions shows HQ the regional actions only when the region has no active staff', () => {
    expect(allowedActions(applicationTransitions, 'pending_regional', 'hq')).toEqual([]);
    expect(allowedActions(applicationTransitions, 'pending_regional', 'hq', staffed)).toEqual([]);
    expect(allowedActions(applicationTransitions, 'pending_regional', 'hq', complete).sort()).toEqual(['regional_approve', 'regional_reject', 'regional_return']);
    expect(allowedActions(applicationTransitions, 'pending_regional', 'regional', staffed).sort()).toEqual(['regional_approve', 'regional_reject', 'regional_return']);
  });
});
