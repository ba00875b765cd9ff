import { html, nothing } from 'lit';
import type { ExportFormat } from '../../contract/common.ts';
import type { DocumentSend } from '../../contract/document-delivery.ts';
import type { Transaction, TransactionExportQuery, TransactionListQuery, TransactionStatus } from '../../contract/transaction.ts';
import type { PortalClient } from '../client/portal-client.ts';
import { defineElement } from '../define.ts';
import { type ChoiceFilter, type Columns, type Filters, HistoryElement, type PageQuery, type Tone } from '../history/history-element.ts';

const tones: Record<TransactionStatus, Tone> = { succeeded: 'good', pending: 'warn', failed: 'bad' };

/**
 * My Transaction History: every money movement on the account, newest first — payments, failed
 * attempts (with the reason), refunds and credits — with the date, the method ("Visa ·· 4242"),
 * amount, status and the processor's reference. Filter by type and dates; email a transaction's
 * receipt (or its refund, credit or failure notice) again; export the whole filtered list as a PDF
 * or Excel file made by the server.
 *
 * @summary My Transaction History: payments, failed payments, refunds and credits; resend the receipt; export to PDF or Excel.
 * @event portal-document-sent - A transaction's receipt or notice was emailed; `id` is the transaction's, `to` its recipients.
 * @event portal-export-ready - An export was made and handed to the browser's downloads; `format` and `fileName` say which.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart card - The element's frame.
 * @csspart filters - The filter form.
 * @csspart export - The Export button, which opens the choice of format.
 * @csspart export-menu - The choice of PDF or Excel.
 * @csspart notice - What became of the last email, or why a download failed.
 * @csspart table - The table of transactions (a list of cards on narrow screens).
 * @csspart row - One transaction.
 * @csspart status - A transaction's status.
 * @csspart load-more - The button that loads the next page.
 * @csspart dialog - The dialog that emails a receipt.
 * @csspart empty - Said when there are no transactions, or none match the filters.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalTransactions extends HistoryElement<Transaction> {
  static define(tag = 'portal-transactions', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  protected readonly list = 'transactions';
  protected readonly choiceFilter: ChoiceFilter = [
    'kind',
    'transactions.type',
    [
      ['payment', 'history.kind.payment'],
      ['failed_payment', 'history.kind.failed_payment'],
      ['refund', 'history.kind.refund'],
      ['credit', 'history.kind.credit'],
    ],
  ];

  protected get columns(): Columns<Transaction> {
    return [
      ['history.date', (transaction) => this.date(transaction.occurredAt), 'date'],
      ['transactions.type', (transaction) => this.t(`history.kind.${transaction.kind}`)],
      ['transactions.method', (transaction) => transaction.methodLabel],
      ['history.amount', (transaction) => this.money(transaction.amount, transaction.currency), 'amount'],
      [
        'history.status',
        // One box, so that on a card the reason stays under the status.
        (transaction) =>
          html`<span>
            ${this.renderStatus(this.t(`transactions.status.${transaction.status}`), tones[transaction.status])}
            ${transaction.failureReason ? html`<br /><small class="muted">${transaction.failureReason}</small>` : nothing}
          </span>`,
      ],
      ['transactions.reference', (transaction) => transaction.reference, 'reference'],
    ];
  }

  protected fetchPage(client: PortalClient, query: PageQuery, signal?: AbortSignal) {
    return client.listTransactions(query as Partial<TransactionListQuery>, { signal });
  }

  protected fetchExport(client: PortalClient, filters: Filters, format: ExportFormat) {
    return client.exportTransactions({ ...filters, format } as TransactionExportQuery);
  }

  protected sendDocument(client: PortalClient, transaction: Transaction, send: DocumentSend) {
    return client.sendTransaction(transaction.id, send);
  }

  protected documentName(transaction: Transaction): string {
    return `${this.t(`history.kind.${transaction.kind}`)} ${transaction.reference}`;
  }

  protected renderActions(transaction: Transaction): unknown {
    // A payment still being processed has no receipt yet.
    return transaction.status === 'pending' ? nothing : this.renderResend(transaction);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-transactions': PortalTransactions;
  }
}
