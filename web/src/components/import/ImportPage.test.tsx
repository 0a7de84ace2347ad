import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { AdminContext, TestMemoryRouter, memoryStore, type AuthProvider } from 'react-admin';
import { i18nProvider } from '../../i18n';
import { server } from '../../test/server';
import { ImportPage } from './ImportPage';
import { readCsv } from './csv';

const template = '\ufeffstudentNo,kind,certNo,issuedOn\r\n2024010101,1x_junior,1X-2026-000123,2026-06-20\r\n';
const file = 'studentNo,kind,certNo,issuedOn\n2024001,1x_junior,A-1,2026-05-01\n999,1x_junior,,2026-13-01\n"2024003",operator,"B,2",2026-06-01\n';

const auth: AuthProvider = {
  login: async () => {}, logout: async () => {}, checkAuth: async () => {}, checkError: async () => {},
  getPermissions: async () => 'school',
  canAccess: async () => true,
};

function renderImport(answer: () => Response, seen: { body?: string; type?: string | null } = {}) {
  let location = '';
  server.use(
    http.get('*/api/certificates/import-template', () => new HttpResponse(template, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })),
    http.post('*/api/certificates/import', async ({ request }) => {
      seen.body = await request.text();
      seen.type = request.headers.get('content-type');
      return answer();
    }),
  );
  render(
    <TestMemoryRouter initialEntries={['/certificates/import']} locationCallback={(l) => { location = l.pathname; }}>
      <AdminContext i18nProvider={i18nProvider} authProvider={auth} store={memoryStore()}>
        <ImportPage resource="certificates" />
      </AdminContext>
    </TestMemoryRouter>,
  );
  return { location: () => location };
}

async function chooseAndImport() {
  await screen.findByText('studentNo');
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File([file], 'certs.csv', { type: 'text/csv' })] } });
  await screen.findByText('certs.csv');
  expect(screen.getByText('3 行数据')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '导入' }));
}

describe('importing a CSV file', () => {
  it('shows the template to fill in, with its columns', async () => {
    renderImport(() => HttpResponse.json({ created: 0 }));
    expect(await screen.findByText('studentNo')).toBeInTheDocument();
    expect(screen.getByText('1X-2026-000123')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载模板' })).toBeEnabled();
  });

  it('shows every refused row with its cells and the problem, and nothing is imported', async () => {
    const seen: { body?: string; type?: string | null } = {};
    renderImport(() => HttpResponse.json({
      error: 'validation_failed',
      message: '1 row(s) have problems; nothing was imported. Fix them and import the file again.',
      details: [
        { row: 3, field: 'issuedOn', code: 'invalid_date', params: {}, message: 'must be a real date YYYY-MM-DD' },
        { row: 3, field: 'studentNo', code: 'no_student_number', params: {}, message: 'no student with this number in your school' },
      ],
    }, { status: 400 }), seen);
    await chooseAndImport();

    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText('1 行有问题，未导入任何记录')).toBeInTheDocument();
    const table = within(report).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('不是有效日期（YYYY-MM-DD）')).toBeInTheDocument();
    expect(within(rows[0]).getByText('2026-13-01')).toBeInTheDocument();
    expect(within(rows[0]).getByText('999')).toBeInTheDocument();
    expect(within(rows[1]).getByText('本校没有此学号的学生')).toBeInTheDocument();
    expect(within(report).getByRole('button', { name: '下载错误报告' })).toBeInTheDocument();
    // The file went to the server as it was, as CSV.
    expect(seen.body).toBe(file);
    expect(seen.type).toContain('text/csv');
  });

  it('says how many were created and goes back to the list', async () => {
    const page = renderImport(() => HttpResponse.json({ created: 3 }));
    await chooseAndImport();
    await waitFor(() => expect(page.location()).toBe('/certificates'));
  });

  it("shows the server's message when the file is refused as a whole", async () => {
    renderImport(() => HttpResponse.json({ error: 'unsupported_media_type', message: 'Send the CSV file as the body.' }, { status: 415 }));
    await chooseAndImport();
    expect(await screen.findByText('Send the CSV file as the body.')).toBeInTheDocument();
  });
});

describe('reading the CSV in the browser', () => {
  it("numbers records as the server does (header is row 1), across quoted commas and line breaks", () => {
    const csv = readCsv('\ufeffa,b\r\n1,"x,y"\r\n\r\n2,"line\nbreak"\n3,""""\n');
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.count).toBe(3);
    expect(csv.rows.get(2)).toEqual(['1', 'x,y']);
    expect(csv.rows.get(3)).toEqual(['2', 'line\nbreak']);
    expect(csv.rows.get(4)).toEqual(['3', '"']);
  });
});
