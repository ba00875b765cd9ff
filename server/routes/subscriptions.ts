import { Hono } from 'hono';
import { calendarDate, type Clock } from '../clock.ts';
import type { PortalEnv } from '../http/env.ts';
import type { PortalDb } from '../store/database.ts';
import { listSubscriptions, toSubscription } from '../store/subscriptions.ts';

export function subscriptionRoutes(deps: { db: PortalDb; clock: Clock }) {
  return new Hono<PortalEnv>().get('/', async (c) => {
    const today = calendarDate(deps.clock.now());
    const records = await listSubscriptions(deps.db, c.get('principal').customerId);
    return c.json({ data: records.map((record) => toSubscription(record, today)), nextCursor: null });
  });
}
