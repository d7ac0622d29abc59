// A @web/test-runner reporter that ends the run with one plain line, `widget: N passed, N failed`
// (`, N skipped` when some were), the closing line CI reads for runners it does not know. It is
// printed when the process exits, after the default reporter's last words.

/** Counts the tests of a suite result and its nested suites. */
function count(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
  return totals;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && session.errors?.length) totals.failed++;
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      process.once('exit', () => console.log(`widget: ${totals.passed} passed, ${totals.failed} failed${skipped}`));
    },
  };
}
