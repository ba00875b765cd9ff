import { assert } from '@esm-bundle/chai';

describe('the test browser', () => {
  it('runs in the time zone and locale web-test-runner.config.mjs pins', () => {
    assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone, 'America/Los_Angeles');
    assert.equal(Intl.DateTimeFormat().resolvedOptions().locale, 'en-US');
    assert.equal(navigator.language, 'en-US');
  });
});
