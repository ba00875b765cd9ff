import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { measureWidgetBundle } from './bundle-size.ts';
import { measureExports } from './exports.ts';
import { preparePayingAccounts } from './payment-accounts.ts';

/**
 * `npm run bench`: the widget bundle's size, start-up time and API throughput of the portal server,
 * measured on this machine.
 * The server runs on core 0 and the load generator on core 1 where taskset exists, so they do not
 * compete. Later budgets (issue 11) extend this table.
 */

const secret = 'bench-secret-that-is-long-enough-0123456789';
const adminKey = 'bench-admin-key-that-is-long-enough-0123456789';
const port = 18787;
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const bundleBudgetKb = 35;
const paymentSeconds = Math.min(seconds, 5);
const payingAccounts = Number(process.env.BENCH_PAYING_ACCOUNTS ?? 300);
// Each user may make 10 payment attempts in 10 minutes, so every account pays at most 10 invoices.
const invoicesPerAccount = 10;
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
})();
const onCore = (core: number, command: string, args: string[]) =>
  hasTaskset ? (['taskset', ['-c', String(core), command, ...args]] as const) : ([command, args] as const);

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the server did not answer /healthz within 30 s');
}

const serverEnv = (databaseFile: string) => ({
  // Vite's build sets NODE_ENV=production in this process; the bench server signs with a shared secret.
  NODE_ENV: 'development',
  PORT: String(port),
  PORTAL_DB: databaseFile,
  PORTAL_JWT_SECRET: secret,
  PORTAL_ADMIN_API_KEY: adminKey,
});

function startServer(databaseFile: string): ChildProcess {
  const [command, args] = onCore(0, process.execPath, ['--import', 'tsx', 'server/main.ts']);
  return spawn(command, args, { env: { ...process.env, ...serverEnv(databaseFile) }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** Payments with a fresh Idempotency-Key each, then replays of one key, against a database of paying accounts. */
function loadPayments(accountsFile: string, mode: 'fresh' | 'replay') {
  const [command, args] = onCore(1, process.execPath, ['--import', 'tsx', 'bench/payment-load.ts', base, accountsFile, String(paymentSeconds), mode]);
  const output = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output) as { requestsPerSecond: number; p99Ms: number; statuses: Record<string, number> };
}

async function provision(): Promise<string> {
  const response = await fetch(`${base}/admin/v1/customers`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: 'bench',
      companyName: 'Bench Inc.',
      currency: 'USD',
      siteAdmin: { sub: 'bench-admin', name: 'Bench Admin', email: 'admin@bench.test' },
    }),
  });
  if (response.status !== 201) throw new Error(`provisioning failed: ${response.status}`);
  return new SignJWT({ sub: 'bench-admin', customer: 'bench' })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('customer-portal')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

function load(path: string, token?: string): LoadResult {
  const [command, args] = onCore(1, 'npx', [
    'autocannon',
    '--json',
    '-c', '50',
    '-d', String(seconds),
    ...(token ? ['-H', `Authorization=Bearer ${token}`] : []),
    `${base}${path}`,
  ]);
  const output = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const result = JSON.parse(output);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx };
}

const folder = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const databaseFile = join(folder, 'portal.db');
const startedAt = performance.now();
const server = startServer(databaseFile);
try {
  await waitForHealth(Date.now() + 30_000);
  const startupMs = performance.now() - startedAt;
  const token = await provision();
  const bundle = await measureWidgetBundle();
  const bundleKb = bundle.gzipBytes / 1024;
  const bundlePasses = bundleKb <= bundleBudgetKb && bundle.serverOnlyModules.length === 0;
  const rows: [string, string][] = [
    [
      'widget bundle (lit + client + all elements), gzip',
      `${bundleKb.toFixed(1)} KB (${(bundle.minifiedBytes / 1024).toFixed(0)} KB minified); budget ${bundleBudgetKb} KB, no server-only libraries: ${bundlePasses ? 'pass' : 'FAIL'}`,
    ],
    ['start-up to first /healthz (npm run server, fresh database)', `${startupMs.toFixed(0)} ms`],
  ];
  if (bundle.serverOnlyModules.length > 0) rows.push(['server-only modules in the bundle', bundle.serverOnlyModules.join(', ')]);
  for (const [label, path, withToken] of [
    ['GET /healthz', '/healthz', false],
    ['GET /v1/me (JWT verified per request)', '/v1/me', true],
    ['GET /v1/customer (JWT + permission + read)', '/v1/customer', true],
  ] as const) {
    const result = load(path, withToken ? token : undefined);
    if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} answers were not 2xx`);
    rows.push([label, `${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms`]);
  }
  await stopServer(server);

  const accountsFile = join(folder, 'paying-accounts.json');
  writeFileSync(accountsFile, JSON.stringify(await preparePayingAccounts(serverEnv(databaseFile), payingAccounts, invoicesPerAccount)));
  const paymentServer = startServer(databaseFile);
  try {
    await waitForHealth(Date.now() + 30_000);
    for (const [label, mode] of [
      ['POST /v1/payments, a new Idempotency-Key each (charge + receipt)', 'fresh'],
      ['POST /v1/payments, replays of one Idempotency-Key', 'replay'],
    ] as const) {
      const result = loadPayments(accountsFile, mode);
      const answers = Object.entries(result.statuses).map(([status, count]) => `${count}×${status}`).join(' ');
      rows.push([label, `${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms (${answers})`]);
    }
  } finally {
    paymentServer.kill();
  }

  const exports = await measureExports();
  for (const row of exports) rows.push([row.label, row.figure]);

  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`Customer Portal bench (${seconds} s per load, 50 connections, ${hasTaskset ? 'server on core 0, load on core 1' : 'no taskset: shared cores'})`);
  for (const [label, figure] of rows) console.log(`${label.padEnd(width)}  ${figure}`);
  if (!bundlePasses || exports.some((row) => !row.passes)) process.exitCode = 1;
} finally {
  server.kill();
  rmSync(folder, { recursive: true, force: true });
}
