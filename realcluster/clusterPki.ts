// The real cluster's keys and tokens, made with the openssl CLI into its state dir: a CA, the API
// server's certificate for 127.0.0.1 / localhost, the service-account signing key pair, and a token
// file with two users — `admin` (system:masters) and `viewer` (bound to a read-only ClusterRole).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

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
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '7', '-subj', '/CN=real-cluster-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run('openssl', ['req', ...ec, '-keyout', p('apiserver.key'), '-out', p('apiserver.csr'), '-subj', '/CN=kube-apiserver']);
  await writeFile(p('apiserver.ext'), [
    'basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc,IP:10.96.0.1', '',
  ].join('\n'));
  await run('openssl', ['x509', '-req', '-in', p('apiserver.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial',
    '-out', p('apiserver.crt'), '-days', '7', '-extfile', p('apiserver.ext')]);
  // Service-account tokens are signed with RSA (the API server's default algorithm for its keys).
  await run('openssl', ['genrsa', '-out', p('sa.key'), '2048']);
  await run('openssl', ['rsa', '-in', p('sa.key'), '-pubout', '-out', p('sa.pub')]);
  const adminToken = randomBytes(24).toString('hex');
  const viewerToken = randomBytes(24).toString('hex');
  await writeFile(p('tokens.csv'), `${adminToken},admin,admin-uid,"system:masters"\n${viewerToken},viewer,viewer-uid\n`, { mode: 0o600 });
  return {
    caCert: p('ca.crt'),
    caPem: await readFile(p('ca.crt'), 'utf8'),
    serverCert: p('apiserver.crt'),
    serverKey: p('apiserver.key'),
    saKey: p('sa.key'),
    saPub: p('sa.pub'),
    tokenFile: p('tokens.csv'),
    adminToken,
    viewerToken,
  };
}
