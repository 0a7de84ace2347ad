import { describe, expect, it } from 'vitest';
import { roles } from '../vocabulary.js';
import { decide } from './types.js';
import { contentProposalTransitions, feedbackTransitions, providerReportTransitions } from './provider-work-transitions.js';

const ok = { input: { comment: '理由', reply: '回复' } };

describe('provider work transitions', () => {
  it.each([
    [providerReportTransitions, 'submitted', 'confirm', 'school', 'confirmed'],
    [providerReportTransitions, 'submitted', 'reject', 'school', 'rejected'],
    [contentProposalTransitions, 'pending', 'approve', 'hq', 'approved'],
    [contentProposalTransitions, 'pending', 'reject', 'hq', 'rejected'],
    [feedbackTransitions, 'open', 'reply', 'hq', 'replied'],
    [feedbackTransitions, 'replied', 'reply', 'hq', 'replied'],
    [feedbackTransitions, 'replied', 'close', 'hq', 'closed'],
  ] as const)('%#: %s · %s by %s → %s, and no other role may', (table, state, action, role, to) => {
    expect(decide(table as never, state, action, role, ok)).toMatchObject({ ok: true, to });
    for (const other of roles.filter((r) => r !== role)) expect(decide(table as never, state, action, other, ok)).toMatchObject({ ok: false, kind: 'forbidden_role' });
  });
  it('final states refuse every action', () => {
    expect(decide(providerReportTransitions, 'confirmed', 'reject', 'school', ok)).toMatchObject({ ok: false, kind: 'wrong_state' });
    expect(decide(contentProposalTransitions, 'approved', 'reject', 'hq', ok)).toMatchObject({ ok: false, kind: 'wrong_state' });
    expect(decide(feedbackTransitions, 'closed', 'reply', 'hq', ok)).toMatchObject({ ok: false, kind: 'wrong_state' });
  });
  it('rejections need a reason; a reply needs text', () => {
    expect(decide(providerReportTransitions, 'submitted', 'reject', 'school', { input: {} })).toMatchObject({ ok: false, kind: 'guard_failed' });
    expect(decide(contentProposalTransitions, 'pending', 'reject', 'hq', { input: { comment: ' ' } })).toMatchObject({ ok: false, kind: 'guard_failed' });
    expect(decide(feedbackTransitions, 'open', 'reply', 'hq', { input: {} })).toMatchObject({ ok: false, kind: 'guard_failed', problems: [{ field: 'reply' }] });
  });
});
