import * as z from 'zod';
import { Email } from './common.ts';

export const maxRecipients = 5;

/** POST /v1/invoices/{id}/send and /v1/transactions/{id}/send: whom to mail; the billing contact when `to` is left out. */
export const DocumentSend = z
  .strictObject({
    to: z
      .array(Email)
      .min(1, 'Name at least one address, or leave "to" out to send to the billing contact.')
      .max(maxRecipients, `At most ${maxRecipients} addresses.`)
      .refine((addresses) => new Set(addresses.map((address) => address.toLowerCase())).size === addresses.length, 'Each address may be listed once.')
      .optional(),
  })
  .meta({ id: 'DocumentSend' });
export type DocumentSend = z.infer<typeof DocumentSend>;

/** What was sent, to whom, when. */
export const DocumentSent = z
  .object({
    to: z.array(z.string()),
    sentAt: z.string(),
  })
  .meta({ id: 'DocumentSent' });
export type DocumentSent = z.infer<typeof DocumentSent>;
