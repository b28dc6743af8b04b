// Prints the plain closing line CI reads ("N passed, N failed, N skipped") after vitest's own report.
function count(tasks, totals) {
  for (const task of tasks) {
    if (task.tasks) count(task.tasks, totals);
    if (task.type !== 'test') continue;
    const state = task.result?.state;
    if (state === 'pass') totals.passed++;
    else if (state === 'fail') totals.failed++;
    else totals.skipped++;
  }
  return totals;
}

export default class SummaryReporter {
  onFinished(files = [], errors = []) {
    const totals = count(files, { passed: 0, failed: 0, skipped: 0 });
    // A file that fails to load has no tests: count it as a failure so the line never reads green.
    const broken = files.filter((f) => f.result?.state === 'fail' && !(f.tasks ?? []).length).length + errors.length;
    console.log(`${totals.passed} passed, ${totals.failed + broken} failed, ${totals.skipped} skipped`);
  }
}
