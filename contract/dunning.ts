import * as z from 'zod';

const CountPerStep = z.record(z.string(), z.int().min(0));

/** What one dunning run did, per step: reminder-7, reminder-1, due, overdue-3, overdue-10, final-warning, locked, restored… */
export const DunningRun = z
  .object({
    ranAt: z.string().describe('When the run looked at the accounts (the day it judged by is its UTC date).'),
    sent: CountPerStep.describe('Notices handed to the mail server, per step.'),
    failed: CountPerStep.describe('Notices whose sending failed, per step; a later run retries each, still only once.'),
  })
  .meta({ id: 'DunningRun' });
export type DunningRun = z.infer<typeof DunningRun>;
