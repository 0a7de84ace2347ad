import { problemTextsZh } from '@campus/common';

/**
 * The problems the server reports, by code, in Chinese: the texts are @campus/common's, the same the server words
 * its messages with (`{name}` and `{name:kind}` placeholders, filled by components/problem/translate-problem.ts with
 * the UI's own terms), and the words that fill them here.
 */
export const problemZh = {
  app: {
    problem: problemTextsZh,
    problem_term: {
      unknown: '出错了。',
      list_separator: '、',
      wait: '%{smart_count} 秒',
      wait_minutes: '%{smart_count} 分钟',
      step: { approval: '批准', signing: '签约', plaque_ceremony: '揭牌', inspection: '验收' },
      type: { string: '文本', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '对象', date: '日期' },
    },
  },
};
