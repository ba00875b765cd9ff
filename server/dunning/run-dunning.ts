import type { DunningRun } from '../../contract/dunning.ts';
import { calendarDate } from '../clock.ts';
import { planNotices } from '../domain/dunning-schedule.ts';
import { dunningEmail } from '../mail/dunning-email.ts';
import { listCustomersWithUnsettledLapses } from '../store/account-lapses.ts';
import { findCustomer } from '../store/customers.ts';
import type { PortalDb } from '../store/database.ts';
import { listNoticeRecipients, listOwedInvoices, type OwedInvoice } from '../store/dunning-accounts.ts';
import {
  claimDunningNotice,
  findDunningNotice,
  markDunningNoticeFailed,
  markDunningNoticeSent,
  type NoticeClaim,
  retakeDunningNotice,
} from '../store/dunning-notices.ts';
import type { CustomerRow } from '../store/schema.ts';
import { isRetakeable } from './claim-state.ts';
import { deliverNotice } from './deliver-notice.ts';
import type { DunningDeps } from './dunning-deps.ts';
import { followLapse } from './follow-lapse.ts';

/**
 * Sends every notice whose day has come, each at most once per invoice and step (per lapse for
 * "access restored") however many runs overlap: a notice is claimed in the database before it is
 * sent, and a failed send is left for a later run to retry.
 */
export async function runDunning(deps: DunningDeps): Promise<DunningRun> {
  const now = deps.clock.now();
  const run: DunningRun = { ranAt: now.toISOString(), sent: {}, failed: {} };
  const owedByAccount = new Map<string, OwedInvoice[]>();
  for (const invoice of await listOwedInvoices(deps.db)) {
    owedByAccount.set(invoice.customerId, [...(owedByAccount.get(invoice.customerId) ?? []), invoice]);
  }
  // A paid-up account owes nothing but may still be due its "access restored" notice.
  const accountIds = new Set([...owedByAccount.keys(), ...(await listCustomersWithUnsettledLapses(deps.db))]);
  for (const customerId of [...accountIds].sort()) {
    const customer = await findCustomer(deps.db, customerId);
    if (customer) await dunAccount(deps, run, customer, owedByAccount.get(customerId) ?? [], now);
  }
  return run;
}

async function dunAccount(deps: DunningDeps, run: DunningRun, customer: CustomerRow, owed: OwedInvoice[], now: Date): Promise<void> {
  const plan = planNotices(owed, calendarDate(now), deps.rules, deps.schedule);
  const recipients = await listNoticeRecipients(deps.db, customer.id);
  for (const { invoiceId, notice } of plan.notices) {
    const claim = await claimInvoiceNotice(deps.db, invoiceId, notice.step, now);
    if (!claim) continue;
    const invoice = owed.find((candidate) => candidate.id === invoiceId)!;
    const message = dunningEmail({ to: recipients, kind: notice.kind, customer, invoice, figures: plan.figures, supportEmail: deps.supportEmail });
    await deliverNotice(deps, run, notice.step, claim, message, {
      sent: (held, at) => markDunningNoticeSent(deps.db, held, at),
      failed: (held, error) => markDunningNoticeFailed(deps.db, held, error),
    });
  }
  await followLapse(deps, run, customer, plan.figures, recipients, now);
}

/** This run's claim on the notice, or undefined when it was sent or another run holds it. */
async function claimInvoiceNotice(db: PortalDb, invoiceId: string, step: string, now: Date): Promise<NoticeClaim | undefined> {
  const existing = await findDunningNotice(db, invoiceId, step);
  if (!existing) return claimDunningNotice(db, invoiceId, step, now.toISOString());
  return isRetakeable(existing, now) ? retakeDunningNotice(db, existing, now.toISOString()) : undefined;
}
