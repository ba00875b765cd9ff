import * as z from 'zod';
import { Email, listOf, PersonName } from './common.ts';

export const AccessUser = z
  .object({
    sub: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    isSiteAdmin: z.boolean(),
    hasPortalAccess: z.boolean(),
    grantedAt: z.string().nullable(),
    grantedBy: z.string().nullable().describe('Name (or sub) of who granted the permission; null for the Site Admin.'),
  })
  .meta({ id: 'AccessUser' });
export type AccessUser = z.infer<typeof AccessUser>;

export const AccessUserList = listOf(AccessUser).meta({ id: 'AccessUserList' });
export type AccessUserList = z.infer<typeof AccessUserList>;

/** PUT /v1/access/users/{sub}: grant or revoke Customer Portal View; may name a user not yet signed in. */
export const AccessUpdate = z
  .strictObject({
    portalAccess: z.boolean(),
    name: PersonName.optional(),
    email: Email.optional(),
  })
  .meta({ id: 'AccessUpdate' });
export type AccessUpdate = z.infer<typeof AccessUpdate>;

/** The path parameter: the host's user id, as in the token's `sub`. */
export const Subject = z.string().min(1).max(255);
