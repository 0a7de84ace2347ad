import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { AdminContext, Empty, ResourceContextProvider } from 'react-admin';
import { theme } from './theme';

describe('the theme', () => {
  it("writes react-admin's empty-list message in the secondary text colour, not the disabled one (2.65:1 on the page's grey)", async () => {
    const { findByText } = render(
      <AdminContext>
        <ThemeProvider theme={createTheme(theme as Parameters<typeof createTheme>[0])}>
          <ResourceContextProvider value="mail-outbox">
            <Empty hasCreate={false} />
          </ResourceContextProvider>
        </ThemeProvider>
      </AdminContext>,
    );
    const message = (await findByText(/mail-outbox|暂无|No /)).closest('.RaEmpty-message')!;
    expect(getComputedStyle(message).color).toBe('rgba(0, 0, 0, 0.6)');
  });
});
