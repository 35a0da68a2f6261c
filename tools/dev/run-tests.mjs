// Runs the whole Jest suite (unit, then integration against the real services) and ends with
// one plain "N passed, N failed" line, whatever the reporter printed before.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--runInBand',
    '--json',
    '--outputFile=dist/jest-results.json',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
try {
  summary = JSON.parse(readFileSync('dist/jest-results.json', 'utf8'));
} catch {
  // Jest died before writing results; the exit code below says so
}
const skipped = summary.numPendingTests ? `, ${summary.numPendingTests} skipped` : '';
console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped}`);
process.exit(result.status ?? 1);
