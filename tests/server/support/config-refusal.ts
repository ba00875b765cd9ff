import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../server/config.ts';

/** The least environment that loads: every other setting has a default. */
export const validEnvironment = { PORTAL_JWT_SECRET: 's'.repeat(32), PORTAL_ADMIN_API_KEY: 'k'.repeat(32) };

/** The one-line message loadConfig refuses `env` with; fails the test when it is accepted. */
export function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}
