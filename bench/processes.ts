import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Whether `taskset` can pin processes to cores here; without it, server and load share the cores. */
export const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
})();

/** The command line that runs `command` pinned to `core` (children inherit the pinning). */
export const onCore = (core: number, command: string, args: string[]): [string, string[]] =>
  hasTaskset ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];

/** Starts a server in a process group of its own, so stopping it stops what it spawned (npm → sh → tsx → node). */
export function startProcess(command: string, args: string[], env: Record<string, string>, stdout: 'pipe' | 'ignore' = 'ignore'): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'], detached: true });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

export async function waitForHealth(base: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${base} did not answer /healthz within ${timeoutMs / 1000} s`);
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The last process `pid` started: the server itself, under npm, sh and tsx's launcher. */
function serverProcess(pid: number): number {
  let leaf = pid;
  for (let children = childrenOf(leaf); children.length > 0; children = childrenOf(leaf)) leaf = children[children.length - 1]!;
  return leaf;
}

const statusMb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${serverProcess(pid)}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** The server's resident memory in MB. */
export const serverRssMb = (pid: number) => statusMb(pid, 'VmRSS');

/** The most resident memory the server has had since it started, in MB. */
export const serverPeakRssMb = (pid: number) => statusMb(pid, 'VmHWM');

const clockTicksPerSecond = 100;

/** The CPU time (user + system) the server has used, in µs: a figure that other load on the machine does not inflate much. */
export function serverCpuMicroseconds(pid: number): number {
  const fields = readFileSync(`/proc/${serverProcess(pid)}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / clockTicksPerSecond;
}
