import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';

/** The first port of the system's ephemeral range: what listen(0) and outgoing connections are given. */
const ephemeralFrom = () => Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
const pool = process.env.VITEST_POOL_ID;
afterEach(() => { process.env.VITEST_POOL_ID = pool; });

describe.skipIf(process.platform !== 'linux')('ports for the processes tests start', () => {
  it('are never ones the system hands out to listen(0) meanwhile, as a port picked that way and released was', async () => {
    const port = await freePort();
    expect(port).toBeLessThan(ephemeralFrom());
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    expect((other.address() as net.AddressInfo).port).not.toBe(port);
    await new Promise((resolve) => other.close(resolve));
  });

  it('differ from one call to the next, and between the two workers of a run', async () => {
    const mine = new Set<number>();
    for (let i = 0; i < 20; i++) mine.add(await freePort());
    expect(mine.size).toBe(20);
    process.env.VITEST_POOL_ID = String(Number(pool ?? 1) === 1 ? 2 : 1);
    for (let i = 0; i < 20; i++) expect(mine.has(await freePort())).toBe(false);
  });

  it('pass over a port something else holds', async () => {
    const next = await freePort() + 1;
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(next, '127.0.0.1', resolve));
    try {
      const given = await freePort();
      expect(given).not.toBe(next);
      const taken = net.createServer();
      await new Promise<void>((resolve, reject) => { taken.once('error', reject); taken.listen(given, '127.0.0.1', resolve); });
      await new Promise((resolve) => taken.close(resolve));
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
