import * as z from 'zod';

/** Card details as the payer types them; the gateway checks Luhn, expiry and CVC itself. */
export const SandboxCard = z
  .strictObject({
    number: z.string().max(40).describe('Digits; spaces or dashes between them are ignored.'),
    expMonth: z.int().describe('1–12.'),
    expYear: z.int().describe('Four digits, e.g. 2030.'),
    cvc: z.string().max(8).describe('3 digits; 4 for American Express.'),
    name: z.string().max(200).describe('The name on the card.'),
  })
  .meta({ id: 'SandboxCard' });
export type SandboxCard = z.infer<typeof SandboxCard>;

export const SandboxBankAccount = z
  .strictObject({
    routingNumber: z.string().max(20).describe('US ABA routing number, 9 digits.'),
    accountNumber: z.string().max(40),
    holderName: z.string().max(200),
  })
  .meta({ id: 'SandboxBankAccount' });

/** POST /sandbox-gateway/v1/tokens: a card or a bank account, exactly one. */
export const SandboxTokenCreate = z
  .strictObject({
    card: SandboxCard.optional(),
    bankAccount: SandboxBankAccount.optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.card === undefined) === (body.bankAccount === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Send either "card" or "bankAccount".' });
    }
  })
  .describe('Exactly one of card and bankAccount.')
  .meta({ id: 'SandboxTokenCreate' });
export type SandboxTokenCreate = z.infer<typeof SandboxTokenCreate>;

/** What the tokenizer answers: the token to hand to POST /v1/payment-methods, and what it stands for. */
export const SandboxToken = z
  .object({
    token: z.string(),
    kind: z.enum(['card', 'bank_account']),
    brand: z.string().nullable(),
    last4: z.string(),
    expMonth: z.int().nullable(),
    expYear: z.int().nullable(),
  })
  .meta({ id: 'SandboxToken' });
export type SandboxToken = z.infer<typeof SandboxToken>;
