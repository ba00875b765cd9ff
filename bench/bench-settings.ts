import type { BenchSizes } from './bench-data.ts';

/** How much the bench seeds and how long it loads: the full run (under 5 minutes on 2 cores), or the smoke run a test makes. */
export function benchSettings(isSmoke: boolean) {
  const sizes: BenchSizes = isSmoke
    ? { exportInvoices: 200, exportTransactions: 1_000, deepInvoices: 2_000, pageDepth: 1_000 }
    : { exportInvoices: 10_000, exportTransactions: 100_000, deepInvoices: 200_000, pageDepth: 100_000 };
  return {
    name: isSmoke ? 'smoke' : 'full',
    sizes,
    load: isSmoke ? { rounds: 1, seconds: 1, warmUpSeconds: 0 } : { rounds: 3, seconds: 10, warmUpSeconds: 2 },
    // Each user may make 10 payment attempts in 10 minutes, so every account pays at most 10 invoices.
    payments: isSmoke ? { accounts: 100, invoicesPerAccount: 10, seconds: 1 } : { accounts: 300, invoicesPerAccount: 10, seconds: 5 },
    renderRows: 100,
    listInvoices: isSmoke ? 30 : 500,
    pageRounds: isSmoke ? 20 : 300,
  };
}
