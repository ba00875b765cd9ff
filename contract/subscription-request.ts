import * as z from 'zod';
import { listOf } from './common.ts';

export const SubscriptionRequestKind = z.enum(['add_feature', 'remove_feature', 'change_plan', 'cancel', 'other']);
export type SubscriptionRequestKind = z.infer<typeof SubscriptionRequestKind>;

export const SubscriptionRequestStatus = z.enum(['pending', 'resolved']);
export type SubscriptionRequestStatus = z.infer<typeof SubscriptionRequestStatus>;

const isFeatureKind = (kind: SubscriptionRequestKind) => kind === 'add_feature' || kind === 'remove_feature';

/** POST /v1/subscriptions/requests: ask the vendor's sales team for a change. */
export const SubscriptionRequestCreate = z
  .strictObject({
    subscriptionId: z.string().trim().min(1).max(64).optional().describe('The subscription the request is about; leave out for the whole account.'),
    kind: SubscriptionRequestKind,
    featureName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('For add_feature an add-on the subscription offers; for remove_feature one of its active features.'),
    message: z.string().trim().max(2000, 'Keep the message to 2000 characters.').optional(),
  })
  .superRefine((request, ctx) => {
    if (isFeatureKind(request.kind)) {
      if (!request.subscriptionId) {
        ctx.addIssue({ code: 'custom', path: ['subscriptionId'], message: 'Choose the subscription the feature belongs to.' });
      }
      if (!request.featureName) {
        ctx.addIssue({ code: 'custom', path: ['featureName'], message: 'Choose the feature.' });
      }
    } else if (request.featureName !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['featureName'], message: 'Only a request to add or remove a feature names one.' });
    }
    if (request.kind === 'other' && !request.message) {
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'Say what you would like to change.' });
    }
  })
  .meta({ id: 'SubscriptionRequestCreate' });
export type SubscriptionRequestCreate = z.infer<typeof SubscriptionRequestCreate>;

export const SubscriptionRequest = z
  .object({
    id: z.string(),
    subscriptionId: z.string().nullable(),
    kind: SubscriptionRequestKind,
    featureName: z.string().nullable(),
    message: z.string().nullable(),
    status: SubscriptionRequestStatus.describe('Pending until the vendor has dealt with it.'),
    requestedBy: z.object({ sub: z.string(), name: z.string().nullable(), email: z.string().nullable() }),
    createdAt: z.string(),
  })
  .meta({ id: 'SubscriptionRequest' });
export type SubscriptionRequest = z.infer<typeof SubscriptionRequest>;

export const SubscriptionRequestList = listOf(SubscriptionRequest).meta({ id: 'SubscriptionRequestList' });
export type SubscriptionRequestList = z.infer<typeof SubscriptionRequestList>;
