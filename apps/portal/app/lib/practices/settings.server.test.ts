import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataKeyId } from '../crypto.server';
import { defaultDataKeyFile, parseDataKeys, resolveDataKeys } from './settings.server';

const dir = mkdtempSync(join(tmpdir(), 'groundwork-data-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the data key', () => {
  it('lives beside the embedded data directory, not in it', () => {
    expect(defaultDataKeyFile('/srv/groundwork/.data/pglite')).toBe(
      '/srv/groundwork/.data/groundwork-data.key',
    );
  });

  it('comes from GROUNDWORK_DATA_KEY first, the first of several keys encrypting', () => {
    const [first, second] = [randomBytes(32), randomBytes(32)];
    const ring = resolveDataKeys({
      fromEnv: `${first.toString('base64')}, ${second.toString('base64')}`,
      keyFile: join(dir, 'unused.key'),
      generate: true,
    });
    expect(ring.primary.id).toBe(dataKeyId(first));
    expect([...ring.byId.keys()]).toEqual([dataKeyId(first), dataKeyId(second)]);
  });

  it('is generated once into a file readable by its owner only, and read back after', () => {
    const keyFile = join(dir, 'sub', 'groundwork-data.key');
    const generated = resolveDataKeys({ keyFile, generate: true });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    const again = resolveDataKeys({ keyFile, generate: true });
    expect(again.primary.id).toBe(generated.primary.id);
  });

  it('is never generated for PostgreSQL: starting without one says what to set', () => {
    expect(() => resolveDataKeys({ keyFile: join(dir, 'missing.key'), generate: false })).toThrow(
      /set GROUNDWORK_DATA_KEY/,
    );
  });

  it('refuses a malformed key, naming where it came from', () => {
    expect(() => parseDataKeys('c2hvcnQ=', 'GROUNDWORK_DATA_KEY')).toThrow(
      /GROUNDWORK_DATA_KEY: key 1 must be 32 random bytes in base64.*got 5 bytes/,
    );
    const keyFile = join(dir, 'bad.key');
    writeFileSync(keyFile, 'not a key at all!');
    expect(() => resolveDataKeys({ keyFile, generate: true })).toThrow(keyFile);
    expect(() => parseDataKeys(' , ', 'GROUNDWORK_DATA_KEY')).toThrow(/holds no data key/);
  });
});
