import * as z from 'zod';
import { AccessUpdate, AccessUser, AccessUserList } from './access.ts';
import { CustomerCreate, ProvisionedCustomer } from './admin.ts';
import { Customer, CustomerPatch } from './customer.ts';
import { DocumentSend, DocumentSent } from './document-delivery.ts';
import { DunningRun } from './dunning.ts';
import { Invoice, InvoiceCreate, InvoiceDetail, InvoiceExportQuery, InvoiceList, InvoiceListQuery } from './invoice.ts';
import { Me } from './me.ts';
import { PaymentMethod, PaymentMethodCreate, PaymentMethodList } from './payment-method.ts';
import { idempotencyKeyHeader, Payment, PaymentCreate } from './payment.ts';
import { SandboxToken, SandboxTokenCreate } from './sandbox-gateway.ts';
import { AccountStanding, Standing } from './standing.ts';
import { Subscription, SubscriptionCreate, SubscriptionList } from './subscription.ts';
import { SubscriptionRequest, SubscriptionRequestCreate, SubscriptionRequestList } from './subscription-request.ts';
import { SupportContact } from './support-contact.ts';
import { TransactionExportQuery, TransactionList, TransactionListQuery } from './transaction.ts';

/**
 * Who may call a route:
 * - `public`: anyone;
 * - `user`: any valid token of a provisioned account;
 * - `portal`: a user holding Customer Portal View;
 * - `admin`: the vendor's systems, with PORTAL_ADMIN_API_KEY.
 */
export type RouteAccess = 'public' | 'user' | 'portal' | 'admin';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Media types of the body: application/json when a schema is given; without one, a file (binary) of one of these types. */
  contentTypes?: string[];
}

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, parameters in braces. */
  path: string;
  summary: string;
  access: RouteAccess;
  body?: z.ZodType;
  /** The query string's parameters: a zod object of them. */
  query?: z.ZodObject;
  /** Request headers the route reads. */
  headers?: { name: string; required: boolean; description: string }[];
  responses: Record<number, RouteResponse>;
}

const pdf = 'application/pdf';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type of each export format. */
export const exportMediaTypes = { pdf, xlsx } as const;

const sendResponses = (what: string): Record<number, RouteResponse> => ({
  200: { description: `Handed to the mail server; the ${what} is on its way.`, schema: DocumentSent },
  422: { description: 'An address is not valid, there are more than five, or there is no billing contact to default to.' },
  429: { description: 'Too many sends of this document or by this user; Retry-After says when to try again.' },
  503: { description: 'The mail server could not take the message; nothing was sent. Try again later.' },
});

const exportResponses: Record<number, RouteResponse> = {
  200: {
    description: 'The whole filtered list as a file, named after the account and today’s date (Content-Disposition).',
    contentTypes: [pdf, xlsx],
  },
  422: { description: 'A query parameter is not valid; `errors` names each.' },
  503: { description: 'Too many exports are waiting; Retry-After says when to try again.' },
};

const ifMatch = { name: 'If-Match', required: true, description: 'The ETag from GET /v1/customer.' };

