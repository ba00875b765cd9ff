import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ExportFormat } from '../../contract/common.ts';
import type { DocumentSend, DocumentSent } from '../../contract/document-delivery.ts';
import { NotConfiguredError, PortalElement } from '../base/portal-element.ts';
import { PortalApiError } from '../client/portal-api-error.ts';
import type { DownloadedFile, PortalClient } from '../client/portal-client.ts';
import { PortalDocumentSentEvent } from '../events/portal-document-sent-event.ts';
import { PortalExportReadyEvent } from '../events/portal-export-ready-event.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { baseStyles } from '../theme/base-styles.ts';
import { historyStyles } from './history.styles.ts';
import { saveFile } from './save-file.ts';

/** The filter form's values by query parameter name; empty ones are left out. */
export type Filters = Record<string, string>;

/** What a list page is asked for: the filters, how many rows, and after which cursor. */
export type PageQuery = Record<string, string | number>;

export interface Page<Row> {
  data: Row[];
  nextCursor: string | null;
}

/** A column: its header's message, what a row shows in it, and the class of its cells: `amount`, `date` or `reference`. */
export type Column<Row> = [label: MessageKey, cell: (row: Row) => unknown, className?: string];

/** The columns of a table, the row header's first. */
export type Columns<Row> = [Column<Row>, ...Column<Row>[]];

/** The filter chosen from a list: its query parameter, its label, and each choice's value and message. */
export type ChoiceFilter = [name: string, label: MessageKey, choices: [value: string, label: MessageKey][]];

/** How a status reads at a glance, besides its words. */
export type Tone = 'good' | 'warn' | 'bad' | 'muted' | '';

interface Notice {
  text: string;
  isError?: boolean;
}

const formats = ['pdf', 'xlsx'] as const;
const skeletonRows = 8;

/** "a@x.test, b@x.test" as the list of addresses the server takes. */
const addressesIn = (text: string) => text.split(',').map((address) => address.trim()).filter(Boolean);

/**
 * What the invoice and transaction histories share: a table of rows read a keyset page at a time,
 * filters that ask the server again, "Load more" (also by scrolling to it), an export of the whole
 * filtered list, and a dialog that emails one row's document. Under 60rem wide the table becomes a
 * list of cards.
 */
export abstract class HistoryElement<Row extends { id: string }> extends PortalElement {
  static override styles = [baseStyles, historyStyles];

  /** Rows asked of the server at a time, 1–100; "Load more" asks for as many again. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  @state() private filters: Filters = {};
  @state() private rows: Row[] = [];
  @state() private nextCursor: string | null = null;
  @state() private isLoadingMore = false;
  @state() private isMenuOpen = false;
  @state() private exporting?: ExportFormat;
  /** What became of the last action, shown above the list. */
  @state() private notice?: Notice;
  /** The row whose document the dialog sends, and to whom, as typed. */
  @state() private resending?: Row;
  @state() private recipients = '';
  @state() private isSending = false;
  @state() private sendError?: unknown;

  #billingEmail?: Promise<string>;
  #observer?: IntersectionObserver;
  #sentinel?: Element | null;

  protected abstract readonly list: 'invoices' | 'transactions';
  protected abstract readonly choiceFilter: ChoiceFilter;
  /** The label of a text search (query parameter `q`), when the list has one. */
  protected readonly searchLabel?: MessageKey;
  protected abstract get columns(): Columns<Row>;
  protected abstract fetchPage(client: PortalClient, query: PageQuery, signal?: AbortSignal): Promise<Page<Row>>;
  protected abstract fetchExport(client: PortalClient, filters: Filters, format: ExportFormat): Promise<DownloadedFile>;
  protected abstract sendDocument(client: PortalClient, row: Row, send: DocumentSend): Promise<DocumentSent>;
  /** How the dialog and the announcements name a row's document. */
  protected abstract documentName(row: Row): string;
  protected abstract renderActions(row: Row): unknown;

