import { useId, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableChartOutlinedIcon from '@mui/icons-material/TableChartOutlined';
import BarChartIcon from '@mui/icons-material/BarChart';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatNumber } from '../dates';

export interface ChartColumn<R> {
  /** The column's heading. */
  label: string;
  /** The cell: a number is written with the language's separators. */
  value: (row: R) => ReactNode | number | null | undefined;
}

/**
 * A chart with its text alternative (WCAG 1.1.1, 1.4.1): the same numbers as a table, one button
 * away and reachable by keyboard. The chart itself is an image named by `title` for assistive
 * technology (its SVG is hidden from it); the button switches between the chart and the table
 * (aria-expanded, aria-controls). The first column heads each row (a row header).
 */
export function ChartWithTable<R>({ title, columns, rows, rowKey, children, defaultView = 'chart', testId }: {
  /** What the chart shows, in words: the image's name and the table's caption. */
  title: string;
  columns: ChartColumn<R>[];
  rows: R[];
  rowKey: (row: R, index: number) => string | number;
  /** The chart (recharts). */
  children: ReactNode;
  defaultView?: 'chart' | 'table';
  testId?: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [view, setView] = useState(defaultView);
  const tableId = useId();
  const showing = view === 'table';
  const cell = (v: ReactNode | number | null | undefined) => (typeof v === 'number' ? formatNumber(v, locale) : v ?? '—');
  return (
    <Box data-testid={testId} data-view={view}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          size="small"
          onClick={() => setView(showing ? 'chart' : 'table')}
          aria-expanded={showing}
          aria-controls={tableId}
          startIcon={showing ? <BarChartIcon /> : <TableChartOutlinedIcon />}
          data-testid="chart-table-toggle"
        >
          {translate(showing ? 'app.a11y.show_chart' : 'app.a11y.show_table')}
        </Button>
      </Box>
      {showing ? null : (
        <Box role="img" aria-label={title} sx={{ '& svg': { outline: 'none' } }}>
          <Box aria-hidden>{children}</Box>
        </Box>
      )}
      <Box id={tableId} hidden={!showing} sx={{ overflowX: 'auto' }}>
        {showing ? (
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{translate('app.a11y.chart_data', { title })}</caption>
            <TableHead>
              <TableRow>
                {columns.map((c, i) => (
                  <TableCell key={i} scope="col" align={i ? 'right' : 'left'}>{c.label}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, r) => (
                <TableRow key={rowKey(row, r)}>
                  {columns.map((c, i) => (
                    <TableCell key={i} component={i ? 'td' : 'th'} scope={i ? undefined : 'row'} align={i ? 'right' : 'left'}>{cell(c.value(row))}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </Box>
    </Box>
  );
}
