import { afterEach, describe, expect, it } from 'vitest';
import { problemCodes, missingForSubmit, type ApplicationContext } from '@campus/common';
import { i18nProvider } from '../../i18n';
import { zhMessages } from '../../i18n/zh';
import { enMessages } from '../../i18n/en';
import { problemText, problemsOf } from '../import/problems';
import { hasProblemText, translateProblem } from './translate-problem';

const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
afterEach(async () => { await i18nProvider.changeLocale('zh'); });

describe('the web words every problem code', () => {
  it('has a text for every code of @campus/common in both languages, and none for a code that does not exist', () => {
    for (const messages of [zhMessages, enMessages]) {
      const texts = (messages as unknown as { app: { problem: Record<string, string> } }).app.problem;
      expect(Object.keys(texts).sort()).toEqual([...problemCodes].sort());
    }
  });
  // That both languages ask for the same params is checked where the texts are: @campus/common's problem-texts.test.ts.
});

describe('translateProblem', () => {
  it('words a problem by its code and params in the UI language, never by the English message', async () => {
    const problem = { row: 4, field: 'studentNo', code: 'same_student_no_as_row', params: { other: 3 }, message: 'the same student number as row 3' };
    expect(translateProblem(problem, translate)).toBe('与第 3 行的学号相同');
    await i18nProvider.changeLocale('en');
    expect(translateProblem(problem, translate)).toBe('the same student number as row 3');
    // The code decides, whatever the message says.
    expect(translateProblem({ ...problem, message: 'anything at all' }, translate)).toBe('the same student number as row 3');
  });

  it('words the vocabulary in params (states, actions, roles, steps, lists) and waits', async () => {
    const wrongState = { code: 'wrong_state', params: { action: 'submit', state: 'pending_hq', states: ['draft', 'returned'] } };
    expect(translateProblem(wrongState, translate)).toBe('记录处于“待总部审核”状态，不能执行“提交”；仅在以下状态可以：草稿、已退回。请重新加载查看最新状态。');
    expect(translateProblem({ code: 'step_date_before', params: { step: 'plaque_ceremony', earlier: 'signing', date: '2026-03-01' } }, translate))
      .toBe('揭牌日期不能早于签约日期（2026-03-01）');
    expect(translateProblem({ code: 'too_many_sign_ins', params: { seconds: 300 } }, translate)).toBe('登录失败次数过多，请 5 分钟后再试。');
    await i18nProvider.changeLocale('en');
    expect(translateProblem({ code: 'too_many_sign_ins', params: { seconds: 1 } }, translate)).toBe('Too many failed sign-ins; try again in 1 second.');
    expect(translateProblem({ code: 'decision_invalid', params: { allowed: ['continue', 'rectify'] } }, translate)).toBe('choose one of: Continue, Rectification notice');
  });

  it("shows the server's message for a code it has no text for, and for a body without a code", () => {
    expect(hasProblemText({ code: 'made_up_code' }, translate)).toBe(false);
    expect(translateProblem({ code: 'made_up_code', message: '服务器的原话' }, translate)).toBe('服务器的原话');
    expect(translateProblem({ message: 'is not a real date (YYYY-MM-DD, 1990–2100)' }, translate)).toBe('is not a real date (YYYY-MM-DD, 1990–2100)');
    expect(translateProblem({}, translate)).toBe('出错了。');
  });

  it('words the shared guards\' problems, which carry no message at all', () => {
    const ctx: ApplicationContext = { tier: 'industry_college', plan: {}, pledge: false, planItems: [], input: {} };
    const texts = missingForSubmit(ctx).map((p) => translateProblem(p, translate));
    expect(texts).toContain('请勾选承诺达到该层次的条件');
    expect(texts).toContain('请概述实施方案（至少 10 个字）');
    expect(texts.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });
});

describe('import problems', () => {
  it('are worded by code: the header, the rows and the file as a whole', async () => {
    const problems = problemsOf({
      error: 'validation_failed', code: 'rows_have_problems', params: { count: 2 }, message: '2 row(s) have problems',
      details: [
        { row: 1, field: 'hack', code: 'column_unknown', params: {}, message: 'unknown column' },
        { row: 3, field: 'issuedOn', code: 'invalid_date', params: {}, message: 'must be a real date YYYY-MM-DD' },
        { row: 4, field: 'studentNo', code: 'no_student_number', params: {}, message: 'no student with this number in your school' },
        { row: 100_002, field: 'file', code: 'too_many_rows_short', params: { max: 100_000 }, message: 'more than 100,000 rows' },
      ],
    });
    expect(problems.map((p) => problemText(p, translate))).toEqual(['未知的列', '不是有效日期（YYYY-MM-DD）', '本校没有此学号的学生', '超过 100,000 行']);
    await i18nProvider.changeLocale('en');
    expect(problemText(problems[1], translate)).toBe('must be a real date YYYY-MM-DD');
  });

  it('no longer guesses from English words: a detail without a code is shown as the server wrote it', () => {
    const [problem] = problemsOf({ details: [{ row: 2, field: 'studentNo', message: 'no student with this number in your school' }] });
    expect(problemText(problem, translate)).toBe('no student with this number in your school');
  });
});