/** Every route of the portal server. The server is tested to serve exactly these. */
export const routes: RouteSpec[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the server answers and its database is reachable.',
    access: 'public',
    responses: { 200: { description: 'Alive.', schema: z.object({ status: z.literal('ok') }) } },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This description, generated from the contract.',
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1 document.', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: 'The signed-in user, whether they hold Customer Portal View and whether they are the Site Admin.',
    access: 'user',
    responses: { 200: { description: 'The user.', schema: Me } },
  },
  {
    method: 'get',
    path: '/v1/standing',
    summary: 'Good / past due / locked, the balance, the lock date and whom to contact.',
    access: 'user',
    responses: { 200: { description: 'The account’s standing.', schema: Standing } },
  },
  {
    method: 'get',
    path: '/v1/customer',
    summary: 'Company name, address, contacts and Customer Key. Answers an ETag.',
    access: 'portal',
    responses: { 200: { description: 'The customer.', schema: Customer } },
  },
  {
    method: 'patch',
    path: '/v1/customer',
    summary: 'Change company info. Requires If-Match; 412 when someone else saved in between.',
    access: 'portal',
    body: CustomerPatch,
    headers: [ifMatch],
    responses: {
      200: { description: 'The saved customer, with its new ETag.', schema: Customer },
      412: { description: 'Someone else saved in between: reload and apply the change again.' },
      428: { description: 'If-Match is missing.' },
    },
  },
  {
    method: 'get',
    path: '/v1/subscriptions',
    summary: 'Subscriptions with rates, terms, next invoice date, active features and add-ons on offer.',
    access: 'portal',
    responses: { 200: { description: 'The subscriptions.', schema: SubscriptionList } },
  },
  {
    method: 'get',
    path: '/v1/access/users',
    summary: 'The account’s users and who holds Customer Portal View.',
    access: 'portal',
    responses: { 200: { description: 'The users, Site Admin first.', schema: AccessUserList } },
  },
  {
    method: 'put',
    path: '/v1/access/users/{sub}',
    summary: 'Grant or revoke Customer Portal View. Revoking the Site Admin’s is refused (409).',
    access: 'portal',
    body: AccessUpdate,
    responses: {
      200: { description: 'The user’s access now.', schema: AccessUser },
      409: { description: 'The Site Admin always holds Customer Portal View.' },
    },
  },
  {
    method: 'delete',
    path: '/v1/access/users/{sub}',
    summary: 'Remove a user (and their grant) from the portal. Removing the Site Admin is refused (409).',
    access: 'portal',
    responses: {
      204: { description: 'Removed.' },
      409: { description: 'The Site Admin cannot be removed.' },
    },
  },
  {
    method: 'post',
    path: '/admin/v1/customers',
    summary: 'Provision a customer account with its Site Admin.',
    access: 'admin',
    body: CustomerCreate,
    responses: {
      201: { description: 'Provisioned.', schema: ProvisionedCustomer },
      409: { description: 'An account with this id exists.' },
    },
  },
  {
    method: 'post',
    path: '/admin/v1/customers/{id}/subscriptions',
    summary: 'Add a subscription with its premium features.',
    access: 'admin',
    body: SubscriptionCreate,
    responses: { 201: { description: 'Added.', schema: Subscription } },
  },
  {
    method: 'post',
    path: '/admin/v1/customers/{id}/invoices',
    summary: 'Issue an invoice.',
    access: 'admin',
    body: InvoiceCreate,
    responses: {
      201: { description: 'Issued.', schema: Invoice },
      409: { description: 'An invoice with this number exists.' },
    },
  },
  {
    method: 'get',
    path: '/admin/v1/customers/{id}/standing',
    summary: 'The account’s standing, for host backends that enforce the lockout.',
    access: 'admin',
    responses: { 200: { description: 'The standing.', schema: AccountStanding } },
  },
  {
    method: 'get',
    path: '/v1/contact',
    summary: 'The vendor’s support contact for "Contact us": email, phone and web page, each null when not configured.',
    access: 'portal',
    responses: { 200: { description: 'The support contact.', schema: SupportContact } },
  },
  {
    method: 'post',
    path: '/v1/subscriptions/requests',
    summary: 'Ask the sales team for a change: add or remove a feature, change plan, cancel, or anything else.',
    access: 'portal',
    body: SubscriptionRequestCreate,
    responses: {
      201: { description: 'Recorded and sent to the sales team; pending until they deal with it.', schema: SubscriptionRequest },
      404: { description: 'No subscription with this id in the caller’s account.' },
      409: { description: 'The same request is still pending.' },
      503: { description: 'The request could not be sent to the sales team; nothing was kept. Try again.' },
    },
  },
  {
    method: 'get',
    path: '/v1/subscriptions/requests',
    summary: 'The account’s change requests, newest first, pending and resolved.',
    access: 'portal',
    responses: { 200: { description: 'The requests.', schema: SubscriptionRequestList } },
  },
  {
    method: 'post',
    path: '/v1/payments',
    summary: 'Pay chosen open invoices, or the whole balance, with a payment method on file. Needs an Idempotency-Key.',
    access: 'portal',
    body: PaymentCreate,
    headers: [idempotencyKeyHeader],
    responses: {
      201: { description: 'The attempt’s outcome: succeeded, or failed with the reason in plain words.', schema: Payment },
      400: { description: 'The Idempotency-Key header is missing.' },
      409: { description: 'This payment, or another of the account’s, is still being processed.' },
      422: { description: 'A field is wrong, nothing is due, or the Idempotency-Key was used for another payment.' },
      429: { description: 'Too many payment attempts; Retry-After says when to try again.' },
      503: { description: 'The processor could not be reached; retry with the same key.' },
    },
  },
  {
    method: 'get',
    path: '/v1/payment-methods',
    summary: 'Cards and bank accounts on file, the default first, then the newest; expired cards flagged.',
    access: 'portal',
    responses: { 200: { description: 'The payment methods.', schema: PaymentMethodList } },
  },
  {
    method: 'post',
    path: '/v1/payment-methods',
    summary: 'Put a card or bank account on file by the token the payment processor’s tokenizer answered. The first becomes the default.',
    access: 'portal',
    body: PaymentMethodCreate,
    responses: {
      201: { description: 'Stored.', schema: PaymentMethod },
      409: { description: 'The same card or account is already on file.' },
      422: { description: 'The processor does not know the token, or the body carries a card number.' },
      429: { description: 'Too many additions; Retry-After says when to try again.' },
    },
  },
  {
    method: 'post',
    path: '/v1/payment-methods/{id}/default',
    summary: 'Make a method the default; the previous default stops being one.',
    access: 'portal',
    responses: { 200: { description: 'The method, now the default.', schema: PaymentMethod } },
  },
  {
    method: 'delete',
    path: '/v1/payment-methods/{id}',
    summary: 'Remove a method. The default cannot go while others are on file (409); the only one can.',
    access: 'portal',
    responses: {
      204: { description: 'Removed.' },
      409: { description: 'It is the default and others are on file: choose another default first.' },
    },
  },
  {
    method: 'post',
    path: '/sandbox-gateway/v1/tokens',
    summary:
      'The sandbox gateway’s tokenizer (test mode): card or bank account details in, a token out. The browser calls it without the portal’s token; a real processor’s tokenizer takes its place in production.',
    access: 'public',
    body: SandboxTokenCreate,
    responses: {
      201: { description: 'The token and what it stands for.', schema: SandboxToken },
      422: { description: 'Details are not valid (Luhn, expiry, CVC, ABA checksum, not a test number); `errors` names each field.' },
      429: { description: 'Too many submissions from this address; Retry-After says when to try again.' },
    },
  },
  {
    method: 'get',
    path: '/v1/invoices',
    summary: 'Invoice history, newest first (issue date, then id), a page at a time; filter by status, issue dates and number.',
    access: 'portal',
    query: InvoiceListQuery,
    responses: {
      200: { description: 'A page of invoices and the cursor of the next.', schema: InvoiceList },
      422: { description: 'A query parameter is not valid, the cursor included; `errors` names each.' },
    },
  },
  {
    method: 'get',
    path: '/v1/invoices/export',
    summary: 'Every invoice the filters select (not one page), as PDF or Excel.',
    access: 'portal',
    query: InvoiceExportQuery,
    responses: exportResponses,
  },
  {
    method: 'get',
    path: '/v1/invoices/{id}',
    summary: 'One invoice with its lines, totals and the payments applied to it.',
    access: 'portal',
    responses: { 200: { description: 'The invoice.', schema: InvoiceDetail } },
  },
  {
    method: 'get',
    path: '/v1/invoices/{id}/pdf',
    summary: 'The invoice as a PDF document.',
    access: 'portal',
    responses: { 200: { description: 'The PDF, as an attachment named <account>-<number>.pdf.', contentTypes: [pdf] } },
  },
  {
    method: 'post',
    path: '/v1/invoices/{id}/send',
    summary: 'Email the invoice, PDF attached, to the billing contact or to up to five addresses.',
    access: 'portal',
    body: DocumentSend,
    responses: sendResponses('invoice'),
  },
  {
    method: 'get',
    path: '/v1/transactions',
    summary: 'Transaction history (payments, failed attempts, refunds, credits), newest first, a page at a time.',
    access: 'portal',
    query: TransactionListQuery,
    responses: {
      200: { description: 'A page of transactions and the cursor of the next.', schema: TransactionList },
      422: { description: 'A query parameter is not valid, the cursor included; `errors` names each.' },
    },
  },
  {
    method: 'get',
    path: '/v1/transactions/export',
    summary: 'Every transaction the filters select (not one page), as PDF or Excel.',
    access: 'portal',
    query: TransactionExportQuery,
    responses: exportResponses,
  },
  {
    method: 'post',
    path: '/v1/transactions/{id}/send',
    summary:
      'Email a transaction’s receipt (payment), refund or credit note, or for a failed payment a notice of the failed attempt with its reason.',
    access: 'portal',
    body: DocumentSend,
    responses: {
      ...sendResponses('message'),
      409: { description: 'The payment is still being processed; there is nothing to send yet.' },
    },
  },
  {
    method: 'post',
    path: '/admin/v1/dunning/run',
    summary:
      'Run dunning now for every account: reminders, due-date, overdue, final-warning, lock and access-restored notices whose day has come, each sent once per invoice and step.',
    access: 'admin',
    responses: { 200: { description: 'What this run sent, and what failed to send (retried by a later run), per step.', schema: DunningRun } },
  },
];
