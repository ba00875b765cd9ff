import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DeclineCode } from '../payments/gateway.ts';
import type { ScriptedOutcome } from '../payments/sandbox/test-numbers.ts';

/** Timestamps are ISO 8601 UTC strings; calendar dates "YYYY-MM-DD"; money integer minor units. */
export interface CustomersTable {
  id: string;
  customer_key: string;
  company_name: string;
  address_line1: string | null;
  address_line2: string | null;
  address_city: string | null;
  address_region: string | null;
  address_postal_code: string | null;
  address_country: string | null;
  currency: string;
  locale: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  role: 'billing' | 'other';
  position: number;
  name: string;
  email: string;
  phone: string | null;
}

export interface UsersTable {
  id: string;
  customer_id: string;
  subject: string;
  name: string | null;
  email: string | null;
  is_site_admin: Generated<0 | 1>;
  created_at: string;
  last_seen_at: string | null;
}

export interface PortalGrantsTable {
  user_id: string;
  granted_by_user_id: string | null;
  granted_at: string;
}

export interface PlansTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SubscriptionsTable {
  id: string;
  customer_id: string;
  plan_id: string;
  unit_amount: number;
  currency: string;
  interval: 'month' | 'quarter' | 'year';
  starts_at: string;
  invoice_terms: string;
  payment_terms: string;
  created_at: string;
}

export interface SubscriptionFeaturesTable {
  id: string;
  subscription_id: string;
  name: string;
  unit_amount: number;
  is_active: 0 | 1;
}

export interface InvoicesTable {
  id: string;
  customer_id: string;
  number: string;
  status: 'open' | 'paid' | 'void';
  issued_at: string;
  due_at: string;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  amount_paid: Generated<number>;
  paid_at: string | null;
  created_at: string;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  position: number;
  description: string;
  quantity: number;
  unit_amount: number;
  amount: number;
}

export interface PaymentMethodsTable {
  id: string;
  customer_id: string;
  token: string;
  kind: 'card' | 'bank_account';
  brand: string | null;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  holder_name: string | null;
  fingerprint: string;
  is_default: Generated<0 | 1>;
  created_at: string;
}

export interface TransactionsTable {
  id: string;
  customer_id: string;
  kind: 'payment' | 'failed_payment' | 'refund' | 'credit';
  status: 'pending' | 'succeeded' | 'failed';
  amount: number;
  currency: string;
  payment_method_id: string | null;
  method_label: string | null;
  reference: string;
  failure_reason: string | null;
  decline_code: string | null;
  occurred_at: string;
}

export interface TransactionAllocationsTable {
  transaction_id: string;
  invoice_id: string;
  amount: number;
}

export interface IdempotencyKeysTable {
  customer_id: string;
  user_id: string;
  key: string;
  request_hash: string;
  state: 'running' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
  transaction_id: string | null;
  locked_until: string | null;
}

export interface DunningNoticesTable {
  id: string;
  invoice_id: string;
  step: string;
  claimed_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
}

/** From the dunning run that saw an account past due to the one that saw it good again; see the migration. */
export interface AccountLapsesTable {
  id: string;
  customer_id: string;
  started_at: string;
  /** Null while the account is still past due or locked. */
  restored_at: string | null;
  /** The "access restored" notice: claimed when the lapse closes. */
  claimed_at: string | null;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface OutboxTable {
  id: string;
  customer_id: string | null;
  recipients: string;
  subject: string;
  body_text: string;
  eml_path: string | null;
  created_at: string;
}

export interface SubscriptionRequestsTable {
  id: string;
  customer_id: string;
  /** Null when the request is about the account rather than one subscription. */
  subscription_id: string | null;
  kind: 'add_feature' | 'remove_feature' | 'change_plan' | 'cancel' | 'other';
  feature_name: string | null;
  message: string | null;
  status: 'pending' | 'resolved';
  /** The requester as they were when asking; the user may be removed later. */
  requested_by_subject: string;
  requested_by_name: string | null;
  requested_by_email: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  customer_id: string;
  actor: string;
  action: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  at: string;
}

export interface RateLimitHitsTable {
  bucket: string;
  at: string;
}

export interface SandboxSecretsTable {
  name: string;
  value: string;
}

/** The sandbox gateway's record of a token: what its test number decided, never the number itself. */
export interface SandboxTokensTable {
  token: string;
  kind: 'card' | 'bank_account';
  brand: string | null;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  holder_name: string;
  fingerprint: string;
  charge_outcome: ScriptedOutcome;
  created_at: string;
}

export interface SandboxChargesTable {
  reference: string;
  idempotency_key: string;
  token: string;
  amount: number;
  currency: string;
  description: string;
  status: 'succeeded' | 'failed';
  decline_code: DeclineCode | null;
  created_at: string;
}

export interface SandboxRefundsTable {
  reference: string;
  idempotency_key: string;
  charge_reference: string;
  amount: number;
  status: 'succeeded' | 'failed';
  failure_reason: string | null;
  created_at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface Database {
  customers: CustomersTable;
  contacts: ContactsTable;
  users: UsersTable;
  portal_grants: PortalGrantsTable;
  plans: PlansTable;
  subscriptions: SubscriptionsTable;
  subscription_features: SubscriptionFeaturesTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payment_methods: PaymentMethodsTable;
  transactions: TransactionsTable;
  transaction_allocations: TransactionAllocationsTable;
  idempotency_keys: IdempotencyKeysTable;
  dunning_notices: DunningNoticesTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  subscription_requests: SubscriptionRequestsTable;
  counters: CountersTable;
  rate_limit_hits: RateLimitHitsTable;
  sandbox_secrets: SandboxSecretsTable;
  sandbox_tokens: SandboxTokensTable;
  sandbox_charges: SandboxChargesTable;
  sandbox_refunds: SandboxRefundsTable;
  account_lapses: AccountLapsesTable;
}

export type CustomerRow = Selectable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type ContactInsert = Insertable<ContactsTable>;
export type UserRow = Selectable<UsersTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type SubscriptionRequestRow = Selectable<SubscriptionRequestsTable>;
export type PaymentMethodRow = Selectable<PaymentMethodsTable>;
export type SandboxTokenRow = Selectable<SandboxTokensTable>;
export type SandboxChargeRow = Selectable<SandboxChargesTable>;
export type SandboxRefundRow = Selectable<SandboxRefundsTable>;
export type DunningNoticeRow = Selectable<DunningNoticesTable>;
export type AccountLapseRow = Selectable<AccountLapsesTable>;
