import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { AdminContext, TestMemoryRouter, memoryStore, type AuthProvider } from 'react-admin';
import { i18nProvider } from '../../i18n';
import { server } from '../../test/server';
import { ImportPage } from './ImportPage';
import { readCsv } from './csv';
import { captureDownloads } from '../../test/downloads';

const template = '\ufeff学号 (studentNo),证书类型 (kind),证书编号 (certNo),发证日期 (issuedOn)\r\n# 可选值 Allowed (本行导入时跳过 / skipped on import),1+X初级 (1x_junior); 操盘官 (operator),,\r\n';
const file = 'studentNo,kind,certNo,issuedOn\n2024001,1x_junior,A-1,2026-05-01\n999,1x_junior,,2026-13-01\n"2024003",operator,"B,2",2026-06-01\n';

const auth: AuthProvider = {
  login: async () => {}, logout: async () => {}, checkAuth: async () => {}, checkError: async () => {},
  getPermissions: async () => 'school',
  canAccess: async () => true,
};

interface Seen { body?: string; type?: string | null; templates: string[]; queries: string[]; bodies: (string | ArrayBuffer)[]; types: (string | null)[] }

function renderImport(answer: (dryRun: boolean, url: URL) => Response, seen: Partial<Seen> = {}, props: { upsert?: boolean; resource?: string } = {}) {
  const resource = props.resource ?? 'certificates';
  let location = '';
  let search = '';
  seen.templates = [];
  seen.queries = [];
  seen.bodies = [];
  seen.types = [];
  server.use(
    http.get(`*/api/${resource}/import/template`, ({ request }) => {
      const format = new URL(request.url).searchParams.get('format');
      seen.templates!.push(format ?? '');
      return format === 'xlsx'
        ? new HttpResponse(new Uint8Array([0x50, 0x4b, 3, 4]), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
        : new HttpResponse(template, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    }),
    http.post(`*/api/${resource}/import`, async ({ request }) => {
      const url = new URL(request.url);
      const type = request.headers.get('content-type');
      const body = type?.startsWith('text/csv') ? await request.text() : await request.arrayBuffer();
      seen.body = typeof body === 'string' ? body : undefined;
      seen.type = type;
      seen.queries!.push(url.search);
      seen.bodies!.push(body);
      seen.types!.push(type);
      return answer(url.searchParams.get('dryRun') === 'true', url);
    }),
  );
  render(
    <TestMemoryRouter initialEntries={[`/${resource}/import`]} locationCallback={(l) => { location = l.pathname; search = l.search; }}>
      <AdminContext i18nProvider={i18nProvider} authProvider={auth} store={memoryStore()}>
        <ImportPage resource={resource} upsert={props.upsert} />
      </AdminContext>
    </TestMemoryRouter>,
  );
  return { location: () => location, search: () => search };
}

async function choose(chosen: File) {
  await screen.findByText('studentNo');
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [chosen] } });
  await screen.findByText(chosen.name);
}

