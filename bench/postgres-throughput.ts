import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';

/**
 * The invoice list's throughput (GET /v1/invoices?limit=25, 50 connections) on one portal server
 * node, on PostgreSQL or, for comparison, on an SQLite file. The server runs on core 0 where
 * taskset exists; the load comes from this process.
 */

const secret = 'bench-secret-that-is-long-enough-0123456789';
const adminKey = 'bench-admin-key-that-is-long-enough-0123456789';

export type BenchDatabase = { postgresUrl: string } | { sqliteFile: string };

export interface Throughput {
  requestsPerSecond: number;
  p99Ms: number;
}

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
})();

async function startServer(database: BenchDatabase): Promise<{ base: string; child: ChildProcess }> {
  const node = [process.execPath, '--import', 'tsx', 'server/main.ts'];
  const [command, ...args] = hasTaskset ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command!, args, {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      ...('postgresUrl' in database ? { PORTAL_DATABASE_URL: database.postgresUrl } : { PORTAL_DB: database.sqliteFile }),
      PORTAL_JWT_SECRET: secret,
      PORTAL_ADMIN_API_KEY: adminKey,
      PORTAL_DUNNING_INTERVAL_MINUTES: '0',
    },
    // Its log is shown only if it fails to start: requests cut off when it stops are no news.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${errors}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { message?: string; port?: number };
      if (entry.message === 'customer portal server listening') resolve(entry.port!);
    });
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

async function admin(base: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}/admin/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

/** An account of its own (so a database can be measured again) with `invoices` invoices; answers its Site Admin's token. */
async function seedAccount(base: string, invoices: number): Promise<string> {
  const id = `bench-${randomUUID().slice(0, 8)}`;
  await admin(base, '/customers', { id, companyName: 'Bench Inc.', currency: 'USD', siteAdmin: { sub: `${id}-admin`, name: 'Bench Admin', email: 'admin@bench.test' } });
  for (let index = 0; index < invoices; index++) {
    const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    await admin(base, `/customers/${id}/invoices`, { issuedAt: day, dueAt: day, lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }] });
  }
  return new SignJWT({ sub: `${id}-admin`, customer: id })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('customer-portal')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** Starts a portal server on `database`, seeds invoices, loads the first invoice page for `seconds` and stops it. */
export async function measureInvoiceListThroughput(database: BenchDatabase, options = { seconds: 10, invoices: 500 }): Promise<Throughput> {
  const server = await startServer(database);
  try {
    const token = await seedAccount(server.base, options.invoices);
    const result = await autocannon({
      url: `${server.base}/v1/invoices?limit=25`,
      connections: 50,
      duration: options.seconds,
      headers: { Authorization: `Bearer ${token}` },
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} answers were not 2xx, ${result.errors} requests failed`);
    return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
  } finally {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
  }
}
