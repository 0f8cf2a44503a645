// The real cluster's keys and tokens, made with the openssl CLI into its state dir: a CA and the API
// server's certificate for 127.0.0.1 / localhost (testbed/apiDouble/certs.ts), the service-account
// signing key pair, and a token file with two users — `admin` (system:masters) and `viewer` (bound to a read-only ClusterRole).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateCerts } from '../testbed/apiDouble/certs';

const run = promisify(execFile);

export interface ClusterPki {
  readonly caCert: string;
  readonly caPem: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly saKey: string;
  readonly saPub: string;
  readonly tokenFile: string;
  readonly adminToken: string;
  readonly viewerToken: string;
}

export async function makeClusterPki(dir: string): Promise<ClusterPki> {
  const p = (name: string): string => join(dir, name);
  // The CA and the serving certificate for 127.0.0.1 / localhost: the same as the API double's.
  const certs = await generateCerts(dir);
  // Service-account tokens are signed with RSA (the API server's default algorithm for its keys).
  await run('openssl', ['genrsa', '-out', p('sa.key'), '2048']);
  await run('openssl', ['rsa', '-in', p('sa.key'), '-pubout', '-out', p('sa.pub')]);
  const adminToken = randomBytes(24).toString('hex');
  const viewerToken = randomBytes(24).toString('hex');
  await writeFile(p('tokens.csv'), `${adminToken},admin,admin-uid,"system:masters"\n${viewerToken},viewer,viewer-uid\n`, { mode: 0o600 });
  return {
    caCert: p('ca.crt'), caPem: certs.caPem, serverCert: p('server.crt'), serverKey: p('server.key'),
    saKey: p('sa.key'), saPub: p('sa.pub'), tokenFile: p('tokens.csv'), adminToken, viewerToken,
  };
}
