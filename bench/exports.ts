import { execFileSync } from 'node:child_process';
import { type BenchData, deepAccount, exportAccount } from './bench-data.ts';
import type { Figure } from './figures.ts';

interface Download {
  milliseconds: number;
  bytes: number[];
  /** The process's RSS after loading everything and a warm-up export, just before the measured one. */
  warmRssMb: number;
  peakRssMb: number;
}

/**
 * Runs bench/export-child.ts under tsx, as `npm run server` runs the portal (tsx's loader and the
 * source maps it turns on count towards RSS, as they do in a deployment), in a process of its own
 * so its peak RSS is that measurement's.
 */
function child<T>(databaseFile: string, account: string, args: string[]): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-child.ts', databaseFile, account, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as T;
}

const describeDownload = (result: Download) =>
  `${result.bytes.map((bytes) => `${(bytes / 1024).toFixed(0)} KB`).join(' + ')}; peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.warmRssMb.toFixed(0)} MB before it)`;

/** Each export against its time and peak-RSS budgets, then the deep page against the first. */
export function measureExports(databaseFile: string, data: BenchData, pageRounds: number): Figure[] {
  const figures: Figure[] = [];
  const exportFigures = (name: string, paths: string[], budget: { seconds: number; megabytes?: number }) => {
    const result = child<Download>(databaseFile, exportAccount, ['download', ...paths]);
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
  exportFigures(`${count(data.exportInvoices)} invoices → XLSX`, ['/v1/invoices/export?format=xlsx'], { seconds: 1 });
  exportFigures(`${count(data.exportInvoices)} invoices → PDF`, ['/v1/invoices/export?format=pdf'], { seconds: 2, megabytes: 200 });
  exportFigures(`${count(data.exportTransactions)} transactions → XLSX`, ['/v1/transactions/export?format=xlsx'], { seconds: 10, megabytes: 400 });
  // Queued, two exports take twice as long but hold one document at a time: the one-export memory budget holds.
  exportFigures(
    `two ${count(data.exportInvoices)}-invoice PDFs requested at once (queued)`,
    ['/v1/invoices/export?format=pdf', '/v1/invoices/export?format=pdf'],
    { seconds: 4, megabytes: 200 },
  );

  const pages = child<{ firstMs: number; deepMs: number }>(databaseFile, deepAccount, [
    'pages',
    '/v1/invoices?limit=25',
    `/v1/invoices?limit=25&cursor=${data.deepCursor}`,
    String(pageRounds),
  ]);
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
