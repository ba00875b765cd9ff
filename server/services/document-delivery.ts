import type { DocumentSent } from '../../contract/document-delivery.ts';
import type { Clock } from '../clock.ts';
import { ProblemError } from '../errors.ts';
import { enforceRateLimit } from '../http/rate-limit.ts';
import type { Logger } from '../logger.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { recordAudit } from '../store/audit.ts';
import type { PortalDb } from '../store/database.ts';
import { findBillingContactEmail } from '../store/customers.ts';
import type { CustomerRow, UserRow } from '../store/schema.ts';

export interface DeliveryDeps {
  db: PortalDb;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
}

/** Resends are a way to mail strangers from the vendor's domain: a few per document, a few more per user. */
const sendsPerDocument = { limit: 5, windowSeconds: 60 * 60 };
const sendsPerUser = { limit: 20, windowSeconds: 60 * 60 };

export interface DocumentDelivery {
  kind: 'invoice' | 'transaction';
  id: string;
  /** Addresses the user named; the billing contact when undefined. */
  to: string[] | undefined;
  compose: (to: string[]) => Promise<MailMessage>;
  requestId: string;
}

/**
 * Mails a document the user asked for. Attempts count against the rate limits whether or not the
 * mail server takes the message; only a message it took is audit logged (who, what, to whom).
 */
export async function deliverDocument(deps: DeliveryDeps, principal: { customer: CustomerRow; user: UserRow }, delivery: DocumentDelivery): Promise<DocumentSent> {
  const { customer, user } = principal;
  const billingContact = delivery.to ? undefined : await findBillingContactEmail(deps.db, customer.id);
  const to = delivery.to ?? (billingContact ? [billingContact] : []);
  if (to.length === 0) {
    throw new ProblemError(422, 'validation', {
      detail: 'Correct the fields listed in "errors".',
      errors: [{ path: 'to', message: 'This account has no billing contact: name at least one address to send to.' }],
    });
  }
  await enforceRateLimit(deps.db, deps.clock, { bucket: `send:${delivery.kind}:${customer.id}:${delivery.id}`, ...sendsPerDocument }, `sends of this ${delivery.kind}`);
  await enforceRateLimit(deps.db, deps.clock, { bucket: `send:${customer.id}:${user.subject}`, ...sendsPerUser }, 'documents sent');

  const message = await delivery.compose(to);
  try {
    await deps.mailer.send(message);
  } catch (error) {
    deps.logger.error('document not sent', { requestId: delivery.requestId, kind: delivery.kind, id: delivery.id, error: String(error) });
    throw new ProblemError(503, 'service-unavailable', {
      detail: 'The mail server did not take the message, so nothing was sent. Please try again in a few minutes.',
      headers: { 'Retry-After': '60' },
    });
  }
  const sentAt = deps.clock.now().toISOString();
  await recordAudit(deps.db, {
    customerId: customer.id,
    actor: user.subject,
    action: `${delivery.kind}.sent`,
    target: delivery.id,
    after: { to, subject: message.subject },
    at: sentAt,
  });
  return { to, sentAt };
}
