import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const rootDirectory = fileURLToPath(new URL('../../..', import.meta.url));
const envPath = '/portal-test-env.json';

/**
 * Runs the real portal server (tests/browser/support/portal-test-server.ts) beside the test
 * runner, on another origin than the test page, and serves what tests need to reach it at
 * /portal-test-env.json.
 */
export function portalServerPlugin() {
  let child;
  let envJson;
  return {
    name: 'portal-server',

    async serverStart({ config }) {
      const pageOrigin = `http://${config.hostname}:${config.port}`;
      child = spawn(process.execPath, ['--import', 'tsx', 'tests/browser/support/portal-test-server.ts', pageOrigin], {
        cwd: rootDirectory,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const firstLine = once(createInterface({ input: child.stdout }), 'line');
      const earlyExit = once(child, 'exit').then(([code]) => {
        throw new Error(`The portal test server exited (code ${code}) before it was ready.`);
      });
      [envJson] = await Promise.race([firstLine, earlyExit]);
    },

    serve(context) {
      if (context.path === envPath) return { body: envJson, type: 'json' };
    },

    async serverStop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}
