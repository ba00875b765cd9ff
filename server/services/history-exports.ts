import type { ExportFormat } from '../../contract/common.ts';
import type { InvoiceSummary } from '../../contract/invoice.ts';
import { exportMediaTypes } from '../../contract/routes.ts';
import type { Transaction } from '../../contract/transaction.ts';
import { calendarDate, type Clock } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import type { ExportContext, ListExport } from '../documents/export-columns.ts';
import { exportFileName } from '../documents/file-names.ts';
import { describeInvoiceFilters, invoiceExport } from '../documents/invoice-export.ts';
import { renderListPdf } from '../documents/list-pdf.ts';
import { renderListSpreadsheet } from '../documents/list-spreadsheet.ts';
import { describeTransactionFilters, transactionExport } from '../documents/transaction-export.ts';
import type { ExportQueue } from '../http/export-queue.ts';
import type { PortalDb } from '../store/database.ts';
import { type InvoiceFilters, listInvoicePage } from '../store/invoice-history.ts';
import { allBatches } from '../store/keyset.ts';
import type { CustomerRow } from '../store/schema.ts';
import { listTransactionPage, type TransactionFilters } from '../store/transaction-history.ts';

export interface ExportDeps {
  db: PortalDb;
  clock: Clock;
  vendor: PortalConfig['vendor'];
  exportQueue: ExportQueue;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Rows read per query: an export walks the list with the same keyset pages as the API, only larger. */
const batchSize = 1000;

async function exportList<Row>(
  deps: ExportDeps,
  customer: CustomerRow,
  list: 'invoices' | 'transactions',
  format: ExportFormat,
  spec: ListExport<Row>,
  filters: string,
  batches: (today: string) => AsyncIterable<Row[]>,
): Promise<ExportFile> {
  const now = deps.clock.now();
  const today = calendarDate(now);
  const context: ExportContext = {
    customer: { id: customer.id, companyName: customer.company_name, customerKey: customer.customer_key },
    currency: customer.currency,
    locale: customer.locale,
    vendorName: deps.vendor.name,
    generatedAt: now,
    filters,
  };
  const render = format === 'pdf' ? renderListPdf : renderListSpreadsheet;
  const body = await deps.exportQueue.run(() => render(spec, context, batches(today)));
  return { fileName: exportFileName(customer.id, list, today, format), contentType: exportMediaTypes[format], body };
}

/** Every invoice the filters select, as one file. */
export const exportInvoices = (deps: ExportDeps, customer: CustomerRow, filters: InvoiceFilters, format: ExportFormat) =>
  exportList<InvoiceSummary>(deps, customer, 'invoices', format, invoiceExport, describeInvoiceFilters(filters), (today) =>
    allBatches((after, limit) => listInvoicePage(deps.db, customer.id, filters, today, after, limit), batchSize),
  );

/** Every transaction the filters select, as one file. */
export const exportTransactions = (deps: ExportDeps, customer: CustomerRow, filters: TransactionFilters, format: ExportFormat) =>
  exportList<Transaction>(deps, customer, 'transactions', format, transactionExport, describeTransactionFilters(filters), () =>
    allBatches((after, limit) => listTransactionPage(deps.db, customer.id, filters, after, limit), batchSize),
  );
