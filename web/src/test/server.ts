import { setupServer } from 'msw/node';

/** One msw server for every test; each test adds the handlers it needs (server.use). */
export const server = setupServer();
