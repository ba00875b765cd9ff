import { Hono } from 'hono';
import type { SupportContact } from '../../contract/support-contact.ts';
import type { PortalEnv } from '../http/env.ts';

export function contactRoutes(support: SupportContact['support']) {
  const contact: SupportContact = { support };
  return new Hono<PortalEnv>().get('/', (c) => c.json(contact));
}
