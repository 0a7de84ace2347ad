import type { Catalogue } from './catalogue.js';
import { problemTextsEn } from '@campus/common';

/**
 * The API's problems in English: the shared texts (@campus/common, placeholders described there) and the server's
 * English terms for `{name:kind}`. English words no role, state, action or tier: their codes are English already.
 */
export const en: Catalogue = {
  problems: problemTextsEn,
  terms: {
    entity: {
      audit_event: 'audit event', compliance_row: 'compliance row', content_proposal: 'content proposal',
      course_completion: 'course completion', evidence_file: 'evidence file', job_fair: 'job fair',
      job_platform_registration: 'job-platform registration', practice_record: 'practice record',
      provider_report: 'provider report', tier_policy: 'tier policy', record: 'record',
      exam_site: 'exam site', exam_session: 'exam session', exam_candidate: 'exam candidate',
    },
    step: { approval: 'approval', signing: 'signing', plaque_ceremony: 'plaque ceremony', inspection: 'inspection' },
    type: {
      string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object',
      date: 'a date', bigint: 'a number', null: 'empty', undefined: 'given',
    },
  },
  listSeparator: ', ',
  fieldSeparator: ': ',
  wait: (seconds) => (seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`),
};
