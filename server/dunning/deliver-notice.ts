import type { DunningRun } from '../../contract/dunning.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { NoticeClaim } from '../store/dunning-notices.ts';
import type { DunningDeps } from './dunning-deps.ts';

/** How a claimed notice's outcome is recorded, whichever table holds the claim. */
export interface ClaimRecorder {
  sent(claim: NoticeClaim, at: string): Promise<void>;
  failed(claim: NoticeClaim, error: string): Promise<void>;
}

/** Sends a notice this run holds the claim on and records how it went; a failed send is left for a later run. */
export async function deliverNotice(deps: DunningDeps, run: DunningRun, step: string, claim: NoticeClaim, message: MailMessage, record: ClaimRecorder) {
  try {
    if (message.to.length === 0) throw new Error('No billing contact or user with Customer Portal View has an email address.');
    await deps.mailer.send(message);
  } catch (error) {
    await record.failed(claim, String(error));
    run.failed[step] = (run.failed[step] ?? 0) + 1;
    deps.logger.error('dunning notice not sent; a later run retries it', { customerId: message.customerId, step, error: String(error) });
    return;
  }
  // Recorded only after the send: had it gone into the catch, a failed write would make a later run send it again.
  await record.sent(claim, deps.clock.now().toISOString());
  run.sent[step] = (run.sent[step] ?? 0) + 1;
}
