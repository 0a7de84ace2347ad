import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * One msw server for every test; each test adds the handlers it needs (server.use). The app bar's
 * notification bell asks for the unread count on every page, so every test gets an answer for it
 * (a test about the bell overrides it).
 */
export const server = setupServer(
  http.get('*/api/notifications/unread-count', () => HttpResponse.json({ unread: 0 })),
);
