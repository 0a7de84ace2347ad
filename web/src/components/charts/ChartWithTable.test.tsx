import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, memoryStore } from 'react-admin';
import { i18nProvider } from '../../i18n';
import { ChartWithTable } from './ChartWithTable';

const rows = [
  { name: '产业学院', compliant: 1234, failing: 2 },
  { name: '人才基地', compliant: 5, failing: 0 },
];

describe('a chart with its table', () => {
  it('is an image named by its title, and one keyboard press away from a table of the same numbers', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <AdminContext i18nProvider={i18nProvider} store={memoryStore()}>
        <ChartWithTable
          title="各层次达标情况"
          rows={rows}
          rowKey={(r) => r.name}
          columns={[
            { label: '层次', value: (r) => r.name },
            { label: '达标', value: (r) => r.compliant },
            { label: '未达标', value: (r) => r.failing },
          ]}
        >
          <svg data-testid="the-chart" />
        </ChartWithTable>
      </AdminContext>,
    );
    expect(screen.getByRole('img', { name: '各层次达标情况' })).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: '以表格查看' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // By keyboard: Tab to the button, Enter.
    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    const table = screen.getByRole('table', { name: '各层次达标情况（数据表）' });
    expect(screen.getByRole('button', { name: '以图表查看' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByTestId('the-chart')).not.toBeInTheDocument();
    const header = within(table).getByRole('rowheader', { name: '产业学院' });
    const row = header.closest('tr')!;
    expect(within(row).getByText('1,234')).toBeInTheDocument();
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['层次', '达标', '未达标']);
  });
});
