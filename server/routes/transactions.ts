import { Hono } from 'hono';
import { DocumentSend } from '../../contract/document-delivery.ts';
import { TransactionExportQuery, TransactionListQuery } from '../../contract/transaction.ts';
import { loadAccount } from '../auth/sign-in.ts';
import { notFound, ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { fileResponse } from '../http/file-response.ts';
import { pageCursor } from '../http/page-cursor.ts';
import { jsonBody, queryParams } from '../http/validate.ts';
import { receiptEmail } from '../mail/receipt-email.ts';
import { transactionNoticeEmail } from '../mail/transaction-notice-email.ts';
import { type DeliveryDeps, deliverDocument } from '../services/document-delivery.ts';
import { type ExportDeps, exportTransactions } from '../services/history-exports.ts';
import { encodeCursor } from '../store/keyset.ts';
import { findPayment } from '../store/payments.ts';
import { findTransaction, listTransactionPage, transactionCursorPattern } from '../store/transaction-history.ts';

export type TransactionRouteDeps = DeliveryDeps & ExportDeps;

export function transactionRoutes(deps: TransactionRouteDeps) {
  return (
    new Hono<PortalEnv>()
      .get('/', async (c) => {
        const query = queryParams(c, TransactionListQuery);
        const after = pageCursor('transactions', query.cursor, transactionCursorPattern);
        const page = await listTransactionPage(deps.db, c.get('principal').customerId, query, after, query.limit);
        return c.json({ data: page.rows, nextCursor: page.next && encodeCursor('transactions', page.next) });
      })
      .get('/export', async (c) => {
        const { format, ...filters } = queryParams(c, TransactionExportQuery);
        const file = await exportTransactions(deps, await loadAccount(deps.db, c.get('principal').customerId), filters, format);
        return fileResponse(c, file.body, file.contentType, file.fileName);
      })
      .post('/:id/send', async (c) => {
        const principal = c.get('principal');
        const { to } = await jsonBody(c, DocumentSend);
        const customer = await loadAccount(deps.db, principal.customerId);
        const transaction = await findTransaction(deps.db, customer.id, c.req.param('id'));
        if (!transaction) throw notFound('No transaction with this id on your account.');
        if (transaction.status === 'pending') {
          throw new ProblemError(409, 'conflict', { detail: 'This payment is still being processed: there is nothing to send yet.' });
        }
        const sent = await deliverDocument(deps, { customer, user: principal.user }, {
          kind: 'transaction',
          id: transaction.id,
          to,
          requestId: c.get('requestId'),
          compose: async (recipients) =>
            transaction.kind === 'payment'
              ? receiptEmail(recipients, customer, (await findPayment(deps.db, customer.id, transaction.id))!)
              : transactionNoticeEmail(recipients, customer, transaction),
        });
        return c.json(sent);
      })
  );
}
