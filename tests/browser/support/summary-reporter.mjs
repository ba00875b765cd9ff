/**
 * Closes the run with the line CI reads, `N passed, N failed`. A test file that did not pass
 * without any failed test in it (it failed to load, or threw outside a test) counts as one failure.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const counts = countTests(session.testResults);
        total.passed += counts.passed;
        total.skipped += counts.skipped;
        total.failed += counts.failed === 0 && !session.passed ? 1 : counts.failed;
      }
      const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
      // Printed on exit so that it comes after everything the default reporter prints.
      process.once('exit', () => process.stdout.write(`${total.passed} passed, ${total.failed} failed${skipped}\n`));
    },
  };
}

function countTests(suite) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (!suite) return counts;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) {
    const childCounts = countTests(child);
    counts.passed += childCounts.passed;
    counts.failed += childCounts.failed;
    counts.skipped += childCounts.skipped;
  }
  return counts;
}
