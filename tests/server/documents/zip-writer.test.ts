import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ZipWriter } from '../../../server/documents/zip-writer.ts';

describe('the ZIP writer', () => {
  it('writes entries, one streamed in pieces, that another ZIP reader extracts with matching checksums', async () => {
    const zip = new ZipWriter();
    await zip.add('small.txt', ['héllo']);
    async function* pieces() {
      for (let index = 0; index < 2000; index++) yield `<row r="${index}">${'x'.repeat(50)}</row>`;
    }
    await zip.add('dir/large.xml', pieces());
    const folder = mkdtempSync(join(tmpdir(), 'zip-writer-'));
    try {
      const file = join(folder, 'test.zip');
      writeFileSync(file, zip.finish());
      // Python's zipfile checks each entry's CRC-32 against its data.
      const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("|".join(f"{i.filename}:{i.file_size}" for i in z.infolist())); print(z.read("small.txt").decode())';
      const output = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim().split('\n');
      assert.equal(output[0], `small.txt:6|dir/large.xml:${[...Array(2000).keys()].reduce((sum, index) => sum + `<row r="${index}">`.length + 50 + 6, 0)}`);
      assert.equal(output[1], 'héllo');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
