import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { todayInChina, type ProgrammeReport } from '@campus/common';
import { users } from '../../test/api';
import { renderResource } from '../../test/render-resource';
import { captureDownloads } from '../../test/downloads';

const lastYear = Number(todayInChina().slice(0, 4)) - 1;
const zeroFailing = { certifiedInstructors: 0, teachingDelivery: 0, offlineCourses: 0, practiceHours: 0, certificates1x: 0, certificatesOperator: 0, jobPlatformRate: 0, jobFairs: 0 };
const report = (year: number): ProgrammeReport => ({
  year, from: `${year}-01-01`, to: `${year + 1}-01-01`, asOf: `${year + 1}-03-01`,
  regions: [{ id: 1, code: 'east', nameZh: '华东', nameEn: 'East China' }, { id: 2, code: 'south', nameZh: '华南', nameEn: 'South China' }],
  agreements: [{ regionId: 1, tier: 'industry_college', status: 'active', agreements: 3, schools: 3 }],
  compliance: [
    { regionId: 1, tier: 'industry_college', rows: 4, compliant: 3, rate: 0.75, failing: { ...zeroFailing, jobFairs: 1 } },
    { regionId: 2, tier: 'talent_base', rows: 2, compliant: 0, rate: 0, failing: { ...zeroFailing, jobFairs: 2, certificates1x: 2 } },
  ],
  certificates: [{ regionId: 1, tier: 'industry_college', verified1x: 120, claimed1x: 30, verifiedOperator: 5, claimedOperator: 7 }],
  sessions: [{ id: 9, title: '六月统考', kind: '1x_junior', sessionType: 'unified', examOn: `${year}-06-15`, status: 'results_published', candidates: 50, sat: 40, passed: 30, absent: 10, passRate: 0.75 }],
  candidates: [{ regionId: 1, tier: 'industry_college', candidates: 50, sat: 40, passed: 30, absent: 10, passRate: 0.75 }],
  jobPlatform: [{ regionId: 1, tier: 'industry_college', certifiedStudents: 125, activeRegistered: 100, rate: 0.8 }],
  decisions: [{ regionId: 2, tier: 'talent_base', rectificationsOpened: 2, rectificationsClosed: 1, renewals: 0, upgrades: 1, terminations: 1, nonRenewals: 0 }],
});

const regional = { ...users.hq, id: 2, email: 'east@demo.test', name: '华东大区', role: 'regional', regionIds: [1] } as unknown as typeof users.hq;

describe('the programme report page (年度报告)', () => {
  const downloads = captureDownloads();

  it('shows last year\'s report as the server counts it: the tables with their totals, and the charts\' numbers', async () => {
    const asked: string[] = [];
    renderResource('#/reports', users.hq, http.get(`*/api/reports/programme`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.searchParams.get('year')!);
      return HttpResponse.json(report(Number(url.searchParams.get('year'))));
    }));
    const compliance = await screen.findByTestId('table-compliance');
    expect(asked).toEqual([String(lastYear)]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`年度项目报告 ${lastYear}`);
    // Rows in region then tier order, with the rate as a percentage; the total is the rows' sum, its rate theirs.
    const rows = within(compliance).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/^华东产业学院4375%00000001$/);
    expect(rows[2]).toHaveTextContent(/^华南人才基地200%00002002$/);
    expect(within(compliance).getByTestId('total-row')).toHaveTextContent(/^合计6350%00002003$/);
    expect(within(screen.getByTestId('table-sessions')).getAllByRole('row')[1]).toHaveTextContent(/六月统考1\+X 初级统考.*成绩已发布50403010/);
    expect(within(screen.getByTestId('table-decisions')).getByTestId('total-row')).toHaveTextContent(/^合计210110$/);
    expect(within(screen.getByTestId('table-certificates')).getByTestId('total-row')).toHaveTextContent('合计1203057');
    // A chart's numbers, one button away: the certificates by region, verified and claimed.
    const chart = screen.getByTestId('chart-certificates');
    fireEvent.click(within(chart).getByRole('button', { name: '以表格查看' }));
    const chartRows = within(chart).getAllByRole('row');
    expect(chartRows[1]).toHaveTextContent('华东12537');
    expect(chartRows[2]).toHaveTextContent('华南00');
  });

  it('asks for another year when one is picked', async () => {
    const asked: string[] = [];
    renderResource('#/reports', users.hq, http.get(`*/api/reports/programme`, ({ request }) => {
      const year = new URL(request.url).searchParams.get('year')!;
      asked.push(year);
      return HttpResponse.json(report(Number(year)));
    }));
    await screen.findByTestId('table-compliance');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '年份' }));
    fireEvent.click(await screen.findByRole('option', { name: String(lastYear - 2) }));
    await waitFor(() => expect(asked).toContain(String(lastYear - 2)));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(String(lastYear - 2));
  });

  it('downloads the .xlsx in the UI\'s language, and says in Chinese why a PDF could not be made', async () => {
    const files: string[] = [];
    renderResource('#/reports', regional,
      http.get(`*/api/reports/programme`, ({ request }) => {
        const url = new URL(request.url);
        const format = url.searchParams.get('format');
        if (!format) return HttpResponse.json(report(Number(url.searchParams.get('year'))));
        files.push(`${format}:${url.searchParams.get('lang')}`);
        if (format === 'pdf') {
          return HttpResponse.json({ error: 'service_unavailable', code: 'pdf_renderer_missing', params: { path: '/usr/bin/chromium' }, message: 'Chromium was not found' }, { status: 503 });
        }
        return new HttpResponse(new Uint8Array([0x50, 0x4b, 3, 4]), {
          headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="programme-report-${lastYear}.xlsx"` },
        });
      }));
    await screen.findByTestId('table-compliance');
    fireEvent.click(screen.getByRole('button', { name: '下载 Excel' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(files).toEqual(['xlsx:zh']);
    expect(downloads[0].size).toBe(4);
    fireEvent.click(screen.getByRole('button', { name: '下载 PDF' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('下载失败');
    expect(alert).toHaveTextContent('找不到用来打印的浏览器（/usr/bin/chromium）');
    expect(alert).not.toHaveTextContent('was not found');
    expect(downloads).toHaveLength(1);
  });

  it('is not there for schools', () => {
    const { container } = renderResource('#/reports', users.school, http.get(`*/api/reports/programme`, () => HttpResponse.json(report(lastYear))));
    expect(container.querySelector('[data-testid="table-compliance"]')).toBeNull();
  });
});
