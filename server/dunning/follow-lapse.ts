import type { DunningRun } from '../../contract/dunning.ts';
import type { StandingFigures } from '../domain/standing.ts';
import { accessRestoredEmail } from '../mail/access-restored-email.ts';
import {
  closeLapse,
  findLatestLapse,
  markLapseNoticeFailed,
  markLapseNoticeSent,
  openLapse,
  retakeLapseNotice,
} from '../store/account-lapses.ts';
import type { CustomerRow } from '../store/schema.ts';
import { isRetakeable } from './claim-state.ts';
import { deliverNotice } from './deliver-notice.ts';
import type { DunningDeps } from './dunning-deps.ts';

const restoredStep = 'restored';

/**
 * A lapse opens when a run sees the account past due or locked; the first run that sees it in good
 * standing again closes it, and closing claims the lapse's one "access restored" notice.
 */
export async function followLapse(
  deps: DunningDeps,
  run: DunningRun,
  customer: CustomerRow,
  figures: StandingFigures,
  recipients: string[],
  now: Date,
): Promise<void> {
  const lapse = await findLatestLapse(deps.db, customer.id);
  if (figures.status === 'past_due' || figures.status === 'locked') {
    if (!lapse || lapse.restored_at !== null) await openLapse(deps.db, customer.id, now.toISOString());
    return;
  }
  if (!lapse) return;
  const claim =
    lapse.restored_at === null
      ? await closeLapse(deps.db, lapse.id, now.toISOString())
      : isRetakeable(lapse, now)
        ? await retakeLapseNotice(deps.db, lapse, now.toISOString())
        : undefined;
  if (!claim) return;
  await deliverNotice(deps, run, restoredStep, claim, accessRestoredEmail(recipients, customer), {
    sent: (held, at) => markLapseNoticeSent(deps.db, held, at),
    failed: (held, error) => markLapseNoticeFailed(deps.db, held, error),
  });
}
