import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { onCore, serverCpuMicroseconds } from './processes.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  /** The server's CPU time per answered request. */
  cpuMicroseconds: number;
}

/** One autocannon run (50 connections) on core 1 against the server `serverPid` started; throws when any answer is not 2xx. */
export async function loadOnce(url: string, serverPid: number, token: string, seconds: number): Promise<LoadResult> {
  const cpuBefore = serverCpuMicroseconds(serverPid);
  const [command, args] = onCore(1, 'node_modules/.bin/autocannon', [
    '--json', '-c', '50', '-d', String(seconds), '-H', `Authorization=Bearer ${token}`, url,
  ]);
  const { stdout } = await promisify(execFile)(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx, ${result.errors} errors`);
  const cpuMicroseconds = (serverCpuMicroseconds(serverPid) - cpuBefore) / result.requests.total;
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, cpuMicroseconds };
}

export interface Variant {
  name: string;
  url: string;
  serverPid: number;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Loads every variant in turn, `rounds` times (after one warm-up each), so drift on a shared
 * machine touches all alike; answers each variant's runs in round order.
 */
export async function loadInterleaved(
  variants: Variant[],
  token: string,
  options: { rounds: number; seconds: number; warmUpSeconds: number },
): Promise<Map<string, LoadResult[]>> {
  if (options.warmUpSeconds > 0) for (const variant of variants) await loadOnce(variant.url, variant.serverPid, token, options.warmUpSeconds);
  const runs = new Map(variants.map((variant) => [variant.name, [] as LoadResult[]]));
  for (let round = 0; round < options.rounds; round++) {
    for (const variant of variants) runs.get(variant.name)!.push(await loadOnce(variant.url, variant.serverPid, token, options.seconds));
  }
  return runs;
}
