import * as z from 'zod';
import { CalendarDate, listOf, MinorAmount } from './common.ts';

export const BillingInterval = z.enum(['month', 'quarter', 'year']);
export type BillingInterval = z.infer<typeof BillingInterval>;

const FeatureName = z.string().trim().min(1).max(100);
const Terms = z.string().trim().min(1).max(500);
const NonNegativeAmount = MinorAmount.min(0, 'An amount cannot be negative.');

/** Admin API body: POST /admin/v1/customers/{id}/subscriptions */
export const SubscriptionCreate = z
  .strictObject({
    plan: z.string().trim().min(1).max(100),
    unitAmount: NonNegativeAmount,
    interval: BillingInterval,
    startsAt: CalendarDate,
    invoiceTerms: Terms,
    paymentTerms: Terms,
    features: z
      .array(z.strictObject({ name: FeatureName, unitAmount: NonNegativeAmount, active: z.boolean() }))
      .max(50)
      .default([])
      .refine(
        (features) => new Set(features.map((feature) => feature.name.toLowerCase())).size === features.length,
        'Each feature may be listed once.',
      ),
  })
  .meta({ id: 'SubscriptionCreate' });
export type SubscriptionCreate = z.infer<typeof SubscriptionCreate>;

export const SubscriptionFeature = z
  .object({ name: z.string(), unitAmount: z.int(), isActive: z.boolean() })
  .meta({ id: 'SubscriptionFeature' });

export const Subscription = z
  .object({
    id: z.string(),
    plan: z.string(),
    status: z.enum(['active', 'scheduled']),
    unitAmount: z.int(),
    currency: z.string(),
    interval: BillingInterval,
    startsAt: z.string(),
    nextInvoiceAt: z.string().describe('The next date an invoice is issued for this subscription.'),
    invoiceTerms: z.string(),
    paymentTerms: z.string(),
    features: z.array(SubscriptionFeature).describe('Active features and add-ons on offer (isActive false).'),
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof Subscription>;

export const SubscriptionList = listOf(Subscription).meta({ id: 'SubscriptionList' });
export type SubscriptionList = z.infer<typeof SubscriptionList>;
