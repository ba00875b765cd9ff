import * as z from 'zod';

/** GET /v1/contact: the vendor's support, for "Contact us"; each null when not configured. */
export const SupportContact = z
  .object({
    support: z.object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      url: z.string().nullable(),
    }),
  })
  .meta({ id: 'SupportContact' });
export type SupportContact = z.infer<typeof SupportContact>;
