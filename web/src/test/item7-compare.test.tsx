import { it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderApp } from './render-app';
import { renderResource } from './render-resource';
import { server } from './server';
import { listHandler, schools, users } from './api';

for (const [label, fn] of [['app', renderApp], ['resource', renderResource], ['app', renderApp], ['resource', renderResource]] as const) {
  it(label, async () => {
    server.use(listHandler('schools', schools));
    const c0 = process.cpuUsage(); const t0 = performance.now();
    fn('#/schools', users.hq);
    await screen.findByText('杭州职业技术学院', {}, { timeout: 60000 });
    const c = process.cpuUsage(c0);
    process.stdout.write(`RESULT ${label}: cpu ${Math.round((c.user + c.system) / 1000)} ms, wall ${Math.round(performance.now() - t0)} ms\n`);
    cleanup();
  }, 120000);
}