/** Chooses the CSV and checks it (the dry run); the import itself waits for the preview's button. */
async function chooseAndImport() {
  await choose(new File([file], 'certs.csv', { type: 'text/csv' }));
  expect(screen.getByText('3 行数据')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
}

const dryRun = (answer: Record<string, unknown>) => HttpResponse.json({ created: 0, updated: 0, unchanged: 0, rejected: 0, rows: [], ...answer });

describe('importing a CSV file', () => {
  it('shows the template to fill in, with its columns', async () => {
    renderImport(() => HttpResponse.json({ created: 0 }));
    expect(await screen.findByText('studentNo')).toBeInTheDocument();
    expect(screen.getByText('发证日期')).toBeInTheDocument();
    // The kinds of certificate, as the template's second row lists them, under their column only.
    expect(screen.getByTestId('allowed-kind')).toHaveTextContent('1+X初级 (1x_junior); 操盘官 (operator)');
    expect(screen.queryByTestId('allowed-studentNo')).toBeNull();
    expect(screen.getByRole('button', { name: '下载 Excel 模板' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '下载 CSV 模板' })).toBeEnabled();
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

  it('previews what the file would do, then imports it on confirmation and goes back to the list', async () => {
    const seen: Partial<Seen> = {};
    const page = renderImport((dry) => (dry ? dryRun({ created: 3, rows: [{ row: 2, outcome: 'created' }, { row: 3, outcome: 'created' }, { row: 4, outcome: 'created' }] }) : HttpResponse.json({ created: 3 })), seen);
    await chooseAndImport();
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByText('新建 3')).toBeInTheDocument();
    expect(within(preview).getByText('有问题 0')).toBeInTheDocument();
    expect(seen.queries).toEqual(['?dryRun=true']);
    expect(page.location()).toBe('/certificates/import');
    fireEvent.click(within(preview).getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(page.location()).toBe('/certificates'));
    // The list newest first: the rows just created are the first in view (issue 17 item 3).
    expect(Object.fromEntries(new URLSearchParams(page.search()))).toMatchObject({ sort: 'id', order: 'DESC', page: '1' });
    expect(seen.queries).toEqual(['?dryRun=true', '']);
    expect(seen.bodies).toEqual([file, file]);
  });

  it("shows the server's message when the file is refused as a whole", async () => {
    renderImport(() => HttpResponse.json({ error: 'unsupported_media_type', message: 'Send the CSV file as the body.' }, { status: 415 }));
    await chooseAndImport();
    expect(await screen.findByText('Send the CSV file as the body.')).toBeInTheDocument();
  });
});

describe('workbooks, previews, upserts and templates', () => {
  const created = captureDownloads();

  it('an .xlsx file goes to the server as it is, with the workbook content type, for the dry run and then the import', async () => {
    const seen: Partial<Seen> = {};
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 250]);
    const page = renderImport((dry) => (dry ? dryRun({ created: 2 }) : HttpResponse.json({ created: 2 })), seen);
    await choose(new File([bytes], 'certs.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    expect(screen.getByText('Excel 工作簿')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
    fireEvent.click(await within(await screen.findByTestId('import-preview')).findByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(page.location()).toBe('/certificates'));
    expect(seen.types).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(seen.bodies!.map((b) => [...new Uint8Array(b as ArrayBuffer)])).toEqual([[...bytes], [...bytes]]);
  });

  it('a dry run with refused rows shows each problem translated by its code beside the row\'s cells, and offers no import', async () => {
    const seen: Partial<Seen> = {};
    renderImport(() => dryRun({
      created: 1, rejected: 1,
      rows: [
        { row: 2, outcome: 'created' },
        { row: 3, outcome: 'rejected', problems: [{ field: 'studentNo', code: 'duplicate_in_file', params: { otherRow: 2 }, message: 'the same as row 2' }] },
      ],
    }), seen);
    await choose(new File(['学号,证书类型,证书编号,发证日期\n2024001,operator,,2026-05-01\n2024001,operator,,2026-05-02\n'], 'dup.csv', { type: 'text/csv' }));
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByText('有问题 1')).toBeInTheDocument();
    expect(within(preview).getByText('1 行有问题，未导入任何记录')).toBeInTheDocument();
    const rows = within(within(preview).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByText('与第 2 行重复')).toBeInTheDocument();
    expect(within(rows[0]).getByText('2026-05-02')).toBeInTheDocument();
    expect(within(preview).queryByRole('button', { name: '确认导入' })).toBeNull();
    expect(seen.queries).toEqual(['?dryRun=true']);
  });

  it('upsert, where the resource has it, is asked for in the dry run and the import, and the preview names what changes', async () => {
    const seen: Partial<Seen> = {};
    renderImport((dry) => (dry
      ? dryRun({ created: 1, updated: 1, unchanged: 1, rows: [{ row: 2, outcome: 'created' }, { row: 3, outcome: 'updated', changes: ['certNo', 'issuedOn'] }, { row: 4, outcome: 'unchanged' }] })
      : HttpResponse.json({ created: 1, updated: 1, unchanged: 1 })), seen, { upsert: true });
    await choose(new File([file], 'certs.csv', { type: 'text/csv' }));
    fireEvent.click(screen.getByLabelText('更新已存在的记录（按唯一标识匹配），其余新建'));
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByText('更新 1')).toBeInTheDocument();
    expect(within(preview).getByText('不变 1')).toBeInTheDocument();
    expect(within(preview).getByText('第 3 行：更新 证书编号、发证日期')).toBeInTheDocument();
    fireEvent.click(within(preview).getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(seen.queries).toEqual(['?dryRun=true&mode=upsert', '?mode=upsert']));
  });

  it('offers no upsert where the resource has none', async () => {
    renderImport(() => dryRun({}));
    await screen.findByText('studentNo');
    expect(screen.queryByLabelText('更新已存在的记录（按唯一标识匹配），其余新建')).toBeNull();
  });

  it('downloads the template in both formats from the import kit', async () => {
    const seen: Partial<Seen> = {};
    renderImport(() => dryRun({}), seen);
    await screen.findByText('studentNo');
    fireEvent.click(screen.getByRole('button', { name: '下载 Excel 模板' }));
    await waitFor(() => expect(created).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: '下载 CSV 模板' }));
    await waitFor(() => expect(created).toHaveLength(2));
    expect(seen.templates).toEqual(['csv', 'xlsx', 'csv']);
    expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await created[1].text()).toContain('学号 (studentNo)');
    // The CSV is saved byte for byte, its BOM kept: Excel then reads the Chinese as UTF-8.
    expect([...new Uint8Array(await created[1].arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
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
