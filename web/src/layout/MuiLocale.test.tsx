import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Autocomplete from '@mui/material/Autocomplete';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import { AdminContext, memoryStore, useSetLocale } from 'react-admin';
import { i18nProvider } from '../i18n';
import { theme } from './theme';
import { MuiLocale } from './MuiLocale';

function SwitchToEnglish() {
  const setLocale = useSetLocale();
  return <button type="button" onClick={() => setLocale('en')}>switch</button>;
}

describe('MUI speaks the UI language', () => {
  it('writes its own pagination and autocomplete words in Chinese, then in English after the switch', async () => {
    render(
      <AdminContext i18nProvider={i18nProvider} store={memoryStore()} theme={theme}>
        <MuiLocale>
          <TablePagination component="div" count={120} page={0} rowsPerPage={10} onPageChange={() => undefined} />
          <Autocomplete open options={[]} renderInput={(params) => <TextField {...params} label="q" />} />
          <SwitchToEnglish />
        </MuiLocale>
      </AdminContext>,
    );
    expect(screen.getByText('每页行数:')).toBeInTheDocument();
    expect(screen.getByText('没有可用选项')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一页' })).toBeInTheDocument();
    expect(screen.queryByText(/Rows per page|No options/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'switch' }));
    // react-admin renders its children anew for the new language: wait for the page as a whole.
    await waitFor(() => expect(document.body).toHaveTextContent(/Rows per page:.*No options/), { timeout: 10_000 });
    expect(document.body).not.toHaveTextContent(/每页行数|没有可用选项/);
  });
});
