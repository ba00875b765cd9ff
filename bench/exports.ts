import { execFileSync } from 'node:child_process';
import { type BenchData, deepAccount, exportAccount } from './bench-data.ts';
import type { BenchKeys } from './bench-keys.ts';
import type { Figure } from './figures.ts';
import { startPortalServer } from './portal-server.ts';
import { serverPeakRssMb, serverRssMb, stopProcess } from './processes.ts';

interface Download {
  milliseconds: number;
  bytes: number[];
  /** The server's RSS after loading everything and a warm-up export, just before the measured one. */
  warmRssMb: number;
  peakRssMb: number;
}

/**
 * Downloads `paths` at once from a portal server started for this measurement alone, as a
 * deployment runs it (`npm run server`), so the server's peak RSS is that export's.
 */
async function download(databaseFile: string, keys: BenchKeys, paths: string[]): Promise<Download> {
  const server = await startPortalServer({ PORTAL_DB: databaseFile, PORTAL_JWT_PUBLIC_KEY: keys.publicKeyPem });
  try {
    const token = await keys.mintToken(exportAccount);
    const get = async (path: string) => {
      const response = await fetch(`${server.base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
      return body.byteLength;
    };
    // Loads the document libraries and warms the code path on an empty export first, as a running server would have.
    for (const path of paths) await get(`${path}&to=1900-01-01`);
    const warmRssMb = serverRssMb(server.process.pid!);
    const started = performance.now();
    const bytes = await Promise.all(paths.map(get));
    const milliseconds = performance.now() - started;
    return { milliseconds, bytes, warmRssMb, peakRssMb: serverPeakRssMb(server.process.pid!) };
  } finally {
    await stopProcess(server.process);
  }
}

/** The deep page against the first, in-process (bench/page-depth-child.ts): a ratio of database work, not of HTTP. */
function pageDepth(databaseFile: string, firstPath: string, deepPath: string, rounds: number) {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/page-depth-child.ts', databaseFile, deepAccount, firstPath, deepPath, String(rounds)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as { firstMs: number; deepMs: number };
}

const describeDownload = (result: Download) =>
  `${result.bytes.map((bytes) => `${(bytes / 1024).toFixed(0)} KB`).join(' + ')}; peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.warmRssMb.toFixed(0)} MB before it)`;

/** Each export against its time and peak-RSS budgets, then the deep page against the first. */
export async function measureExports(databaseFile: string, keys: BenchKeys, data: BenchData, pageRounds: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const exportFigures = async (name: string, paths: string[], budget: { seconds: number; megabytes?: number }) => {
    const result = await download(databaseFile, keys, paths);
    figures.push({
      figure: `${name}: time`,
      value: result.milliseconds / 1000,
      unit: 's',
      budget: `≤ ${budget.seconds} s`,
      pass: result.milliseconds <= budget.seconds * 1000,
      detail: describeDownload(result),
    });
    if (budget.megabytes !== undefined) {
      figures.push({
        figure: `${name}: peak RSS`,
        value: result.peakRssMb,
        unit: 'MB',
        budget: `≤ ${budget.megabytes} MB`,
        pass: result.peakRssMb <= budget.megabytes,
      });
    }
  };
  const count = (value: number) => value.toLocaleString('en');
  await exportFigures(`${count(data.exportInvoices)} invoices → XLSX`, ['/v1/invoices/export?format=xlsx'], { seconds: 1 });
  await exportFigures(`${count(data.exportInvoices)} invoices → PDF`, ['/v1/invoices/export?format=pdf'], { seconds: 2, megabytes: 200 });
  await exportFigures(`${count(data.exportTransactions)} transactions → XLSX`, ['/v1/transactions/export?format=xlsx'], { seconds: 10, megabytes: 400 });
  // Queued, two exports take twice as long but hold one document at a time: the one-export memory budget holds.
  await exportFigures(
    `two ${count(data.exportInvoices)}-invoice PDFs requested at once (queued)`,
    ['/v1/invoices/export?format=pdf', '/v1/invoices/export?format=pdf'],
    { seconds: 4, megabytes: 200 },
  );

  const pages = pageDepth(databaseFile, '/v1/invoices?limit=25', `/v1/invoices?limit=25&cursor=${data.deepCursor}`, pageRounds);
  const ratio = pages.deepMs / pages.firstMs;
  figures.push({
    figure: `GET /v1/invoices ${count(data.pageDepth)} rows deep ÷ first page`,
    value: ratio,
    unit: '×',
    budget: '≤ 1.2×',
    pass: ratio <= 1.2,
    detail: `${(pages.deepMs * 1000).toFixed(0)} µs vs ${(pages.firstMs * 1000).toFixed(0)} µs, in-process, median of ${pageRounds} interleaved`,
  });
  return figures;
}
