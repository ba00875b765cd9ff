import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningDemo {
  /** Where the demo host product is: the URL `npm start` says to open. */
  hostUrl: string;
  portalUrl: string;
  dataFolder: string;
  /** Everything the processes printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs `npm start` as a newcomer does, but on a fresh database in a temp folder and on free ports
 * (PORT=0, DEMO_PORT=0), so it never meets a demo a developer has running. Resolves once it prints
 * the URL to open.
 */
export async function startDemo({ timeoutMs = 90_000 } = {}): Promise<RunningDemo> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const child = spawn('npm', ['start'], {
    cwd: repositoryRoot,
    // Empty mail settings: the messages go to the embedded outbox beside the temp database, whatever the shell has set.
    env: { ...process.env, PORT: '0', DEMO_PORT: '0', PORTAL_DB: join(dataFolder, 'portal.db'), PORTAL_SMTP_URL: '', PORTAL_OUTBOX_DIR: '' },
    // Its own process group, so stopping it ends npm, tsx and node alike.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await endProcessGroup(child);
    rmSync(dataFolder, { recursive: true, force: true });
  };
  try {
    const [hostUrl, portalUrl] = await new Promise<[string, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const look = () => {
        const host = /^ {2}Open (http:\/\/\S+)$/m.exec(output)?.[1];
        const portal = /^Customer Portal server: (http:\/\/\S+)/m.exec(output)?.[1];
        if (host && portal) {
          clearTimeout(timer);
          resolve([host, portal]);
        }
      };
      child.stdout.on('data', look);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`));
      });
    });
    return { hostUrl, portalUrl, dataFolder, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function endProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
