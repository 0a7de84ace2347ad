import { describe, expect, it } from 'vitest';
import {
  agreementTransitions, applicationTransitions, contentProposalTransitions, decisionEffects, evaluationTransitions,
  feedbackTransitions, joinRequestTransitions, providerReportTransitions, examSiteTransitions, examSessionTransitions,
} from '@campus/common';
import { effectRegistry } from './effect-registry.js';

/**
 * issue 12: side effects come from the tables' `effects`. Every name a table row lists has its
 * implementation in the one registry, and the registry implements nothing a table does not name.
 */
const named: Record<keyof typeof effectRegistry, readonly (readonly string[])[]> = {
  application: applicationTransitions.map((t) => t.effects ?? []),
  agreement: agreementTransitions.map((t) => t.effects ?? []),
  evaluation: evaluationTransitions.map((t) => t.effects ?? []),
  evaluationDecision: Object.values(decisionEffects),
  provider_report: providerReportTransitions.map((t) => t.effects ?? []),
  content_proposal: contentProposalTransitions.map((t) => t.effects ?? []),
  feedback: feedbackTransitions.map((t) => t.effects ?? []),
  join_request: joinRequestTransitions.map((t) => t.effects ?? []),
  exam_site: examSiteTransitions.map((t) => t.effects ?? []),
  exam_session: examSessionTransitions.map((t) => t.effects ?? []),
};

describe('the effect registry and the transition tables', () => {
  for (const [table, rows] of Object.entries(named) as [keyof typeof effectRegistry, readonly (readonly string[])[]][]) {
    it(`${table}: every effect the table names is implemented, and every implementation is named`, () => {
      const names = [...new Set(rows.flat())].sort();
      expect(names.length).toBeGreaterThan(0);
      expect(Object.keys(effectRegistry[table]).sort()).toEqual(names);
      for (const name of names) {
        const effect = effectRegistry[table][name];
        expect(effect.before ?? effect.after ?? effect.last, `${table}.${name}`).toBeTypeOf('function');
      }
    });
  }

  it('every row of every table names its effects', () => {
    const all = [...applicationTransitions, ...agreementTransitions, ...evaluationTransitions, ...providerReportTransitions, ...contentProposalTransitions, ...feedbackTransitions, ...joinRequestTransitions, ...examSiteTransitions, ...examSessionTransitions];
    expect(all.filter((t) => !t.effects?.length).map((t) => t.action)).toEqual([]);
  });
});
