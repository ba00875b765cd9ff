import type { SubscriptionRequest } from '../../contract/subscription-request.ts';
import type { MailMessage } from './mailer.ts';

export interface SubscriptionRequestEmail {
  to: string;
  customer: { id: string; companyName: string; customerKey: string };
  /** Null when the request is about the account as a whole. */
  subscription: { id: string; plan: string } | null;
  request: SubscriptionRequest;
}

function whatIsAsked({ request, subscription }: SubscriptionRequestEmail): string {
  const theSubscription = subscription ? `the ${subscription.plan} subscription` : 'their subscription';
  switch (request.kind) {
    case 'add_feature':
      return `add ${request.featureName} to ${theSubscription}`;
    case 'remove_feature':
      return `remove ${request.featureName} from ${theSubscription}`;
    case 'change_plan':
      return subscription ? `change the ${subscription.plan} plan` : 'change plan';
    case 'cancel':
      return `cancel ${theSubscription}`;
    case 'other':
      return `change something about ${subscription ? theSubscription : 'their account'}`;
  }
}

function requester({ requestedBy }: SubscriptionRequest): string {
  const name = requestedBy.name ?? requestedBy.sub;
  return `${requestedBy.email ? `${name} <${requestedBy.email}>` : name} (user id ${requestedBy.sub})`;
}

/** The message that tells the vendor's sales team what a customer asked for, and who asked. */
export function subscriptionRequestEmail(email: SubscriptionRequestEmail): MailMessage {
  const { customer, subscription, request } = email;
  const asked = whatIsAsked(email);
  const lines = [
    `${customer.companyName} asks to ${asked}.`,
    '',
    `Company:       ${customer.companyName}`,
    `Customer Key:  ${customer.customerKey}`,
    `Account id:    ${customer.id}`,
    `Subscription:  ${subscription ? `${subscription.plan} (${subscription.id})` : 'not named; the request is about the account'}`,
    ...(request.featureName ? [`Feature:       ${request.featureName}`] : []),
    `Requested by:  ${requester(request)}`,
    `Requested at:  ${request.createdAt}`,
    `Reference:     ${request.id}`,
    ...(request.message ? ['', 'Their message:', request.message] : []),
    '',
    'The request shows as pending in their Customer Portal until it is resolved.',
  ];
  return {
    to: [email.to],
    // A company name is free text; a line break in it must not end the header.
    subject: `Change request from ${customer.companyName} (${customer.customerKey}): ${asked}`.replace(/\s+/g, ' '),
    text: `${lines.join('\n')}\n`,
    customerId: customer.id,
  };
}
