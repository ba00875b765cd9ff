import type { AccessUser } from '../../contract/access.ts';
import type { AccountStanding } from '../../contract/standing.ts';
import { moneyFormatter } from '../documents/format.ts';
import type { DemoSummary } from './seed-demo-data.ts';

function describeStanding(standing: AccountStanding, locale: string): string {
  const money = moneyFormatter(standing.currency, locale);
  switch (standing.status) {
    case 'good':
      return `good standing, ${money(standing.balanceDue)} open`;
    case 'due_soon':
      return `good standing, ${money(standing.balanceDue)} due soon`;
    case 'past_due':
      return `past due since ${standing.oldestDueAt}, locks on ${standing.lockAt}; ${money(standing.pastDueAmount)} overdue`;
    case 'locked':
      return `LOCKED since ${standing.lockAt}; ${money(standing.pastDueAmount)} overdue`;
  }
}

const describeAccess = (user: AccessUser): string =>
  user.isSiteAdmin ? 'Site Admin' : user.hasPortalAccess ? 'Customer Portal View' : 'no portal access';

/** What the seed did and where each demo account stands, as lines for a terminal. */
export function describeSummary({ seededIds, accounts }: DemoSummary): string[] {
  const keptIds = accounts.map((account) => account.id).filter((id) => !seededIds.includes(id));
  const headline =
    seededIds.length === 0
      ? `Demo data already present (${keptIds.join(', ')}): nothing to do.`
      : `Seeded demo data: ${seededIds.join(', ')}${keptIds.length > 0 ? `; already present, left as is: ${keptIds.join(', ')}` : ''}.`;
  return [
    headline,
    ...accounts.flatMap((account) => [
      `  ${account.companyName} (${account.id}): ${describeStanding(account.standing, account.locale)}`,
      ...account.users.map((user) => `    ${user.sub.padEnd(18)} ${(user.name ?? '').padEnd(16)} ${describeAccess(user)}`),
    ]),
  ];
}
