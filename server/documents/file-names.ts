import type { ExportFormat } from '../../contract/common.ts';

/** A safe file name part: letters, digits, ".", "_" and "-" only, so the header needs no quoting rules. */
const namePart = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'account';

/** "acme-INV-000123.pdf" */
export const invoiceFileName = (customerId: string, invoiceNumber: string) => `${namePart(customerId)}-${namePart(invoiceNumber)}.pdf`;

/** "acme-invoices-2026-11-27.xlsx" */
export const exportFileName = (customerId: string, list: 'invoices' | 'transactions', today: string, format: ExportFormat) =>
  `${namePart(customerId)}-${list}-${today}.${format}`;

export const attachmentDisposition = (fileName: string) => `attachment; filename="${fileName}"`;
