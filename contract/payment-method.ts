import * as z from 'zod';
import { listOf } from './common.ts';

export const PaymentMethodKind = z.enum(['card', 'bank_account']);
export type PaymentMethodKind = z.infer<typeof PaymentMethodKind>;

export const PaymentMethod = z
  .object({
    id: z.string(),
    kind: PaymentMethodKind,
    brand: z.string().nullable().describe('Card network ("visa", "mastercard", "amex"); null for a bank account.'),
    last4: z.string(),
    expMonth: z.int().nullable().describe('Cards only.'),
    expYear: z.int().nullable().describe('Cards only.'),
    holderName: z.string().nullable(),
    isDefault: z.boolean().describe('The method payments use unless another is chosen.'),
    isExpired: z.boolean().describe('A card past the end of its expiry month.'),
    createdAt: z.string(),
  })
  .meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentMethodList = listOf(PaymentMethod).meta({ id: 'PaymentMethodList' });
export type PaymentMethodList = z.infer<typeof PaymentMethodList>;

/** POST /v1/payment-methods: the token the payment processor's tokenizer answered — never card details. */
export const PaymentMethodCreate = z
  .strictObject({
    token: z.string().min(1, 'Send the token from the payment processor.').max(255),
  })
  .meta({ id: 'PaymentMethodCreate' });
export type PaymentMethodCreate = z.infer<typeof PaymentMethodCreate>;
