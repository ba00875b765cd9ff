import type { AccessUpdate, AccessUser, AccessUserList } from '../../contract/access.ts';
import type { Customer, CustomerPatch } from '../../contract/customer.ts';
import type { DocumentSend, DocumentSent } from '../../contract/document-delivery.ts';
import type { InvoiceDetail, InvoiceExportQuery, InvoiceList, InvoiceListQuery } from '../../contract/invoice.ts';
import type { Me } from '../../contract/me.ts';
import type { Payment, PaymentCreate } from '../../contract/payment.ts';
import type { PaymentMethod, PaymentMethodCreate, PaymentMethodList } from '../../contract/payment-method.ts';
import type { SandboxToken, SandboxTokenCreate } from '../../contract/sandbox-gateway.ts';
import type { Standing } from '../../contract/standing.ts';
import type { SubscriptionList } from '../../contract/subscription.ts';
import type { SubscriptionRequest, SubscriptionRequestCreate, SubscriptionRequestList } from '../../contract/subscription-request.ts';
import type { SupportContact } from '../../contract/support-contact.ts';
import type { TransactionExportQuery, TransactionList, TransactionListQuery } from '../../contract/transaction.ts';
import { errorFromResponse } from './error-from-response.ts';
import { PortalApiError } from './portal-api-error.ts';
import { TokenCache } from './token-cache.ts';

export interface PortalClientOptions {
  /** The portal server's base URL; may carry a path prefix, e.g. `https://example.com/billing`. */
  apiBase: string;
  /** Asks the host product for a token for its signed-in user; called again when the server refuses one. */
  tokenProvider: () => Promise<string>;
}

export interface ReadOptions {
  /** Cancels the call; it then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
}

export interface WriteOptions extends ReadOptions {
  /** Lets the server recognise a retry of this same change. */
  idempotencyKey?: string;
}

/** A resource with the ETag to send back as If-Match when changing it; null if the server sent none. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/** A document the server made, with the file name it gave it (Content-Disposition). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

interface RequestOptions extends WriteOptions {
  body?: unknown;
  ifMatch?: string | null;
}

/** Typed calls to the portal server's `/v1` API; failures reject with a `PortalApiError`. */
export class PortalClient {
  readonly #apiBase: string;
  readonly #tokens: TokenCache;

  constructor(options: PortalClientOptions) {
    this.#apiBase = options.apiBase.replace(/\/+$/, '');
    this.#tokens = new TokenCache(options.tokenProvider);
  }

