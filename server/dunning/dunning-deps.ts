import type { Clock } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import type { DunningSchedule } from '../domain/dunning-schedule.ts';
import type { StandingRules } from '../domain/standing.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import { standingRulesOf } from '../services/account-standing.ts';
import type { PortalDb } from '../store/database.ts';

export interface DunningDeps {
  db: PortalDb;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  rules: StandingRules;
  schedule: DunningSchedule;
  supportEmail: string | undefined;
}

export const dunningDepsOf = (deps: { db: PortalDb; clock: Clock; mailer: Mailer; logger: Logger; config: PortalConfig }): DunningDeps => ({
  db: deps.db,
  clock: deps.clock,
  mailer: deps.mailer,
  logger: deps.logger,
  rules: standingRulesOf(deps.config),
  schedule: deps.config.dunning.schedule,
  supportEmail: deps.config.supportEmail,
});
