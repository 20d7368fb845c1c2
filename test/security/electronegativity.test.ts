/**
 * Electronegativity over the app's sources (main process + the renderer's HTML). It exits 0 even on HIGH findings
 * (pitfalls.md), so we gate on its programmatic `issues`: any finding above INFORMATIONAL must be explained by a
 * comment `electronegativity-reviewed: <CHECK_ID> — why` at the place it points to (that line or the 3 above).
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  location: { line: number };
  severity: { value: number; name: string };
  manualReview: boolean;
}

async function scan(): Promise<{ dir: string; issues: Finding[]; errors: unknown[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chronolens-en-'));
  await cp('electron', path.join(dir, 'electron'), { recursive: true });
  await cp('renderer/index.html', path.join(dir, 'renderer', 'index.html'));
  const { default: run } = await import('@doyensec/electronegativity');
  const result = await run({
    input: dir,
    output: '',
    isSarif: false,
    customScan: [],
    // Offline: this check downloads Electron's release list.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: '',
    confidenceSet: '',
    isRelative: true,
    parserPlugins: [],
    electronVersionOverride: '45.4.1',
  });
  return { dir, ...result };
}

describe('Electronegativity', () => {
  it('finds nothing above informational that is not explained where it points', async () => {
    const { dir, issues, errors } = await scan();
    expect(errors).toEqual([]);
    const unexplained: string[] = [];
    for (const f of issues.filter((i) => i.severity.value > 0)) {
      if (f.file === 'N/A') {
        unexplained.push(`${f.id} (global, ${f.severity.name})`);
        continue;
      }
      const lines = (await readFile(path.join(dir, f.file), 'utf8')).split('\n');
      const around = lines.slice(Math.max(0, f.location.line - 4), f.location.line).join('\n');
      if (!around.includes(`electronegativity-reviewed: ${f.id}`)) unexplained.push(`${f.id} at ${f.file}:${f.location.line} (${f.severity.name})`);
    }
    expect(unexplained).toEqual([]);
  }, 120_000);
});
