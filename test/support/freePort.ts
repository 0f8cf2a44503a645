// A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it): for servers the tests
// and the demo start on a port argument, and for an address that must refuse connections.
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  const addr = srv.address();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  if (addr === null || typeof addr === 'string') throw new Error('could not pick a free port');
  return addr.port;
}
