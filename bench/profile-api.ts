import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { type LoadResult, loadOnce, median } from './api-load.ts';
import { deepAccount, seedBenchDatabase } from './bench-data.ts';
import { createBenchKeys } from './bench-keys.ts';
import { adminApiKey, listeningPort, startFloorServer } from './portal-server.ts';
import { onCore, stopProcess, waitForHealth } from './processes.ts';

/**
 * A quicker look at the API figures than `npm run bench`: seeds the deep account (200,000
 * invoices), starts the portal (`node --import tsx server/main.ts`, NODE_ENV=production) on core 0
 * and loads /v1/invoices?limit=25 and /v1/standing from core 1, printing the server's CPU µs per
 * request of each round. EXTRA_ACCOUNTS (300) more accounts are added after the seed, as the bench's
 * payments set-up does. `--cpu-prof` writes a V8 profile of the server to PROFILE_DIR (default
 * ./profiles); ROUNDS and SECONDS set the load. FLOOR=1 loads the bench's floor server
 * (bench/floor-server.ts) in the same turns on /v1/invoices?limit=25, for the portal ÷ floor ratio without
 * the whole bench; COMPILED=1 runs dist/server/main.js (after `npm run build`), as the bench does.
 */
const isProfiling = process.argv.includes('--cpu-prof');
const rounds = Number(process.env.ROUNDS ?? 3);
const seconds = Number(process.env.SECONDS ?? 5);
const folder = mkdtempSync(join(tmpdir(), 'portal-profile-'));
const databaseFile = join(folder, 'portal.db');
await seedBenchDatabase(databaseFile, { exportInvoices: 10, exportTransactions: 10, deepInvoices: 200_000, pageDepth: 10 });
// As `npm run bench` does (its payments set-up provisions 300 accounts after the seed's ANALYZE), so
// SQLite plans with statistics that saw only two accounts.
const extraAccounts = Number(process.env.EXTRA_ACCOUNTS ?? 300);
{
  const sqlite = new SQLite(databaseFile);
  const now = new Date().toISOString();
  const customer = sqlite.prepare('insert into customers (id, customer_key, company_name, currency, locale, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const user = sqlite.prepare('insert into users (id, customer_id, subject, name, email, is_site_admin, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let index = 0; index < extraAccounts; index++) {
      const id = `extra-${index}`;
      customer.run(id, `CK-${id}`, `${id} Inc.`, 'USD', 'en-US', now, now);
      user.run(`usr_${id}`, id, `${id}-admin`, 'Admin', `admin@${id}.test`, 1, now);
      user.run(`usr_${id}_2`, id, `${id}-viewer`, 'Viewer', `viewer@${id}.test`, 0, now);
    }
  })();
  sqlite.close();
}
const keys = await createBenchKeys();
const nodeArgs = [...(isProfiling ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR ?? 'profiles'}`] : []), ...(process.env.COMPILED ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'])];
// PORTAL_DIRS=<checkout>,<checkout> compares builds: each serves from its own folder, loaded in turns.
const folders = (process.env.PORTAL_DIRS ?? '.').split(',');

async function startServer(cwd: string) {
  const [command, args] = onCore(0, process.execPath, nodeArgs);
  const server = spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      PORTAL_DB: databaseFile,
      PORTAL_JWT_PUBLIC_KEY: keys.publicKeyPem,
      PORTAL_ADMIN_API_KEY: adminApiKey,
      PORTAL_DUNNING_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${await listeningPort(server)}`;
  await waitForHealth(base);
  return { server, base, name: cwd };
}

const invoicePage = '/v1/invoices?limit=25';
/** What is loaded in turns; `onlyPath` for a server that answers that path alone (the floor). */
const servers: { server: ChildProcess; base: string; name: string; onlyPath?: string }[] = [];
for (const folder of folders) servers.push(await startServer(folder));
if (process.env.FLOOR === '1') {
  const floor = await startFloorServer(databaseFile, keys.publicKeyPem);
  servers.push({ server: floor.process, base: floor.base, name: 'floor', onlyPath: invoicePage });
}
const token = await keys.mintToken(deepAccount);
try {
  for (const path of (process.env.PATHS ?? `${invoicePage},/v1/standing`).split(',')) {
    const loaded = servers.filter((entry) => entry.onlyPath === undefined || entry.onlyPath === path);
    const runs = new Map(loaded.map((server) => [server, [] as LoadResult[]]));
    for (const { server, base } of loaded) await loadOnce(`${base}${path}`, server.pid!, token, 2);
    for (let round = 0; round < rounds; round++) {
      for (const entry of loaded) runs.get(entry)!.push(await loadOnce(`${entry.base}${path}`, entry.server.pid!, token, seconds));
    }
    for (const [{ name }, results] of runs) {
      const cpu = results.map((run) => run.cpuMicroseconds.toFixed(0)).join(', ');
      const rps = results.map((run) => run.requestsPerSecond.toFixed(0)).join(', ');
      process.stdout.write(
        `${name} ${path}: CPU µs/request ${cpu} (median ${median(results.map((run) => run.cpuMicroseconds)).toFixed(0)}); req/s ${rps}; p99 ${median(results.map((run) => run.p99Ms))} ms\n`,
      );
    }
  }
} finally {
  for (const { server } of servers) {
    // SIGINT lets the server close and Node write the profile.
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid!, 'SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    await stopProcess(server);
  }
  rmSync(folder, { recursive: true, force: true });
}
