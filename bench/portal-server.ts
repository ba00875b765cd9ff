import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { onCore, startProcess, waitForHealth } from './processes.ts';

export const adminApiKey = 'bench-admin-key-that-is-long-enough-0123456789';

export interface RunningServer {
  process: ChildProcess;
  base: string;
  /** From spawning `npm run server` to its first answered /healthz. */
  startupMs: number;
}

/** The port a server prints in its "listening" log line (it listens on port 0, so benches never collide). */
export function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { message?: string; port?: number };
      if (entry.message === 'customer portal server listening') resolve(entry.port!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
}

/**
 * Starts the portal as a deployment does (`npm run server`, configured by the environment) on core 0,
 * with dunning off so no alerts go out in the middle of a measurement.
 */
export async function startPortalServer(env: Record<string, string>): Promise<RunningServer> {
  const startedAt = performance.now();
  const [command, args] = onCore(0, 'npm', ['run', '--silent', 'server']);
  const child = startProcess(command, args, {
    NODE_ENV: 'production',
    PORT: '0',
    PORTAL_ADMIN_API_KEY: adminApiKey,
    PORTAL_DUNNING_INTERVAL_MINUTES: '0',
    ...env,
  }, 'pipe');
  const base = `http://127.0.0.1:${await listeningPort(child)}`;
  await waitForHealth(base);
  return { process: child, base, startupMs: performance.now() - startedAt };
}

/** The floor server (bench/floor-server.ts) on core 0. */
export async function startFloorServer(databaseFile: string, publicKeyPem: string): Promise<RunningServer> {
  const startedAt = performance.now();
  const [command, args] = onCore(0, process.execPath, ['--import', 'tsx', 'bench/floor-server.ts', databaseFile, publicKeyPem]);
  const child = startProcess(command, args, {}, 'pipe');
  const port = await new Promise<number>((resolve) => createInterface({ input: child.stdout! }).once('line', (line) => resolve(Number(line))));
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);
  return { process: child, base, startupMs: performance.now() - startedAt };
}
