import { writeFileSync } from 'node:fs';

/** One line of the bench: a measured figure beside its budget. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** The budget as written in issue 11, e.g. "≤ 35 KB"; null for a figure reported without one. */
  budget: string | null;
  /** null when there is no budget. */
  pass: boolean | null;
  /** How it was measured, or the figures it is made of. */
  detail?: string;
}

const formatValue = (figure: Figure) => {
  const digits = Math.abs(figure.value) >= 100 ? 0 : Math.abs(figure.value) >= 10 ? 1 : 2;
  return `${figure.value.toFixed(digits)} ${figure.unit}`;
};

/** The table `npm run bench` prints: figure, value, budget, pass / FAIL. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((figure) => [
    figure.figure,
    formatValue(figure),
    figure.budget ?? '',
    figure.pass === null ? '' : figure.pass ? 'pass' : 'FAIL',
    figure.detail ?? '',
  ]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd())
    .join('\n');
}

/** bench/results.json: every figure with its unit, budget and verdict. */
export function writeResults(file: string, figures: Figure[], context: Record<string, unknown>): void {
  const results = figures.map(({ figure, value, unit, budget, pass }) => ({ figure, value, unit, budget, pass }));
  writeFileSync(file, `${JSON.stringify({ ...context, results }, null, 2)}\n`);
}
