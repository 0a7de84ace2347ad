import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext, memoryStore } from 'react-admin';
import { feedbackTransitions, providerReportTransitions } from '@campus/common';
import { i18nProvider } from '../../i18n';
import { guardProblems, useGuardText } from './guard';

describe('guardProblems: the shared transition table as the web\'s pre-check', () => {
  it("runs the guard of the action's row in the record's state", () => {
    expect(guardProblems(providerReportTransitions, 'submitted', 'reject', { input: {} })).toEqual([{ field: 'comment', code: 'report_rejection_reason_missing' }]);
    expect(guardProblems(providerReportTransitions, 'submitted', 'reject', { input: { comment: ' hours do not match ' } })).toEqual([]);
    expect(guardProblems(feedbackTransitions, 'replied', 'reply', { input: { reply: '' } })).toEqual([{ field: 'reply', code: 'reply_missing' }]);
  });

  it('finds nothing where the table has no such row (the server decides)', () => {
    expect(guardProblems(providerReportTransitions, 'confirmed', 'reject', { input: {} })).toEqual([]);
    expect(guardProblems(providerReportTransitions, 'submitted', 'confirm', { input: {} })).toEqual([]);
  });
});

describe('useGuardText', () => {
  const wrapper = ({ children }: { children: ReactNode }) => <AdminContext i18nProvider={i18nProvider} store={memoryStore()}>{children}</AdminContext>;

  it("says a screen's own sentence first, and leaves a problem it has no words for to the server", () => {
    const { result } = renderHook(() => useGuardText(), { wrapper });
    const say = result.current;
    expect(say([{ field: 'comment', code: 'report_rejection_reason_missing' }], (p) => (p.field === 'comment' ? 'own words' : undefined))).toBe('own words');
    expect(say([{ field: 'x', code: 'no_such_code_anywhere' }])).toBeUndefined();
    expect(say([])).toBeUndefined();
  });
});
