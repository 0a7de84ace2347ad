import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import { zhMessages } from './zh';
import { enMessages } from './en';
import { i18nProvider } from '.';
import { resourceModules } from '../resources';
import {
  tiers, roles, schoolStatuses, applicationStates, agreementStates, evaluationStates, evaluationDecisions,
  providerReportStates, contentProposalStates, feedbackStates,
} from '../providers/permissions';
import { thresholdFields, flagFields } from '../components/policy/thresholds';
import { applicationTransitions } from '@campus/common';
import { agreementTransitions } from '@campus/common';

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a message tree, as dotted paths. */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`));
}

const zhKeys = leafKeys(zhMessages as unknown as Tree);
const enKeys = leafKeys(enMessages as unknown as Tree);

const at = (tree: Tree, path: string) => path.split('.').reduce<Tree | string | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), tree);

describe('translations', () => {
  it('every Chinese key exists in English', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('every English key exists in Chinese', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it("Chinese covers every react-admin message of ra-language-english", () => {
    const raKeys = leafKeys(englishMessages as unknown as Tree);
    expect(raKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it('no message is empty', () => {
    for (const [messages, keys] of [[zhMessages, zhKeys], [enMessages, enKeys]] as const) {
      // ra.boolean.null is a deliberate blank in react-admin's own messages.
      const empty = keys.filter((k) => k !== 'ra.boolean.null' && !(at(messages as unknown as Tree, k) as string).trim());
      expect(empty).toEqual([]);
    }
  });

  it('names every resource of the app and its vocabulary in both languages', () => {
    const required = [
      'app.title',
      ...Object.keys(resourceModules).map((r) => `resources.${r}.name`),
      ...tiers.map((t) => `app.tier.${t}`),
      ...tiers.map((t) => `app.tier_description.${t}`),
      ...roles.map((r) => `app.role.${r}`),
      ...[...schoolStatuses, ...applicationStates, ...agreementStates, ...evaluationStates, ...providerReportStates, ...contentProposalStates, ...feedbackStates]
        .map((s) => `app.state.${s}`),
      ...evaluationDecisions.map((d) => `app.action.${d}`),
      ...[...thresholdFields, ...flagFields].map((f) => `resources.tier-policies.fields.${f}`),
      ...thresholdFields.map((f) => `app.policy.help.${f}`),
    ];
    expect(required.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(required.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("labels every action of the server's workflow tables", () => {
    const actions = [...new Set([...applicationTransitions, ...agreementTransitions].map((t) => `app.action.${t.action}`))];
    expect(actions.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(actions.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('uses the programme names of the four tiers', () => {
    expect(zhMessages.app.tier).toMatchObject({ industry_college: '产业学院', talent_base: '人才基地', pilot_1x: '1+X试点院校', partner_school: '阿里认证合作院校' });
    expect(enMessages.app.tier).toMatchObject({ industry_college: 'Industry College', talent_base: 'Talent Base', pilot_1x: '1+X Pilot School', partner_school: 'Certified Partner School' });
  });

  it('starts in Chinese and switches to English', async () => {
    expect(i18nProvider.getLocale()).toBe('zh');
    expect(i18nProvider.translate('app.title')).toBe('校企合作管理平台');
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('app.title')).toBe('Campus Partner');
    expect(i18nProvider.translate('resources.schools.name', { smart_count: 2 })).toBe('Schools');
    await i18nProvider.changeLocale('zh');
    expect(i18nProvider.translate('resources.schools.name', { smart_count: 2 })).toBe('院校');
  });

  it('passes a server message through unchanged', () => {
    expect(i18nProvider.translate('The email or password is wrong.', { _: 'The email or password is wrong.' })).toBe('The email or password is wrong.');
  });
});
