import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { portalServerPlugin } from './tests/browser/support/portal-server-plugin.mjs';
import { summaryReporter } from './tests/browser/support/summary-reporter.mjs';

// Dates and numbers render the same on every machine. A zone west of UTC with daylight saving
// shows the off-by-one-day bugs that UTC would hide.
const timeZone = 'America/Los_Angeles';
const locale = 'en-US';

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    // Without the tsconfig, esbuild reads Lit's decorators as standard ones and the tests fail to load.
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    portalServerPlugin(),
    // Lets a test read the browser's accessibility tree (not among the runner's default commands).
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        env: { ...process.env, TZ: timeZone },
        args: [
          `--lang=${locale}`,
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  // Above the 4 s that tests/browser/support/dom.ts `until` waits, so a stuck wait names what it waited for.
  testFramework: { config: { timeout: 6000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
