/** Someone who can sign in to the demo product; `id` is the `sub` the portal knows them by, `accountId` their customer account. */
export interface DemoLogin {
  id: string;
  username: string;
  password: string;
  name: string;
  email: string;
  accountId: string;
  accountName: string;
  /** Who this login shows, for the list `npm start` prints. */
  role: string;
}

const password = 'demo-password';

// The users of the portal's demo seed (server/seed/), as the product's own user table would hold them.
export const demoLogins: DemoLogin[] = [
  {
    id: 'northwind-admin',
    username: 'andrew',
    password,
    name: 'Andrew Fuller',
    email: 'andrew.fuller@northwind.test',
    accountId: 'northwind',
    accountName: 'Northwind Traders',
    role: 'Northwind Traders (good standing): Site Admin',
  },
  {
    id: 'northwind-billing',
    username: 'janet',
    password,
    name: 'Janet Leverling',
    email: 'janet.leverling@northwind.test',
    accountId: 'northwind',
    accountName: 'Northwind Traders',
    role: 'Northwind Traders (good standing): billing, holds Customer Portal View',
  },
  {
    id: 'northwind-viewer',
    username: 'robert',
    password,
    name: 'Robert King',
    email: 'robert.king@northwind.test',
    accountId: 'northwind',
    accountName: 'Northwind Traders',
    role: 'Northwind Traders (good standing): no Customer Portal View',
  },
  {
    id: 'globex-admin',
    username: 'katrin',
    password,
    name: 'Katrin Vogel',
    email: 'katrin.vogel@globex.test',
    accountId: 'globex',
    accountName: 'Globex GmbH',
    role: 'Globex GmbH (locked, past due): Site Admin, can pay',
  },
  {
    id: 'globex-user',
    username: 'lena',
    password,
    name: 'Lena Schmidt',
    email: 'lena.schmidt@globex.test',
    accountId: 'globex',
    accountName: 'Globex GmbH',
    role: 'Globex GmbH (locked, past due): plain user, no Customer Portal View',
  },
];
