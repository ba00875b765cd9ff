import type { SubscriptionList } from '../../contract/subscription.ts';
import type { SubscriptionRequest, SubscriptionRequestCreate, SubscriptionRequestList } from '../../contract/subscription-request.ts';
import { siteAdmin } from '../fixtures/me.ts';
import { vendorSupport } from '../fixtures/support-contact.ts';
import { answer, json } from './answers.ts';
import type { Routes } from './fixture-server.ts';

/**
 * What <portal-subscriptions> reads — subscriptions, change requests, the vendor's contact — and
 * POST /v1/subscriptions/requests, which records a request as pending, as the server does.
 */
export function subscriptionsResource(subscriptions: SubscriptionList, requests: SubscriptionRequestList): Routes {
  let sent = requests.data;
  return {
    'GET /v1/subscriptions': answer(subscriptions),
    'GET /v1/subscriptions/requests': () => json({ data: sent, nextCursor: null }),
    'GET /v1/contact': answer(vendorSupport),
    'POST /v1/subscriptions/requests': async (request) => {
      const asked = (await request.json()) as SubscriptionRequestCreate;
      const recorded: SubscriptionRequest = {
        id: `req_story${sent.length + 1}`,
        subscriptionId: asked.subscriptionId ?? null,
        kind: asked.kind,
        featureName: asked.featureName ?? null,
        message: asked.message ?? null,
        status: 'pending',
        requestedBy: { sub: siteAdmin.sub, name: siteAdmin.name, email: siteAdmin.email },
        createdAt: new Date().toISOString(),
      };
      sent = [recorded, ...sent];
      return json(recorded, {}, 201);
    },
  };
}
