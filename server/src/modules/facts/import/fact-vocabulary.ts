import type { ImportValue } from '../../import/index.js';

/**
 * The words of the facts' coded values as the web names them (web/src/i18n/compliance.{zh,en}.ts,
 * app.left_reason and app.certificate_kind), which its exports write: an import reads either back
 * as the code, and the templates list them.
 */
export const leftReasonValues: readonly ImportValue[] = [
  { code: 'graduated', zh: '毕业', en: 'Graduated' },
  { code: 'withdrew', zh: '退出', en: 'Withdrew' },
];

export const certificateKindValues: readonly ImportValue[] = [
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
];

/** A practice record's confirmation as the web's export words it (app.state.confirmed, app.facts.unconfirmed). */
export const practiceConfirmedValues: readonly ImportValue[] = [
  { code: 'true', zh: '已确认', en: 'Confirmed' },
  { code: 'false', zh: '待确认', en: 'Awaiting confirmation' },
];

/** An instructor certification's level as the web names it (app.cert_level). */
export const certLevelValues: readonly ImportValue[] = [
  { code: 'junior', zh: '初级', en: 'Junior' },
  { code: 'intermediate', zh: '中级', en: 'Intermediate' },
  { code: 'senior', zh: '高级', en: 'Senior' },
];
