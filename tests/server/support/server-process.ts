import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestApp } from './test-app.ts';

export interface ServerProcess {
  url: string;
  /** Calls it over HTTP, in the shape of the in-process app, so the request helpers serve both. */
  app: TestApp['app'];
  stop(): Promise<void>;
}

/** Starts the server (server/main.ts from source) in a process of its own with `env`; resolves once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { message?: string; port?: number };
      if (entry.message === 'customer portal server listening') resolve(entry.port!);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const app = { request: (path: string, init?: RequestInit) => fetch(url + path, init) } as unknown as TestApp['app'];
  return {
    url,
    app,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
