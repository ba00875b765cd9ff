import type { CustomerRow, UserRow } from '../store/schema.ts';

/** The signed-in user of a portal request and their account. */
export interface Principal {
  customer: CustomerRow;
  user: UserRow;
  hasPortalAccess: boolean;
}

export interface PortalEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
