import { Hono } from 'hono';
import type { DunningDeps } from '../../dunning/dunning-deps.ts';
import { runDunning } from '../../dunning/run-dunning.ts';
import type { PortalEnv } from '../../http/env.ts';

/** Lets the vendor's scheduler run dunning now, besides the server's own interval. */
export function adminDunningRoutes(deps: DunningDeps) {
  return new Hono<PortalEnv>().post('/run', async (c) => c.json(await runDunning(deps)));
}