  private pageTask = new Task(this, {
    task: ([client, filters, limit], { signal }) => {
      if (!client) throw new NotConfiguredError();
      return this.fetchPage(client, { ...filters, limit }, signal);
    },
    args: () => [this.client, this.filters, this.pageSize] as const,
    // Only the latest run completes, so a page asked for with older filters never lands.
    onComplete: (page) => {
      this.rows = page.data;
      this.nextCursor = page.nextCursor;
    },
    onError: (error) => this.reportError(error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A page's first Intl format costs 10–25 ms while the browser loads its locale data. Made in a
    // task of its own while the first page is fetched, it stays out of the task that renders the rows.
    setTimeout(() => this.date('2000-01-01'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#sentinel = undefined;
  }

  protected override render() {
    const notice = this.notice;
    return html`<section class="card" part="card" aria-labelledby="title">
      <div class="card-header">
        <h2 id="title">${this.t(`${this.list}.title`)}</h2>
        ${this.rows.length > 0 ? this.renderExport() : nothing}
      </div>
      ${this.renderFilters()}
      ${notice ? html`<p class="banner ${notice.isError ? 'error' : 'success'}" part="notice">${notice.text}</p>` : nothing}
      ${this.pageTask.render({
        initial: () => this.renderSkeleton(skeletonRows),
        pending: () => (this.pageTask.value ? this.renderList(true) : this.renderSkeleton(skeletonRows)),
        complete: () => this.renderList(false),
        // Filters the server refused say why beside their fields.
        error: (error) => (isInvalid(error) ? this.renderNoMatches() : this.renderError(error, () => this.pageTask.run())),
      })}
      ${this.renderDialog()} ${this.renderLiveRegion()}
    </section>`;
  }

  /** Watches the "Load more" button: scrolling it into view loads the next page. */
  protected override updated(): void {
    const button = this.renderRoot.querySelector('[part="load-more"]');
    if (button === this.#sentinel) return;
    this.#observer?.disconnect();
    this.#sentinel = button;
    if (!button) return;
    // The first report only says where the button starts: loading then would fetch pages nobody scrolled to.
    let hasReported = false;
    this.#observer = new IntersectionObserver(([entry]) => {
      if (hasReported && entry?.isIntersecting) void this.loadMore();
      hasReported = true;
    });
    this.#observer.observe(button);
  }

  /** A field of the filter form, with the server's objection to its value beside it. */
  private renderField(name: string, label: MessageKey, type: string): TemplateResult {
    const id = `filter-${name}`;
    const error = this.pageTask.error instanceof PortalApiError ? this.pageTask.error.fieldMessage(name) : undefined;
    return html`<div>
      <label for=${id}>${this.t(label)}</label>
      <input id=${id} name=${name} type=${type} .value=${this.filters[name] ?? ''} aria-invalid=${!!error} aria-describedby=${error ? `${id}-error` : nothing} />
      ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  /** What follows a row, such as its details. */
  protected renderDetail(_row: Row): unknown {
    return nothing;
  }

  protected renderStatus(text: string, tone: Tone): TemplateResult {
    return html`<span class="status ${tone}" part="status">${text}</span>`;
  }

  protected renderResend(row: Row): TemplateResult {
    return html`<button type="button" aria-describedby="row-${row.id}" @click=${() => this.handleResend(row)}>${this.t('history.resend')}</button>`;
  }

  /** Fetches a file and hands it to the browser's downloads; a failure is shown and announced. */
  protected async save(fetchFile: (client: PortalClient) => Promise<DownloadedFile>): Promise<DownloadedFile | undefined> {
    this.notice = undefined;
    try {
      const file = await fetchFile(this.requireClient());
      saveFile(file, this.renderRoot);
      this.announce(this.t('history.downloaded', { file: file.fileName }));
      return file;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  private renderFilters(): TemplateResult {
    const [name, label, choices] = this.choiceFilter;
    const chosen = this.filters[name];
    return html`<form class="filters" part="filters" @change=${this.handleFilter} @submit=${this.handleFilter}>
      <div>
        <label for="filter-${name}">${this.t(label)}</label>
        <select id="filter-${name}" name=${name}>
          <option value="" .selected=${!chosen}>${this.t('history.all')}</option>
          ${choices.map(([value, choice]) => html`<option value=${value} .selected=${chosen === value}>${this.t(choice)}</option>`)}
        </select>
      </div>
      ${this.renderField('from', 'history.from', 'date')} ${this.renderField('to', 'history.to', 'date')}
      ${this.searchLabel ? this.renderField('q', this.searchLabel, 'search') : nothing}
    </form>`;
  }

  private renderList(isBusy: boolean): TemplateResult {
    if (this.rows.length === 0) {
      return Object.keys(this.filters).length > 0
        ? this.renderNoMatches()
        : html`<div class="state" part="empty">
            <p>${this.t(`${this.list}.empty`)}</p>
            <button type="button" @click=${() => this.pageTask.run()}>${this.t('common.reload')}</button>
          </div>`;
    }
    const columns = this.columns;
    const labels = columns.map(([label]) => this.t(label));
    // Explicit roles keep it a table for screen readers when narrow screens lay it out as cards.
    return html`<table role="table" part="table" aria-labelledby="title" aria-busy=${isBusy}>
        <thead role="rowgroup">
          <tr role="row">
            ${columns.map(([, , className], index) => html`<th role="columnheader" scope="col" class=${className ?? ''}>${labels[index]}</th>`)}
            <th role="columnheader" scope="col"><span class="visually-hidden">${this.t('history.actions')}</span></th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${repeat(
            this.rows,
            (row) => row.id,
            (row) => this.renderRow(row, columns, labels),
          )}
        </tbody>
      </table>
      ${this.nextCursor
        ? html`<button type="button" class="more" part="load-more" aria-disabled=${this.isLoadingMore} @click=${this.loadMore}>
            ${this.t(this.isLoadingMore ? 'common.loading' : 'history.loadMore')}
          </button>`
        : nothing}`;
  }

  private renderRow(row: Row, [[, header, headerClass], ...cells]: Columns<Row>, labels: string[]): TemplateResult {
    return html`<tr role="row" part="row">
        <th role="rowheader" scope="row" class=${headerClass ?? ''} id="row-${row.id}" tabindex="-1">${header(row)}</th>
        ${cells.map(
          ([, cell, className], index) => html`<td role="cell" class=${className ?? ''} data-label=${labels[index + 1]!}>${cell(row)}</td>`,
        )}
        <td role="cell" class="actions">${this.renderActions(row)}</td>
      </tr>
      ${this.renderDetail(row)}`;
  }

  private renderNoMatches(): TemplateResult {
    return html`<div class="state" part="empty">
      <p>${this.t('history.noMatches')}</p>
      <button type="button" @click=${this.handleClearFilters}>${this.t('history.clearFilters')}</button>
    </div>`;
  }

  private renderExport(): TemplateResult {
    return html`<div class="export" @keydown=${this.handleMenuKey}>
      <button type="button" part="export" aria-expanded=${this.isMenuOpen} aria-disabled=${!!this.exporting} @click=${this.handleToggleMenu}>
        ${this.t(this.exporting ? 'history.exporting' : 'history.export')} <span aria-hidden="true">▾</span>
      </button>
      ${this.isMenuOpen
        ? html`<div class="menu" part="export-menu">
            ${formats.map((format) => html`<button type="button" @click=${() => this.handleExport(format)}>${this.t(`history.${format}`)}</button>`)}
          </div>`
        : nothing}
    </div>`;
  }

  private renderDialog(): TemplateResult {
    const row = this.resending;
    const problem = this.sendProblem();
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.handleDialogClosed}>
      ${row
        ? html`<form novalidate @submit=${this.handleSend}>
            <h3 id="dialog-title">${this.t('history.resendTitle', { name: this.documentName(row) })}</h3>
            <div>
              <label for="to">${this.t('history.recipients')}</label>
              <input
                id="to"
                type="email"
                multiple
                autocomplete="email"
                .value=${this.recipients}
                aria-invalid=${!!problem}
                aria-describedby=${problem ? 'to-hint to-error' : 'to-hint'}
              />
              <p class="muted" id="to-hint">${this.t('history.recipientsHint')}</p>
              ${problem ? html`<p class="field-error" id="to-error">${problem}</p>` : nothing}
            </div>
            <div>
              <button type="submit" class="primary" ?disabled=${this.isSending}>${this.t(this.isSending ? 'history.sending' : 'history.send')}</button>
              <button type="button" @click=${this.closeDialog}>${this.t('common.cancel')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  /** Why sending failed; an address the server refused is named by its place in the list ("to.1"). */
  private sendProblem(): string | undefined {
    const error = this.sendError;
    if (!isInvalid(error)) return error ? this.errorMessage(error) : undefined;
    const addresses = addressesIn(this.recipients);
    return (error as PortalApiError).fieldErrors
      .map(({ path, message }) => (path === 'to' ? message : `${addresses[Number(path.slice(3))]}: ${message}`))
      .join(' ');
  }

  /** Shows a failure above the list and announces it. */
  private fail(error: unknown): void {
    this.reportError(error);
    this.notice = { text: this.errorMessage(error), isError: true };
    this.announce(this.notice.text);
  }

  private async loadMore(): Promise<void> {
    const { nextCursor: cursor, filters } = this;
    if (!cursor || this.isLoadingMore) return;
    this.isLoadingMore = true;
    try {
      const page = await this.fetchPage(this.requireClient(), { ...filters, limit: this.pageSize, cursor });
      // New filters have started another list meanwhile.
      if (filters !== this.filters) return;
      const hadFocus = this.shadowRoot?.activeElement?.getAttribute('part') === 'load-more';
      this.rows = [...this.rows, ...page.data];
      this.nextCursor = page.nextCursor;
      this.announce(this.t('history.loaded', { count: page.data.length }));
      // The button leaves with the last page; its focus goes to the first row that page brought.
      if (hadFocus && !page.nextCursor && page.data[0]) this.focusSoon(`[id="row-${page.data[0].id}"]`);
    } catch (error) {
      this.fail(error);
    } finally {
      this.isLoadingMore = false;
    }
  }

  private handleFilter(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this.filters = Object.fromEntries([...new FormData(form)].filter(([, value]) => value !== '')) as Filters;
    this.notice = undefined;
  }

  private handleClearFilters(): void {
    this.filters = {};
    this.focusSoon('select');
  }

  private handleToggleMenu(): void {
    if (!this.exporting) this.isMenuOpen = !this.isMenuOpen;
  }

  private handleMenuKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.isMenuOpen) return;
    this.isMenuOpen = false;
    this.focusSoon('[part="export"]');
  }

  private async handleExport(format: ExportFormat): Promise<void> {
    this.isMenuOpen = false;
    this.exporting = format;
    this.focusSoon('[part="export"]');
    this.announce(this.t('history.exporting'));
    const file = await this.save((client) => this.fetchExport(client, this.filters, format));
    this.exporting = undefined;
    if (file) this.dispatchEvent(new PortalExportReadyEvent(this.list, format, file.fileName));
  }

  private async handleResend(row: Row): Promise<void> {
    this.notice = undefined;
    this.sendError = undefined;
    // Asked once: the dialog starts with the billing contact, to whom the server sends when no address is given.
    this.#billingEmail ??= this.requireClient()
      .getCustomer()
      .then(
        ({ data }) => data.billingContact?.email ?? '',
        () => '',
      );
    this.recipients = await this.#billingEmail;
    this.resending = row;
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private handleDialogClosed(): void {
    this.resending = undefined;
  }

  private async handleSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const row = this.resending;
    if (!row || this.isSending) return;
    this.recipients = this.renderRoot.querySelector<HTMLInputElement>('#to')!.value;
    const to = addressesIn(this.recipients);
    this.isSending = true;
    this.sendError = undefined;
    try {
      const sent = await this.sendDocument(this.requireClient(), row, to.length > 0 ? { to } : {});
      this.closeDialog();
      this.notice = { text: this.t('history.sent', { name: this.documentName(row), to: sent.to.join(', ') }) };
      this.announce(this.notice.text);
      this.dispatchEvent(new PortalDocumentSentEvent(this.list, row.id, sent));
    } catch (error) {
      this.sendError = error;
      this.reportError(error);
      this.announce(this.sendProblem()!);
      this.focusSoon('#to');
    } finally {
      this.isSending = false;
    }
  }
}

const isInvalid = (error: unknown): boolean => error instanceof PortalApiError && error.kind === 'validation';
