import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { safeFileName, zipFiles } from './zip.server';

describe('zipFiles', () => {
  it('bundles every file with its bytes intact', () => {
    const archive = zipFiles([
      { name: 'one.pdf', bytes: new Uint8Array([37, 80, 68, 70, 1]) },
      { name: 'two.pdf', bytes: new Uint8Array([37, 80, 68, 70, 2]) },
    ]);
    const files = unzipSync(archive);
    expect(Object.keys(files).sort()).toEqual(['one.pdf', 'two.pdf']);
    expect(Array.from(files['two.pdf'] ?? [])).toEqual([37, 80, 68, 70, 2]);
  });

  it('keeps files with the same name apart and strips paths', () => {
    const files = unzipSync(
      zipFiles([
        { name: 'a.pdf', bytes: new Uint8Array([1]) },
        { name: 'a.pdf', bytes: new Uint8Array([2]) },
        { name: '../../etc/passwd', bytes: new Uint8Array([3]) },
      ]),
    );
    expect(Object.keys(files).sort()).toEqual(['a-2.pdf', 'a.pdf', 'etc-passwd']);
  });

  it('refuses an empty bundle with a clear message', () => {
    expect(() => zipFiles([])).toThrow(/at least one file/);
  });
});

describe('safeFileName', () => {
  it('removes separators, control characters and leading dots', () => {
    expect(safeFileName('..\\x/y\u202Ez.pdf')).toBe('x-yz.pdf');
    expect(safeFileName('')).toBe('document.pdf');
  });
});
