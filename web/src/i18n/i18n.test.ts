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

  it('speaks one language at a time: no Chinese in English, in Chinese only the technical terms typed as they are', () => {
    // Placeholders are left out: polyglot's %{name}, and the problem texts' {name} and {name:kind}.
    const text = (messages: unknown, key: string) => (at(messages as Tree, key) as string).replace(/%\{[^}]*\}|\{\w+(?::\w+)?\}/g, '');
    // The language menu names Chinese in Chinese in either language.
    expect(enKeys.filter((k) => k !== 'app.locale.zh' && /[\u4e00-\u9fff]/.test(text(enMessages, k)))).toEqual([]);
    // What a user types or a file holds literally (formats, headers, query parameters, field names of the API, encodings).
    const technical = new Set(['CSV', 'csv', 'Excel', 'KPI', 'UTF', 'GBK', 'xlsx', 'JSON', 'YYYY', 'MM', 'DD', 'Content', 'Type', 'Length',
      'Origin', 'text', 'continue', 'rectify', 'PNG', 'JPG', 'WebP', 'MB', 'MiB', 'PDF', 'Word', 'PowerPoint', 'CRM', 'sort', 'range',
      'filter', 'ASC', 'DESC', 'id', 'entityType', 'entityId', 'file', 'regionId', 'tier', 'NUL', 'Unicode', 'application', 'vnd',
      'openxmlformats', 'officedocument', 'spreadsheetml', 'sheet', 'mode', 'upsert', 'multipart', 'form', 'data', 'English']);
    const english = zhKeys.flatMap((k) => (text(zhMessages, k).match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !technical.has(w)).map((w) => `${k}: ${w}`));
    expect(english).toEqual([]);
  });

  it('writes English plurals right for a count of one', async () => {
    await i18nProvider.changeLocale('en');
    try {
      expect(i18nProvider.translate('resources.applications.details.students', { n: 1, smart_count: 1 })).toBe('1 student');
      expect(i18nProvider.translate('resources.applications.details.employers', { n: 3, smart_count: 3 })).toBe('3 employers');
      expect(i18nProvider.translate('app.whatif.summary', { after: 1, before: 0, total: 1, smart_count: 1 })).toBe('1 compliant with the change (0 now), of 1 school');
      expect(i18nProvider.translate('app.outlook_help.projected', { days: 1, smart_count: 1 })).toBe('Year-end values at the pace of the 1 day so far.');
      expect(i18nProvider.translate('app.outlook_help.not_enough_data', { days: 30, smart_count: 30 })).toContain('(30 days so far)');
    } finally {
      await i18nProvider.changeLocale('zh');
    }
  });

  it('passes a server message through unchanged', () => {
    expect(i18nProvider.translate('The email or password is wrong.', { _: 'The email or password is wrong.' })).toBe('The email or password is wrong.');
  });
});
