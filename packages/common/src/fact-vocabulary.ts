import type { CertificateKind } from './vocabulary.js';

/** A coded value with its words, as the web's catalogues show it and the server's imports read it back. */
export interface CodedValue { code: string; zh: string; en: string }

/**
 * The words of the facts' coded values, one source for both sides: the web's catalogues
 * (app.left_reason, app.certificate_kind, app.cert_level, the practice record's confirmation) take
 * them from here, so its exports write exactly these words, and the server's imports read either
 * the words or the code back (server/src/modules/facts/import/fact-vocabulary.ts); the templates
 * list them.
 */
export const leftReasonValues = [
  { code: 'graduated', zh: '毕业', en: 'Graduated' },
  { code: 'withdrew', zh: '退出', en: 'Withdrew' },
] as const satisfies readonly CodedValue[];

export const certificateKindValues = [
  { code: '1x_junior', zh: '1+X初级', en: '1+X junior' },
  { code: '1x_intermediate', zh: '1+X中级', en: '1+X intermediate' },
  { code: '1x_senior', zh: '1+X高级', en: '1+X senior' },
  { code: 'operator', zh: '操盘官', en: 'Operator' },
  { code: 'mohrss_intermediate', zh: '人社部跨境电商运营师（中级）', en: 'MOHRSS CBEC operations (intermediate)' },
  { code: 'mohrss_senior', zh: '人社部跨境电商运营师（高级）', en: 'MOHRSS CBEC operations (senior)' },
  { code: 'gold_operator', zh: '金品权益操盘官', en: 'Gold Supplier benefits operator' },
  { code: 'data_advisor', zh: '数据参谋', en: 'Data Advisor' },
  { code: 'crm_xiaoman', zh: '外贸CRM（小满）', en: 'Foreign-trade CRM (Xiaoman)' },
  { code: 'live_host', zh: '直播主播', en: 'Live-stream host' },
] as const satisfies readonly (CodedValue & { code: CertificateKind })[];

/** An instructor certification's level. */
export const certLevelValues = [
  { code: 'junior', zh: '初级', en: 'Junior' },
  { code: 'intermediate', zh: '中级', en: 'Intermediate' },
  { code: 'senior', zh: '高级', en: 'Senior' },
] as const satisfies readonly CodedValue[];

/** A practice record's confirmation by the school (the web: app.state.confirmed, app.facts.unconfirmed). */
export const practiceConfirmedValues = [
  { code: 'true', zh: '已确认', en: 'Confirmed' },
  { code: 'false', zh: '待确认', en: 'Awaiting confirmation' },
] as const satisfies readonly CodedValue[];

/** An exam candidate's result in a results file (issue 18): the code, or its words. */
export const examResultValues = [
  { code: 'passed', zh: '通过', en: 'Passed' },
  { code: 'failed', zh: '未通过', en: 'Failed' },
  { code: 'absent', zh: '缺考', en: 'Absent' },
] as const satisfies readonly CodedValue[];

/** Whether an instructor passed a training (issue 18), in a participants file. */
export const trainingPassedValues = [
  { code: 'true', zh: '通过', en: 'passed' },
  { code: 'false', zh: '未通过', en: 'not passed' },
] as const satisfies readonly CodedValue[];

type Words<V extends readonly CodedValue[]> = { [K in V[number]['code']]: string };

/** The words of coded values in one language, by code: what a catalogue holds (`{ graduated: '毕业', … }`). */
export function wordsOf<const V extends readonly CodedValue[]>(values: V, locale: 'zh' | 'en'): Words<V> {
  return Object.fromEntries(values.map((v) => [v.code, v[locale]])) as Words<V>;
}

/** The word of one code in one language. */
export function wordOf(values: readonly CodedValue[], code: string, locale: 'zh' | 'en'): string {
  return values.find((v) => v.code === code)?.[locale] ?? code;
}
