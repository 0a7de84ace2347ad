import { problemTextsEn } from '@campus/common';

/**
 * The problems the server reports, by code, in English: the texts are @campus/common's, the same the server words
 * its messages with (`{name}` and `{name:kind}` placeholders, filled by components/problem/translate-problem.ts with
 * the UI's own terms), and the words that fill them here.
 */
export const problemEn = {
  app: {
    problem: problemTextsEn,
    problem_term: {
      unknown: 'Something went wrong.',
      list_separator: ', ',
      wait: '%{smart_count} second |||| %{smart_count} seconds',
      wait_minutes: '%{smart_count} minute |||| %{smart_count} minutes',
      step: { approval: 'approval', signing: 'signing', plaque_ceremony: 'plaque ceremony', inspection: 'inspection' },
      type: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', date: 'a date' },
    },
  },
};
