import * as z from 'zod';

/** POST /v1/payments (with an Idempotency-Key header): pay chosen open invoices, or everything due. */
export const PaymentCreate = z
  .strictObject({
    paymentMethodId: z.string().min(1).max(64),
    invoiceIds: z
      .array(z.string().min(1).max(64))
      .min(1, 'Choose at least one invoice, or leave invoiceIds out to pay everything due.')
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'Each invoice may be listed once.')
      .optional()
      .describe('Open invoices to pay; leave out to pay the whole balance.'),
  })
  .meta({ id: 'PaymentCreate' });
export type PaymentCreate = z.infer<typeof PaymentCreate>;

export const DeclineCode = z.enum([
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
  'account_closed',
]);
export type DeclineCode = z.infer<typeof DeclineCode>;

/** The outcome of a payment attempt; a declined one is a recorded failed payment, not an error. */
export const Payment = z
  .object({
    id: z.string().describe('The transaction id.'),
    status: z.enum(['succeeded', 'failed']),
    amount: z.int(),
    currency: z.string(),
    paymentMethod: z.object({ id: z.string(), label: z.string() }),
    invoices: z.array(z.object({ id: z.string(), number: z.string(), amount: z.int() })),
    reference: z.string().describe('The processor’s reference for the charge.'),
    declineCode: DeclineCode.nullable(),
    failureReason: z.string().nullable().describe('Why it was declined, in plain words.'),
    occurredAt: z.string(),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  required: true,
  description: 'A key you choose per payment (e.g. a UUID). Retrying with it never charges twice; kept 24 hours.',
};
