import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { PortalTestEnv } from '../../browser/support/portal-test-env.ts';

const repository = fileURLToPath(new URL('../../..', import.meta.url));

export interface PortalServer {
  env: PortalTestEnv;
  close(): Promise<void>;
}

/** The real portal server on a temp database with the browser tests' accounts, trusting `hostOrigin` for CORS. */
export async function startPortalServer(hostOrigin: string): Promise<PortalServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/browser/support/portal-test-server.ts', hostOrigin], {
    cwd: repository,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = once(createInterface({ input: child.stdout! }), 'line');
  const earlyExit = once(child, 'exit').then(([code]) => {
    throw new Error(`The portal test server exited (code ${code}) before it was ready.`);
  });
  const [line] = (await Promise.race([firstLine, earlyExit])) as [string];
  return {
    env: JSON.parse(line) as PortalTestEnv,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      await exited;
    },
  };
}
