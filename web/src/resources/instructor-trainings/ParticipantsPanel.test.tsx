import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { addDays, format, parseISO } from 'date-fns';
import { todayInChina } from '@campus/common';
import { API, listHandler, oneHandler, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const ended = format(addDays(parseISO(todayInChina()), -10), 'yyyy-MM-dd');
const training = { id: 5, title: '1+X 师资培训（中级）', level: 'intermediate', startsOn: ended, endsOn: ended, location: '杭州', validityMonths: 36, version: 1, createdAt: '2026-01-01T08:00:00+08:00', updatedAt: '2026-01-01T08:00:00+08:00', participants: 0, passed: 0 };
const instructors = [
  { id: 11, schoolId: 1, name: '王芳', staffNo: 'T001', email: null, certifications: [], validToday: false },
  { id: 12, schoolId: 2, name: '陈静', staffNo: 'S001', email: null, certifications: [], validToday: false },
];
const recorded = { id: 91, trainingId: 5, instructorId: 11, schoolId: 1, passed: true, score: 88.5, certificationId: 3, recordedBy: 1, createdAt: '2026-01-02T08:00:00+08:00', instructorName: '王芳', staffNo: 'T001', schoolName: '杭州职业技术学院', trainingTitle: training.title, certNo: 'TT-5-11', validFrom: ended, validTo: '2029-01-01' };

/** The participants as the server holds them; POST adds, and the list answers what it holds. */
function participantsServer(answer: (body: Record<string, unknown>) => Response | undefined = () => undefined) {
  let rows: Record<string, unknown>[] = [];
  const sent: Record<string, unknown>[] = [];
  const handlers = [
    oneHandler('instructor-trainings', [training]),
    listHandler('instructors', instructors),
    http.get(`${API}/instructor-training-participants`, () => HttpResponse.json(rows, { headers: { 'Content-Range': `instructor-training-participants 0-${rows.length}/${rows.length}` } })),
    http.post(`*/api/instructor-trainings/5/participants`, async ({ request }) => {
      const body = await bodyOf(request);
      sent.push(body);
      const refused = answer(body);
      if (refused) return refused;
      rows = [recorded];
      return HttpResponse.json({ created: 1, certified: 1 });
    }),
  ];
  return { handlers, sent };
}

async function pickInstructor(name: string) {
  const box = await screen.findByRole('combobox', { name: /讲师/ });
  fireEvent.focus(box);
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: name } });
  fireEvent.click(await screen.findByRole('option', { name: new RegExp(name) }));
}

describe('the participants of a training', () => {
  it('HQ adds an instructor with a pass and a score; the list shows the certification the pass created', async () => {
    const server = participantsServer();
    renderResource('#/instructor-trainings/5/show', users.hq, ...server.handlers);
    expect(await screen.findByText('还没有学员')).toBeInTheDocument();
    await pickInstructor('王芳');
    fireEvent.change(screen.getByRole('spinbutton', { name: '成绩' }), { target: { value: '88.5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存结果' }));
    await waitFor(() => expect(server.sent).toEqual([{ participants: [{ instructorId: 11, passed: true, score: 88.5 }] }]));
    const table = await screen.findByRole('table', { name: '参训讲师' });
    expect(within(table).getByText('TT-5-11')).toBeInTheDocument();
    expect(within(table).getByText('通过')).toBeInTheDocument();
  });

  it('puts the server\'s refusal on the row\'s field, and keeps what was typed', async () => {
    const server = participantsServer(() => HttpResponse.json({
      error: 'validation_failed', code: 'cert_no_taken', params: { certNo: 'X-1' }, message: 'participants.0.certNo: certification number X-1 is already in use',
      details: [{ field: 'participants.0.certNo', code: 'cert_no_taken', params: { certNo: 'X-1' }, message: 'certification number X-1 is already in use' }],
    }, { status: 400 }));
    renderResource('#/instructor-trainings/5/show', users.hq, ...server.handlers);
    await pickInstructor('陈静');
    fireEvent.change(screen.getByRole('textbox', { name: /认证编号/ }), { target: { value: 'X-1' } });
    fireEvent.click(screen.getByRole('button', { name: '保存结果' }));
    expect(await screen.findByText('认证编号 X-1 已被使用')).toBeInTheDocument();
    expect(server.sent[0]).toEqual({ participants: [{ instructorId: 12, passed: true, certNo: 'X-1' }] });
    expect(screen.getByRole('textbox', { name: /认证编号/ })).toHaveValue('X-1');
  });

  it('a school reads its own participants, with no form to add or remove', async () => {
    renderResource('#/instructor-trainings/5/show', users.school,
      oneHandler('instructor-trainings', [training]),
      listHandler('instructor-training-participants', [recorded]));
    expect(await screen.findByText('TT-5-11')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存结果' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /移除/ })).not.toBeInTheDocument();
  });

  it('lists the rows an imported file was refused for', async () => {
    renderResource('#/instructor-trainings/5/show', users.hq,
      ...participantsServer().handlers,
      http.post(`*/api/instructor-trainings/5/participants/import`, () => HttpResponse.json({
        error: 'validation_failed', code: 'rows_have_problems', params: { count: 1 }, message: '1 row has problems',
        details: [{ row: 3, field: 'school', code: 'instructor_school_unknown', params: { school: '不存在的学院' }, message: 'there is no school called "不存在的学院"' }],
      }, { status: 400 })));
    const input = await screen.findByLabelText('选择文件并导入');
    fireEvent.change(input, { target: { files: [new File(['学校,工号,是否通过\n不存在的学院,T1,通过\n'], 'p.csv', { type: 'text/csv' })] } });
    const report = await screen.findByTestId('participants-import-report');
    expect(within(report).getByText('没有名为「不存在的学院」的学校')).toBeInTheDocument();
    expect(within(report).getByText('3')).toBeInTheDocument();
  });
});
