import { Hono } from 'hono';
import { type SubscriptionRequest, SubscriptionRequestCreate } from '../../contract/subscription-request.ts';
import { loadAccount } from '../auth/sign-in.ts';
import type { Clock } from '../clock.ts';
import { checkRequestedFeature } from '../domain/requested-feature.ts';
import { notFound, ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { jsonBody } from '../http/validate.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import { subscriptionRequestEmail } from '../mail/subscription-request-email.ts';
import { recordAudit } from '../store/audit.ts';
import type { PortalDb } from '../store/database.ts';
import { inTransaction } from '../store/in-transaction.ts';
import type { SubscriptionRequestRow } from '../store/schema.ts';
import {
  deleteSubscriptionRequest,
  findPendingTwin,
  insertSubscriptionRequest,
  listSubscriptionRequests,
  toSubscriptionRequest,
} from '../store/subscription-requests.ts';
import { listSubscriptions } from '../store/subscriptions.ts';

export interface SubscriptionRequestDeps {
  db: PortalDb;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  /** The sales address, or support's in its place; undefined when the portal has neither. */
  recipient: string | undefined;
}

const cannotSend = () =>
  new ProblemError(503, 'service-unavailable', {
    detail: 'Change requests cannot be sent: this portal has no sales or support address set up. Please contact your vendor directly.',
  });

const unreachable = () =>
  new ProblemError(503, 'service-unavailable', {
    detail: 'We could not reach the sales team, so nothing was sent. Please try again in a few minutes.',
  });

export function subscriptionRequestRoutes(deps: SubscriptionRequestDeps) {
  return new Hono<PortalEnv>()
    .get('/', async (c) => {
      const rows = await listSubscriptionRequests(deps.db, c.get('principal').customerId);
      return c.json({ data: rows.map(toSubscriptionRequest), nextCursor: null });
    })
    .post('/', async (c) => {
      const recipient = deps.recipient;
      if (!recipient) throw cannotSend();
      const { user, customerId } = c.get('principal');
      const input = await jsonBody(c, SubscriptionRequestCreate);
      const customer = await loadAccount(deps.db, customerId);
      const now = deps.clock.now().toISOString();

      const { request, subscription } = await inTransaction(deps.db, async (trx) => {
        const [subscription] = input.subscriptionId ? await listSubscriptions(trx, customer.id, input.subscriptionId) : [];
        if (input.subscriptionId && !subscription) throw notFound('No subscription with this id in your account.');
        let featureName: string | null = null;
        if (input.kind === 'add_feature' || input.kind === 'remove_feature') {
          const checked = checkRequestedFeature(input.kind, input.featureName!, subscription!.features);
          if ('refusal' in checked) {
            throw new ProblemError(422, 'validation', {
              detail: 'Correct the fields listed in "errors".',
              errors: [{ path: 'featureName', message: checked.refusal }],
            });
          }
          featureName = checked.name;
        }
        const row: SubscriptionRequestRow = {
          id: newId('req'),
          customer_id: customer.id,
          subscription_id: subscription?.id ?? null,
          kind: input.kind,
          feature_name: featureName,
          message: input.message || null,
          status: 'pending',
          requested_by_subject: user.subject,
          requested_by_name: user.name,
          requested_by_email: user.email,
          created_at: now,
        };
        const twin = await findPendingTwin(trx, customer.id, row);
        if (twin) {
          throw new ProblemError(409, 'conflict', {
            detail: `${twin.requested_by_name ?? twin.requested_by_subject} asked for this on ${twin.created_at.slice(0, 10)} and it is still pending with the sales team.`,
          });
        }
        await insertSubscriptionRequest(trx, row);
        const request = toSubscriptionRequest(row);
        await recordAudit(trx, {
          customerId: customer.id,
          actor: user.subject,
          action: 'subscription.change-requested',
          target: request.id,
          after: request,
          at: now,
        });
        return { request, subscription };
      });

      // Sent after the commit: a slow mail server must not hold the database.
      try {
        await deps.mailer.send(
          subscriptionRequestEmail({
            to: recipient,
            customer: { id: customer.id, companyName: customer.company_name, customerKey: customer.customer_key },
            subscription: subscription ? { id: subscription.id, plan: subscription.plan } : null,
            request,
          }),
        );
      } catch (error) {
        deps.logger.error('subscription request not sent', { requestId: c.get('requestId'), subscriptionRequestId: request.id, error: String(error) });
        await withdraw(deps, request, customer.id, user.subject);
        throw unreachable();
      }
      return c.json(request, 201);
    });
}

/** Takes back a request the sales team never received, so the user can send it again. */
async function withdraw(deps: SubscriptionRequestDeps, request: SubscriptionRequest, customerId: string, actor: string) {
  await inTransaction(deps.db, async (trx) => {
    await deleteSubscriptionRequest(trx, customerId, request.id);
    await recordAudit(trx, {
      customerId,
      actor,
      action: 'subscription.change-request-withdrawn',
      target: request.id,
      before: request,
      at: deps.clock.now().toISOString(),
    });
  });
}
