import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { i18nProvider } from '../i18n';
import { users } from '../test/api';
import { renderComponent } from '../test/render-resource';
import { screenWidth } from '../test/screen-width';
import { AppBar } from './AppBar';

const original = window.matchMedia;
afterEach(() => {
  window.matchMedia = original;
});

describe('the app bar on a phone', () => {
  it('folds who is signed in and the language switch into the user menu, and the switch works there', async () => {
    screenWidth(360);
    const { container } = renderComponent(<AppBar />, '#/', users.school,
      http.get('*/api/auth/me/preferences', () => HttpResponse.json({ digestEnabled: true })));
    await screen.findByTestId('notification-bell');
    const userButton = await waitFor(() => {
      const button = container.querySelector<HTMLButtonElement>('.user-menu button');
      expect(button).not.toBeNull();
      return button!;
    });
    fireEvent.click(userButton);
    const menu = await screen.findByRole('menu');
    expect(await within(menu).findByText('李老师')).toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: '中文' })).toHaveClass('Mui-selected');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'English' }));
    await waitFor(() => expect(i18nProvider.getLocale()).toBe('en'));
  });
});
