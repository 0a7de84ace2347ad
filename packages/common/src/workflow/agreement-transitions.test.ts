import { describe, expect, it } from 'vitest';
import { agreementStates, roles, type AgreementState } from '../vocabulary.js';
import { agreementTransitions, initialAgreementState, type AgreementContext, type SigningRules } from './agreement-transitions.js';
import { actionsOf, decide } from './types.js';

const industryCollege: SigningRules = { requiresSigning: true, requiresPlaque: true, requiresInspection: true };
const talentBase: SigningRules = { requiresSigning: true, requiresPlaque: false, requiresInspection: true };
const pilot: SigningRules = { requiresSigning: false, requiresPlaque: false, requiresInspection: false };

const ctx = (rules: SigningRules, input: AgreementContext['input'] = {}): AgreementContext => ({
  rules, today: '2026-11-25',
  input: { on: '2026-11-20', place: '杭州', missing: ['实训平台未配置'], checklist: { instructorsInPlace: true, resourcesConfigured: true }, comment: 'ok', ...input },
});

/** DOMAIN.md's agreement path, by hand: [state, action, next state for Industry College]. Only hq acts. */
const spec: [AgreementState, string, AgreementState][] = [
  ['pending_signing', 'sign', 'pending_plaque'],
  ['pending_plaque', 'hold_plaque_ceremony', 'pending_inspection'],
  ['pending_inspection', 'pass_inspection', 'active'],
  ['pending_inspection', 'fail_inspection', 'pending_inspection'],
  ['rectifying', 'close_rectification', 'active'],
  ['rectifying', 'terminate', 'terminated'],
];

describe('agreement transitions: every state × action × role', () => {
  for (const state of agreementStates) {
    for (const action of actionsOf(agreementTransitions)) {
      for (const role of roles) {
        const expected = spec.find(([s, a]) => s === state && a === action);
        const want = role !== 'hq' ? 'forbidden_role' : expected ? expected[2] : 'wrong_state';
        it(`${state} · ${action} · ${role} → ${want}`, () => {
          const d = decide(agreementTransitions, state, action, role, ctx(industryCollege));
          if (want === 'forbidden_role' || want === 'wrong_state') expect(d).toMatchObject({ ok: false, kind: want });
          else expect(d).toMatchObject({ ok: true, to: want });
        });
      }
    }
  }
});

describe('the tier policy decides the path to active', () => {
  it('Industry College: signing, plaque, inspection', () => {
    expect(initialAgreementState(industryCollege)).toBe('pending_signing');
    expect(decide(agreementTransitions, 'pending_signing', 'sign', 'hq', ctx(industryCollege))).toMatchObject({ to: 'pending_plaque' });
  });
  it('Talent Base: signing, then inspection, no plaque', () => {
    expect(initialAgreementState(talentBase)).toBe('pending_signing');
    expect(decide(agreementTransitions, 'pending_signing', 'sign', 'hq', ctx(talentBase))).toMatchObject({ to: 'pending_inspection' });
  });
  it('1+X Pilot and Partner School: active at once', () => {
    expect(initialAgreementState(pilot)).toBe('active');
  });
  it('a policy with signing but no inspection is active once signed', () => {
    expect(decide(agreementTransitions, 'pending_signing', 'sign', 'hq', ctx({ requiresSigning: true, requiresPlaque: false, requiresInspection: false }))).toMatchObject({ to: 'active' });
  });
});

describe('agreement guards', () => {
  it('dates are required and not in the future', () => {
    expect(decide(agreementTransitions, 'pending_signing', 'sign', 'hq', ctx(industryCollege, { on: undefined }))).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'on' }] });
    expect(decide(agreementTransitions, 'pending_signing', 'sign', 'hq', ctx(industryCollege, { on: '2026-12-01' }))).toMatchObject({ ok: false, kind: 'guard_failed' });
    expect(decide(agreementTransitions, 'pending_signing', 'sign', 'hq', ctx(industryCollege, { on: '2026-02-30x' }))).toMatchObject({ ok: false, kind: 'guard_failed' });
  });
  it('the plaque ceremony needs a place', () => {
    expect(decide(agreementTransitions, 'pending_plaque', 'hold_plaque_ceremony', 'hq', ctx(industryCollege, { place: ' ' }))).toMatchObject({ ok: false, problems: [{ field: 'place' }] });
  });
  it('passing the inspection needs both checks; failing it needs what is missing', () => {
    expect(decide(agreementTransitions, 'pending_inspection', 'pass_inspection', 'hq', ctx(industryCollege, { checklist: { instructorsInPlace: true } }))).toMatchObject({ ok: false, problems: [{ field: 'checklist.resourcesConfigured' }] });
    expect(decide(agreementTransitions, 'pending_inspection', 'fail_inspection', 'hq', ctx(industryCollege, { missing: [] }))).toMatchObject({ ok: false, problems: [{ field: 'missing' }] });
  });
  it('terminating needs a reason', () => {
    expect(decide(agreementTransitions, 'rectifying', 'terminate', 'hq', ctx(industryCollege, { comment: '' }))).toMatchObject({ ok: false, problems: [{ field: 'comment' }] });
  });
});