  async getMe(options: ReadOptions = {}): Promise<Me> {
    return (await this.#request<Me>('GET', '/me', options)).data;
  }

  async getStanding(options: ReadOptions = {}): Promise<Standing> {
    return (await this.#request<Standing>('GET', '/standing', options)).data;
  }

  getCustomer(options: ReadOptions = {}): Promise<Versioned<Customer>> {
    return this.#request<Customer>('GET', '/customer', options);
  }

  /**
   * Saves the change only if nobody saved since `etag` (from getCustomer or the last save);
   * otherwise rejects with kind `precondition-failed`, or `precondition-required` without an ETag.
   */
  updateCustomer(patch: CustomerPatch, etag: string | null, options: WriteOptions = {}): Promise<Versioned<Customer>> {
    return this.#request<Customer>('PATCH', '/customer', { ...options, body: patch, ifMatch: etag });
  }

  async listSubscriptions(options: ReadOptions = {}): Promise<SubscriptionList> {
    return (await this.#request<SubscriptionList>('GET', '/subscriptions', options)).data;
  }

  async listSubscriptionRequests(options: ReadOptions = {}): Promise<SubscriptionRequestList> {
    return (await this.#request<SubscriptionRequestList>('GET', '/subscriptions/requests', options)).data;
  }

  /** Asks the vendor's sales team for a change; it stays pending until they deal with it. */
  async requestSubscriptionChange(request: SubscriptionRequestCreate, options: WriteOptions = {}): Promise<SubscriptionRequest> {
    return (await this.#request<SubscriptionRequest>('POST', '/subscriptions/requests', { ...options, body: request })).data;
  }

  /** The vendor's support contact, for "Contact us". */
  async getSupportContact(options: ReadOptions = {}): Promise<SupportContact> {
    return (await this.#request<SupportContact>('GET', '/contact', options)).data;
  }

  async listAccessUsers(options: ReadOptions = {}): Promise<AccessUserList> {
    return (await this.#request<AccessUserList>('GET', '/access/users', options)).data;
  }

  /** Grants or revokes Customer Portal View for the user with this `sub`. */
  async setPortalAccess(sub: string, change: AccessUpdate, options: WriteOptions = {}): Promise<AccessUser> {
    return (await this.#request<AccessUser>('PUT', `/access/users/${encodeURIComponent(sub)}`, { ...options, body: change })).data;
  }

  async removeAccessUser(sub: string, options: WriteOptions = {}): Promise<void> {
    await this.#request<void>('DELETE', `/access/users/${encodeURIComponent(sub)}`, options);
  }

  async listPaymentMethods(options: ReadOptions = {}): Promise<PaymentMethodList> {
    return (await this.#request<PaymentMethodList>('GET', '/payment-methods', options)).data;
  }

  /** Puts a card or bank account on file by the token its processor's tokenizer answered; the first becomes the default. */
  async addPaymentMethod(method: PaymentMethodCreate, options: WriteOptions = {}): Promise<PaymentMethod> {
    return (await this.#request<PaymentMethod>('POST', '/payment-methods', { ...options, body: method })).data;
  }

  async setDefaultPaymentMethod(id: string, options: WriteOptions = {}): Promise<PaymentMethod> {
    return (await this.#request<PaymentMethod>('POST', `/payment-methods/${encodeURIComponent(id)}/default`, options)).data;
  }

  /** Refused (kind `conflict`) for the default while others are on file. */
  async removePaymentMethod(id: string, options: WriteOptions = {}): Promise<void> {
    await this.#request<void>('DELETE', `/payment-methods/${encodeURIComponent(id)}`, options);
  }

  /**
   * Pays everything due (or the chosen invoices). A declined charge is not an error: it answers a
   * Payment with status `failed`. After a `network`, `service-unavailable` or `conflict` error the
   * outcome is not known yet: retry with the same key, which never charges twice.
   */
  async pay(payment: PaymentCreate, idempotencyKey: string, options: ReadOptions = {}): Promise<Payment> {
    return (await this.#request<Payment>('POST', '/payments', { ...options, body: payment, idempotencyKey })).data;
  }

  /**
   * Hands card or account details to the sandbox gateway's tokenizer (the server's test mode) and
   * answers its token. The details never go to the portal API, and this call carries no portal token.
   */
  async createSandboxToken(details: SandboxTokenCreate, options: ReadOptions = {}): Promise<SandboxToken> {
    const response = await this.#send('POST', `${this.#apiBase}/sandbox-gateway/v1/tokens`, undefined, { ...options, body: details });
    return (await this.#read<SandboxToken>(response)).data;
  }

  /** A page of invoices, newest first; pass the answer's `nextCursor` back as `cursor` for the next. */
  async listInvoices(query: Partial<InvoiceListQuery> = {}, options: ReadOptions = {}): Promise<InvoiceList> {
    return (await this.#request<InvoiceList>('GET', `/invoices${searchOf(query)}`, options)).data;
  }

  /** One invoice with its lines, totals and the payments applied to it. */
  async getInvoice(id: string, options: ReadOptions = {}): Promise<InvoiceDetail> {
    return (await this.#request<InvoiceDetail>('GET', `/invoices/${encodeURIComponent(id)}`, options)).data;
  }

  downloadInvoicePdf(id: string, options: ReadOptions = {}): Promise<DownloadedFile> {
    return this.#download(`/invoices/${encodeURIComponent(id)}/pdf`, options);
  }

  /** Emails the invoice, PDF attached, to `send.to`, or to the billing contact when it is left out. */
  async sendInvoice(id: string, send: DocumentSend = {}, options: WriteOptions = {}): Promise<DocumentSent> {
    return (await this.#request<DocumentSent>('POST', `/invoices/${encodeURIComponent(id)}/send`, { ...options, body: send })).data;
  }

  /** Every invoice the filters select, not one page, as a PDF or Excel file made by the server. */
  exportInvoices(query: InvoiceExportQuery, options: ReadOptions = {}): Promise<DownloadedFile> {
    return this.#download(`/invoices/export${searchOf(query)}`, options);
  }

  /** A page of payments, failed attempts, refunds and credits, newest first. */
  async listTransactions(query: Partial<TransactionListQuery> = {}, options: ReadOptions = {}): Promise<TransactionList> {
    return (await this.#request<TransactionList>('GET', `/transactions${searchOf(query)}`, options)).data;
  }

  /** Emails the receipt (or refund, credit or failure notice) to `send.to`, or to the billing contact. */
  async sendTransaction(id: string, send: DocumentSend = {}, options: WriteOptions = {}): Promise<DocumentSent> {
    return (await this.#request<DocumentSent>('POST', `/transactions/${encodeURIComponent(id)}/send`, { ...options, body: send })).data;
  }

  exportTransactions(query: TransactionExportQuery, options: ReadOptions = {}): Promise<DownloadedFile> {
    return this.#download(`/transactions/export${searchOf(query)}`, options);
  }

  async #request<T>(method: string, path: string, options: RequestOptions): Promise<Versioned<T>> {
    return this.#read<T>(await this.#authorized(method, path, options));
  }

  /** A file answer, read whole: it needs the token, so the browser cannot simply follow a link to it. */
  async #download(path: string, options: ReadOptions): Promise<DownloadedFile> {
    const response = await this.#authorized('GET', path, options);
    if (!response.ok) throw await errorFromResponse(response);
    const fileName = /filename="?([^";]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'download';
    return { blob: await response.blob(), fileName };
  }

  async #authorized(method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = `${this.#apiBase}/v1${path}`;
    let token = this.#tokens.current();
    let response = await this.#send(method, url, await token, options);
    if (response.status === 401) {
      token = this.#tokens.renew(token);
      response = await this.#send(method, url, await token, options);
    }
    return response;
  }

  async #read<T>(response: Response): Promise<Versioned<T>> {
    if (!response.ok) throw await errorFromResponse(response);
    const data = (response.status === 204 ? undefined : await response.json()) as T;
    return { data, etag: response.headers.get('ETag') };
  }

  async #send(method: string, url: string, token: string | undefined, options: RequestOptions): Promise<Response> {
    const headers = new Headers();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (options.ifMatch) headers.set('If-Match', options.ifMatch);
    if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
    try {
      return await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // The browser tells scripts nothing more: server down, offline, or refused by CORS.
      throw new PortalApiError({ status: 0, kind: 'network', title: 'The portal server could not be reached.' }, { cause: error });
    }
  }
}

/** "?status=paid&limit=25" from the parameters that have a value; "" when none has. */
function searchOf(query: object): string {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined && value !== '');
  const search = new URLSearchParams(entries.map(([name, value]) => [name, String(value)])).toString();
  return search ? `?${search}` : '';
}
