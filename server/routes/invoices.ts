import { Hono } from 'hono';
import { DocumentSend } from '../../contract/document-delivery.ts';
import { InvoiceExportQuery, InvoiceListQuery } from '../../contract/invoice.ts';
import { exportMediaTypes } from '../../contract/routes.ts';
import { loadAccount } from '../auth/sign-in.ts';
import { calendarDate } from '../clock.ts';
import { invoiceFileName } from '../documents/file-names.ts';
import { renderInvoicePdf } from '../documents/invoice-pdf.ts';
import { notFound } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { fileResponse } from '../http/file-response.ts';
import { pageCursor } from '../http/page-cursor.ts';
import { jsonBody, queryParams } from '../http/validate.ts';
import { invoiceEmail } from '../mail/invoice-email.ts';
import { type DeliveryDeps, deliverDocument } from '../services/document-delivery.ts';
import { type ExportDeps, exportInvoices } from '../services/history-exports.ts';
import { loadInvoiceDetail, loadInvoiceDocument } from '../services/invoice-documents.ts';
import { encodeCursor } from '../store/keyset.ts';
import { invoiceCursorPattern, listInvoicePage } from '../store/invoice-history.ts';

export type InvoiceRouteDeps = DeliveryDeps & ExportDeps;

const missingInvoice = () => notFound('No invoice with this id on your account.');

export function invoiceRoutes(deps: InvoiceRouteDeps) {
  return (
    new Hono<PortalEnv>()
      .get('/', async (c) => {
        const query = queryParams(c, InvoiceListQuery);
        const after = pageCursor('invoices', query.cursor, invoiceCursorPattern);
        const today = calendarDate(deps.clock.now());
        const page = await listInvoicePage(deps.db, c.get('principal').customerId, query, today, after, query.limit);
        return c.json({ data: page.rows, nextCursor: page.next && encodeCursor('invoices', page.next) });
      })
      // Before /:id, which would otherwise take "export" for an invoice id.
      .get('/export', async (c) => {
        const { format, ...filters } = queryParams(c, InvoiceExportQuery);
        const file = await exportInvoices(deps, await loadAccount(deps.db, c.get('principal').customerId), filters, format);
        return fileResponse(c, file.body, file.contentType, file.fileName);
      })
      .get('/:id', async (c) => {
        const invoice = await loadInvoiceDetail(deps.db, c.get('principal').customerId, c.req.param('id'), deps.clock.now());
        if (!invoice) throw missingInvoice();
        return c.json(invoice);
      })
      .get('/:id/pdf', async (c) => {
        const customer = await loadAccount(deps.db, c.get('principal').customerId);
        const document = await loadInvoiceDocument(deps, customer, c.req.param('id'), deps.clock.now());
        if (!document) throw missingInvoice();
        return fileResponse(c, await renderInvoicePdf(document), exportMediaTypes.pdf, invoiceFileName(customer.id, document.invoice.number));
      })
      .post('/:id/send', async (c) => {
        const principal = c.get('principal');
        const { to } = await jsonBody(c, DocumentSend);
        const customer = await loadAccount(deps.db, principal.customerId);
        const document = await loadInvoiceDocument(deps, customer, c.req.param('id'), deps.clock.now());
        if (!document) throw missingInvoice();
        const sent = await deliverDocument(deps, { customer, user: principal.user }, {
          kind: 'invoice',
          id: document.invoice.id,
          to,
          requestId: c.get('requestId'),
          compose: async (recipients) =>
            invoiceEmail(recipients, customer, deps.vendor.name, document.invoice, {
              filename: invoiceFileName(customer.id, document.invoice.number),
              content: await renderInvoicePdf(document),
              contentType: exportMediaTypes.pdf,
            }),
        });
        return c.json(sent);
      })
  );
}
