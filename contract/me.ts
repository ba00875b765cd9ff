import * as z from 'zod';

export const Me = z
  .object({
    sub: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    customer: z.object({ id: z.string(), companyName: z.string(), customerKey: z.string() }),
    isSiteAdmin: z.boolean(),
    hasPortalAccess: z.boolean().describe('Holds the Customer Portal View permission.'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
