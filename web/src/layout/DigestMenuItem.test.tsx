import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { users } from '../test/api';
import { bodyOf, renderComponent } from '../test/render-resource';
import MenuList from '@mui/material/MenuList';
import { DigestMenuItem } from './DigestMenuItem';

describe('the daily digest switch in the user menu', () => {
  it('shows the preference and turns it off and on again', async () => {
    const sent: unknown[] = [];
    let enabled = true;
    renderComponent(<MenuList><DigestMenuItem /></MenuList>, '#/', users.school,
      http.get('*/api/auth/me/preferences', () => HttpResponse.json({ digestEnabled: enabled })),
      http.put('*/api/auth/me/preferences', async ({ request }) => {
        const body = await bodyOf(request);
        sent.push(body);
        enabled = body.digestEnabled as boolean;
        return HttpResponse.json({ digestEnabled: enabled });
      }));
    const toggle = await screen.findByRole('switch', { name: '每日待办邮件' });
    await waitFor(() => expect(toggle).toBeChecked());
    fireEvent.click(screen.getByRole('menuitem'));
    await waitFor(() => expect(sent).toEqual([{ digestEnabled: false }]));
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(await screen.findByText('已关闭每日待办邮件')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('menuitem')).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(screen.getByRole('menuitem'));
    await waitFor(() => expect(sent).toEqual([{ digestEnabled: false }, { digestEnabled: true }]));
    await waitFor(() => expect(toggle).toBeChecked());
  });
});
