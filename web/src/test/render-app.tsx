import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { memoryStore } from 'react-admin';
import { App } from '../App';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { API } from './api';
import { serveSession } from './render-resource';

export { bodyOf } from './render-resource';

/**
 * The whole app on a route, as `user`, against msw handlers (the same answers as renderResource's): only for what the
 * app as a whole shows, such as the role's menu and the app bar around a page. A screen, or a piece of the layout,
 * renders alone with renderResource / renderComponent (render-resource.tsx), which costs far less.
 */
export function renderApp(hash: string, user: Parameters<typeof serveSession>[1], ...handlers: RequestHandler[]) {
  serveSession(hash, user, handlers);
  return render(<App dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} store={memoryStore()} />);
}
