import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { deepAccount, exportAccount, seedExportBench } from './export-data.ts';

/** A figure of the export bench beside its budget (issue 11). */
export interface BudgetRow {
  label: string;
  figure: string;
  passes: boolean;
}

const sizes = { invoices: 10_000, transactions: 100_000, deepInvoices: 200_000 };
const pageRounds = 300;

interface Download {
  milliseconds: number;
  bytes: number[];
  /** The process's RSS after loading everything and a warm-up export, just before the measured one. */
  warmRssMb: number;
  peakRssMb: number;
}

/**
 * The child as plain JavaScript, beside node_modules so its packages resolve. Run under tsx, a
 * process carries the TypeScript loader (its hooks thread and the source maps it turns on, about
 * 65 MB here) before it exports anything; the budgets are about the export, so each is measured
 * compiled, and the figure under tsx, as `npm run server` runs, is printed beside it.
 */
function compileChild(): string {
  const folder = join('node_modules', '.cache', 'portal-bench');
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, 'export-child.mjs');
  buildSync({ entryPoints: ['bench/export-child.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}

function child<T>(runtime: string[], databaseFile: string, account: string, args: string[]): T {
  const output = execFileSync(process.execPath, [...runtime, databaseFile, account, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(output) as T;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const verdict = (passes: boolean) => (passes ? 'pass' : 'FAIL');

/**
 * Seeds 10,000 invoices and 100,000 transactions (and 200,000 invoices to page through) into a temp
 * database, then measures each export in a process of its own, so its peak RSS is that export's.
 */
export async function measureExports(): Promise<BudgetRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'portal-bench-exports-'));
  try {
    const databaseFile = join(folder, 'exports.db');
    const seedStarted = performance.now();
    const data = await seedExportBench(databaseFile, sizes);
    const seeded = `seeded in ${seconds(performance.now() - seedStarted)}`;
    const compiled = [compileChild()];
    const underTsx = ['--import', 'tsx', 'bench/export-child.ts'];
    const download = (account: string, paths: string[], runtime = compiled) => child<Download>(runtime, databaseFile, account, ['download', ...paths]);
    const rows: BudgetRow[] = [];
    const exportRow = (label: string, paths: string[], budget: { seconds: number; megabytes?: number }) => {
      const result = download(exportAccount, paths);
      const asServed = download(exportAccount, paths, underTsx);
      const passes = result.milliseconds <= budget.seconds * 1000 && (budget.megabytes === undefined || result.peakRssMb <= budget.megabytes);
      const budgetText = `budget ${budget.seconds} s${budget.megabytes ? ` and ${budget.megabytes} MB` : ''}`;
      rows.push({
        label,
        figure:
          `${seconds(result.milliseconds)}, ${result.bytes.map((bytes) => `${(bytes / 1024).toFixed(0)} KB`).join(' + ')}, ` +
          `peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.warmRssMb.toFixed(0)} MB before it); ${budgetText}: ${verdict(passes)}; ` +
          `under tsx ${seconds(asServed.milliseconds)}, peak RSS ${asServed.peakRssMb.toFixed(0)} MB (${asServed.warmRssMb.toFixed(0)} MB before it)`,
        passes,
      });
    };

    exportRow(`${data.invoices.toLocaleString('en')} invoices → XLSX (${seeded})`, ['/v1/invoices/export?format=xlsx'], { seconds: 1 });
    exportRow(`${data.invoices.toLocaleString('en')} invoices → PDF`, ['/v1/invoices/export?format=pdf'], { seconds: 2, megabytes: 200 });
    exportRow(`${data.transactions.toLocaleString('en')} transactions → XLSX`, ['/v1/transactions/export?format=xlsx'], { seconds: 10, megabytes: 400 });
    exportRow(
      'two of those requested at once (they queue)',
      ['/v1/transactions/export?format=xlsx', '/v1/transactions/export?format=xlsx'],
      { seconds: 20, megabytes: 400 },
    );

    const pages = child<{ firstMs: number; deepMs: number }>(compiled, databaseFile, deepAccount, [
      'pages',
      '/v1/invoices?limit=25',
      `/v1/invoices?limit=25&cursor=${data.deepCursor}`,
      String(pageRounds),
    ]);
    const ratio = pages.deepMs / pages.firstMs;
    rows.push({
      label: `GET /v1/invoices 100,000 rows deep vs first page (${data.deepInvoices.toLocaleString('en')} invoices, median of ${pageRounds})`,
      figure: `${(pages.deepMs * 1000).toFixed(0)} µs vs ${(pages.firstMs * 1000).toFixed(0)} µs = ${ratio.toFixed(2)}×; budget 1.2×: ${verdict(ratio <= 1.2)}`,
      passes: ratio <= 1.2,
    });
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
