import { render } from '@testing-library/react';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { memoryStore } from 'react-admin';
import { App } from '../App';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { server } from './server';
import { API, listHandler, meHandler, oneHandler, regions, users } from './api';

/** The whole app on a route, as `user`, against msw handlers (plus the app bar's own requests). */
export function renderApp(hash: string, user: (typeof users)[keyof typeof users], ...handlers: RequestHandler[]) {
  window.location.hash = hash;
  server.use(
    ...handlers,
    meHandler(user),
    listHandler('regions', regions),
    oneHandler('regions', regions),
    http.get(`${API}/notifications/unread-count`, () => HttpResponse.json({ unread: 0 })),
    listHandler('notifications', []),
    listHandler('audit-events', []),
  );
  return render(<App dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} store={memoryStore()} />);
}

/** A JSON body of a request, for assertions. */
export async function bodyOf(request: Request) {
  return JSON.parse(await request.text()) as Record<string, unknown>;
}
