import type { StandingReader } from '../../server/index.ts';
import type { Assets } from './assets.ts';
import type { DemoLogin } from './demo-users.ts';
import type { SessionStore } from './sessions.ts';
import type { Theme } from './theme.ts';
import type { TokenSigner } from './token-signer.ts';
import type { HostUser, UserDirectory } from './user-directory.ts';

export interface HostEnv {
  Variables: {
    /** The signed-in user, from the session cookie; undefined when nobody is signed in. */
    user: HostUser | undefined;
    theme: Theme;
  };
}

export interface HostDeps {
  /** This product's own origin, e.g. http://localhost:3000. */
  origin: string;
  /** The portal server's base URL, which the portal elements call. */
  portalUrl: string;
  users: UserDirectory;
  demoLogins: DemoLogin[];
  sessions: SessionStore;
  tokens: TokenSigner;
  standing: StandingReader;
  /** The portal's embedded outbox folder, for the demo's outbox page. */
  outboxFolder: string;
  assets: Assets;
}
