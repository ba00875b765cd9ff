import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';

const folder = mkdtempSync(join(tmpdir(), 'portal-bench-smoke-'));
after(() => rmSync(folder, { recursive: true, force: true }));

interface Results {
  mode: string;
  results: { figure: string; value: number; unit: string; budget: string | null; pass: boolean | null }[];
}

// Every budget of issue 11, by a part of its figure's name.
const budgeted = [
  'widget bundle',
  'portal ÷ floor, GET /v1/invoices',
  'portal GET /v1/invoices p99',
  'portal GET /v1/standing p99',
  'longest main-thread task',
  'invoices → XLSX: time',
  'invoices → PDF: time',
  'invoices → PDF: peak RSS',
  'transactions → XLSX: time',
  'transactions → XLSX: peak RSS',
  'rows deep ÷ first page',
  'payment replay ÷ new payment',
];

describe('npm run bench -- --smoke', () => {
  it('measures every figure at tiny sizes, prints the table and writes the results file', { timeout: 180_000 }, async () => {
    const resultsFile = join(folder, 'results.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke'], {
      env: { ...process.env, BENCH_RESULTS: resultsFile },
      encoding: 'utf8',
    });
    const { mode, results } = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
    assert.equal(mode, 'smoke');
    for (const name of budgeted) {
      const figure = results.find((result) => result.figure.includes(name));
      assert.ok(figure, `no figure for "${name}"`);
      assert.ok(Number.isFinite(figure.value) && figure.value >= 0, `${figure.figure}: ${figure.value}`);
      assert.ok(figure.budget && typeof figure.pass === 'boolean', `${figure.figure} has no budget`);
      const line = stdout.split('\n').find((text) => text.startsWith(`${figure.figure} `));
      assert.match(line ?? '', /(pass|FAIL)/, `the table has no verdict for ${figure.figure}`);
    }
    for (const figure of results) assert.ok(figure.unit.length > 0 && Number.isFinite(figure.value), figure.figure);
  });
});
