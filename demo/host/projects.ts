/** The product's own data, which the lockout must keep from a locked account: a few projects per account. */
export interface Project {
  name: string;
  owner: string;
  status: 'On track' | 'At risk' | 'Done';
  dueAt: string;
}

const projectsByAccount: Record<string, Project[]> = {
  northwind: [
    { name: 'Harbor warehouse rollout', owner: 'Andrew Fuller', status: 'On track', dueAt: '2027-02-15' },
    { name: 'Supplier portal', owner: 'Janet Leverling', status: 'At risk', dueAt: '2027-01-20' },
    { name: 'Q4 inventory audit', owner: 'Robert King', status: 'Done', dueAt: '2026-12-01' },
  ],
  globex: [
    { name: 'Berlin office move', owner: 'Katrin Vogel', status: 'On track', dueAt: '2027-03-01' },
    { name: 'Customer onboarding revamp', owner: 'Lena Schmidt', status: 'At risk', dueAt: '2027-01-31' },
  ],
};

export const projectsOf = (accountId: string): Project[] => projectsByAccount[accountId] ?? [];
