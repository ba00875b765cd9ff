import { html, nothing, type TemplateResult } from 'lit';
import type { ExportFormat } from '../../contract/common.ts';
import type { DocumentSend } from '../../contract/document-delivery.ts';
import type { InvoiceDetail, InvoiceExportQuery, InvoiceListQuery, InvoiceStatusFilter, InvoiceSummary } from '../../contract/invoice.ts';
import type { PortalClient } from '../client/portal-client.ts';
import { defineElement } from '../define.ts';
import { type ChoiceFilter, type Columns, type Filters, HistoryElement, type PageQuery, type Tone } from '../history/history-element.ts';

const tones: Record<InvoiceStatusFilter, Tone> = { paid: 'good', open: '', past_due: 'bad', void: 'muted' };

/** An invoice's details as far as they have arrived. */
interface Opened {
  detail?: InvoiceDetail;
  error?: unknown;
}

/**
 * My Invoice History: the account's invoices, newest first — number, date, due date, amount and
 * status (paid, open, past due, void). Filter by status, issue dates and number; each invoice opens
 * to its lines, tax, totals and the payments applied, downloads as a PDF, and can be emailed again
 * (to the billing contact, or up to five addresses). Export sends the whole filtered list, not just
 * the rows on screen, as a PDF or Excel file made by the server.
 *
 * @summary My Invoice History: invoices with details, PDF download, resend by email, export to PDF or Excel.
 * @event portal-document-sent - An invoice was emailed; `id` is the invoice's, `to` its recipients.
 * @event portal-export-ready - An export was made and handed to the browser's downloads; `format` and `fileName` say which.
 * @event portal-error - A call to the portal server failed; `error` says why.
 * @csspart card - The element's frame.
 * @csspart filters - The filter form.
 * @csspart export - The Export button, which opens the choice of format.
 * @csspart export-menu - The choice of PDF or Excel.
 * @csspart notice - What became of the last email, or why a download failed.
 * @csspart table - The table of invoices (a list of cards on narrow screens).
 * @csspart row - One invoice.
 * @csspart status - An invoice's status.
 * @csspart detail - An opened invoice's lines, totals and payments.
 * @csspart load-more - The button that loads the next page.
 * @csspart dialog - The dialog that emails an invoice.
 * @csspart empty - Said when there are no invoices, or none match the filters.
 * @csspart error - An error message with its retry.
 * @csspart skeleton - The placeholder shown while loading.
 */
export class PortalInvoices extends HistoryElement<InvoiceSummary> {
  static define(tag = 'portal-invoices', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  /** The invoices opened to their details; changing it asks for an update by hand. */
  readonly #opened = new Map<string, Opened>();

  protected readonly list = 'invoices';
  protected override readonly searchLabel = 'invoices.search';
  protected readonly choiceFilter: ChoiceFilter = [
    'status',
    'history.status',
    [
      ['paid', 'invoices.status.paid'],
      ['open', 'invoices.status.open'],
      ['past_due', 'invoices.status.past_due'],
      ['void', 'invoices.status.void'],
    ],
  ];

  protected get columns(): Columns<InvoiceSummary> {
    return [
      ['invoices.number', (invoice) => this.renderToggle(invoice)],
      ['history.date', (invoice) => this.date(invoice.issuedAt), 'date'],
      ['invoices.due', (invoice) => this.date(invoice.dueAt), 'date'],
      ['history.amount', (invoice) => this.money(invoice.total, invoice.currency), 'amount'],
      [
        'history.status',
        (invoice) => {
          // Past due is the server's word: open, something still due, and the due date gone by.
          const status = invoice.isPastDue ? 'past_due' : invoice.status;
          return this.renderStatus(this.t(`invoices.status.${status}`), tones[status]);
        },
      ],
    ];
  }

  protected fetchPage(client: PortalClient, query: PageQuery, signal?: AbortSignal) {
    return client.listInvoices(query as Partial<InvoiceListQuery>, { signal });
  }

  protected fetchExport(client: PortalClient, filters: Filters, format: ExportFormat) {
    return client.exportInvoices({ ...filters, format } as InvoiceExportQuery);
  }

  protected sendDocument(client: PortalClient, invoice: InvoiceSummary, send: DocumentSend) {
    return client.sendInvoice(invoice.id, send);
  }

  protected documentName(invoice: InvoiceSummary): string {
    return invoice.number;
  }

  protected renderActions(invoice: InvoiceSummary): TemplateResult {
    const download = () => this.save((client) => client.downloadInvoicePdf(invoice.id));
    return html`<button type="button" aria-describedby="row-${invoice.id}" @click=${download}>${this.t('history.pdf')}</button>
      ${this.renderResend(invoice)}`;
  }

  protected override renderDetail(invoice: InvoiceSummary): unknown {
    const opened = this.#opened.get(invoice.id);
    if (!opened) return nothing;
    const { detail, error } = opened;
    return html`<tr role="row" class="detail" part="detail" id="detail-${invoice.id}">
      <td role="cell" colspan="6">
        ${detail ? this.renderInvoice(detail) : error ? html`<p class="field-error">${this.errorMessage(error)}</p>` : this.t('common.loading')}
      </td>
    </tr>`;
  }

  private renderToggle(invoice: InvoiceSummary): TemplateResult {
    const isOpen = this.#opened.has(invoice.id);
    return html`<button
      type="button"
      class="link"
      aria-expanded=${isOpen}
      aria-controls=${isOpen ? `detail-${invoice.id}` : nothing}
      @click=${() => this.handleToggle(invoice)}
    >
      ${invoice.number}
    </button>`;
  }

  private renderInvoice(invoice: InvoiceDetail): TemplateResult {
    const money = (amount: number) => this.money(amount, invoice.currency);
    const totals = [
      ['invoices.subtotal', invoice.subtotal],
      ['invoices.tax', invoice.tax],
      ['invoices.total', invoice.total],
      ['invoices.status.paid', invoice.amountPaid],
      ['invoices.amountDue', invoice.amountDue],
    ] as const;
    return html`<ul class="lines">
        ${invoice.lines.map(
          (line) => html`<li>
            <span>${line.description}</span>
            <span class="muted">${line.quantity} × ${money(line.unitAmount)}</span>
            <span class="amount">${money(line.amount)}</span>
          </li>`,
        )}
      </ul>
      <dl>${totals.map(([label, amount]) => html`<dt>${this.t(label)}</dt><dd class="amount">${money(amount)}</dd>`)}</dl>
      ${invoice.payments.length > 0
        ? html`<h3>${this.t('invoices.payments')}</h3>
            <ul>
              ${invoice.payments.map(
                (payment) =>
                  html`<li>${this.date(payment.occurredAt)} · ${payment.methodLabel ?? this.t('history.kind.credit')} · ${money(payment.amount)}</li>`,
              )}
            </ul>`
        : nothing}`;
  }

  private async handleToggle(invoice: InvoiceSummary): Promise<void> {
    const { id } = invoice;
    if (this.#opened.delete(id)) return this.requestUpdate();
    const opened: Opened = {};
    this.#opened.set(id, opened);
    this.requestUpdate();
    try {
      opened.detail = await this.requireClient().getInvoice(id);
    } catch (error) {
      opened.error = error;
      this.reportError(error);
    }
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-invoices': PortalInvoices;
  }
}
