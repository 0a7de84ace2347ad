import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';
import { readsSettled } from '../../test/settled';
import { fakeTimeouts } from '../../test/clock';

const job = { id: 5, kind: 'open_evaluations', status: 'running', total: 12, done: 0, result: null, error: null };

describe('opening every ended year at once', () => {
  it('starts the job, shows its progress polled every second, then how many were opened', async () => {
    const clock = fakeTimeouts();
    const user = userEvent.setup({ delay: null });
    const started: Record<string, unknown>[] = [];
    const answers = [
      { ...job, done: 6 },
      { ...job, status: 'done', done: 12, result: { opened: 12, ms: 840 } },
    ];
    let polls = 0;
    renderResource('#/evaluations', users.hq,
      http.post(`${API}/evaluations/bulk-open`, async ({ request }) => {
        started.push(await bodyOf(request));
        return HttpResponse.json(job, { status: 202 });
      }),
      http.get(`${API}/evaluations/bulk-jobs/5`, () => HttpResponse.json(answers[Math.min(polls++, answers.length - 1)])),
      listHandler('evaluations', []),
      listHandler('agreements', []),
    );

    await user.click(await screen.findByRole('button', { name: '开启全部已结束年度' }));
    const dialog = await screen.findByRole('dialog', { name: '批量开启评审' });
    await user.click(within(dialog).getByRole('button', { name: '人才基地' }));
    await user.click(within(dialog).getByRole('button', { name: '开始' }));

    await waitFor(() => expect(started).toEqual([{ tier: ['talent_base'] }]));
    expect(await within(dialog).findByText('正在开启：0 / 12')).toBeInTheDocument();
    const bar = within(dialog).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '0');

    expect(await within(dialog).findByText('正在开启：6 / 12')).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');

    expect(await within(dialog).findByText('已完成：开启了 12 项评审（共 12 个待评审年度）。')).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(polls).toBe(2);
    // Once done, the polling stops: five more poll intervals pass without a request.
    await clock.pass(5_000);
    expect(polls).toBe(2);
    expect(within(dialog).getByRole('button', { name: '查看待决定的评审' })).toBeInTheDocument();
  });

  it('says so when the job fails, with the count opened before it stopped', async () => {
    const user = userEvent.setup({ delay: null });
    renderResource('#/evaluations', users.hq,
      http.post(`${API}/evaluations/bulk-open`, () => HttpResponse.json(job, { status: 202 })),
      http.get(`${API}/evaluations/bulk-jobs/5`, () => HttpResponse.json({
        ...job, status: 'failed', done: 500, result: { opened: 500 }, error: 'The job stopped; the evaluations opened so far are kept. Start it again to open the rest.',
      })),
      listHandler('evaluations', []),
      listHandler('agreements', []),
    );
    await user.click(await screen.findByRole('button', { name: '开启全部已结束年度' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '开始' }));
    expect(await within(dialog).findByText('任务中断：已开启 500 项评审，其余未开启。')).toBeInTheDocument();
    expect(within(dialog).getByText(/Start it again to open the rest/)).toBeInTheDocument();
  });

  it('names every year it did not open, with the reason, linking to its agreement', async () => {
    const user = userEvent.setup({ delay: null });
    renderResource('#/evaluations', users.hq,
      http.post(`${API}/evaluations/bulk-open`, () => HttpResponse.json({
        ...job, status: 'done', total: 3, done: 3,
        result: { opened: 1, skipped: [
          { agreementId: 41, year: 2, schoolId: 7, reason: 'no_compliance_row', message: 'no compliance row' },
          { agreementId: 52, year: 1, schoolId: 8, reason: 'already_evaluated', message: 'already evaluated' },
        ] },
      }, { status: 202 })),
      listHandler('evaluations', []),
      listHandler('agreements', []),
    );
    await user.click(await screen.findByRole('button', { name: '开启全部已结束年度' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '开始' }));
    expect(await within(dialog).findByText('未开启 2 个年度：')).toBeInTheDocument();
    const first = within(dialog).getByRole('link', { name: /协议 #41 第 2 年度/ });
    expect(first).toHaveAttribute('href', '#/agreements/41/show');
    expect(within(dialog).getByText(/尚无合规记录/)).toBeInTheDocument();
    expect(within(dialog).getByText(/该年度已有评审/)).toBeInTheDocument();
  });

  it('is offered to HQ only', async () => {
    let asked = false;
    const { queryClient } = renderResource('#/evaluations', users.school,
      listHandler('evaluations', [], () => {
        asked = true;
      }),
      listHandler('agreements', []));
    // The school's list of evaluations has been read and its toolbar knows what the school may do.
    await readsSettled(queryClient, () => asked);
    expect(screen.queryByText('开启评审', { selector: 'button' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '开启全部已结束年度' })).not.toBeInTheDocument();
  });
});

describe('opening the selected years', () => {
  const awaiting = (agreementId: number, year: number, schoolName: string) => ({
    id: `${agreementId}-${year}`, agreementId, year, schoolId: agreementId, schoolName, regionId: 1, tier: 'pilot_1x', kind: 'annual',
    from: `${2023 + year}-09-01`, to: `${2024 + year}-09-01`,
  });

  it('lists the years awaiting evaluation; HQ selects some, confirms, and reads how many were opened and which were not', async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    const asked: string[] = [];
    renderResource('#/evaluations', users.hq,
      http.get(`*/api/evaluations/awaiting`, ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json({ total: 3, rows: [awaiting(41, 1, '宁波职业技术学院'), awaiting(42, 1, '温州职业技术学院'), awaiting(43, 2, '台州职业技术学院')] });
      }),
      http.post(`${API}/evaluations/bulk/open`, async ({ request }) => {
        sent.push(await bodyOf(request));
        return HttpResponse.json({ opened: 1, skipped: [{ agreementId: 43, year: 2, schoolId: 43, reason: 'already_evaluated', message: 'already evaluated' }] });
      }),
      listHandler('evaluations', []),
      listHandler('agreements', []),
    );
    await user.click(await screen.findByRole('button', { name: '开启全部已结束年度' }));
    const dialog = await screen.findByRole('dialog', { name: '批量开启评审' });
    const table = within(dialog).getByTestId('awaiting-years');
    expect(await within(table).findByText('宁波职业技术学院')).toBeInTheDocument();
    expect(within(table).getByText('或只开启选中的年度（3 个待评审）')).toBeInTheDocument();
    // The tier chosen above narrows the rows.
    await user.click(within(dialog).getByRole('button', { name: '1+X试点院校' }));
    await waitFor(() => expect(asked).toContain('?tier=pilot_1x'));

    const boxes = () => within(table).getAllByRole('checkbox');
    // The header's "select all", then a box per row.
    await user.click(boxes()[1]);
    await user.click(boxes()[3]);
    await user.click(within(table).getByRole('button', { name: '开启评审' }));
    const confirm = await screen.findByRole('dialog', { name: /为选中的 2 个年度开启评审/ });
    expect(within(confirm).getByText(/共 2 条记录，全部成功或全部不变/)).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: /确认|Confirm/ }));
    await waitFor(() => expect(sent).toEqual([{ items: [{ agreementId: 41, year: 1 }, { agreementId: 43, year: 2 }] }]));
    expect(await screen.findByText('已开启 1 项评审')).toBeInTheDocument();
    expect(await within(dialog).findByText('未开启 1 个年度：')).toBeInTheDocument();
    expect(await within(dialog).findByRole('link', { name: /协议 #43 第 2 年度/ })).toHaveAttribute('href', '#/agreements/43/show');
  });
});
