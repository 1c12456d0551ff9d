import { type Zippable, zipSync } from 'fflate';

/** One file to put in a ZIP bundle. */
export interface BundleFile {
  /** File name as shown to the user; made safe and unique inside the archive. */
  name: string;
  bytes: Uint8Array;
}

/** A file name with no path separators, control characters or leading dots. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/^[.\s-]+/, '')
    .trim()
    .slice(0, 120);
  return cleaned || 'document.pdf';
}

/**
 * Bundles several files into one ZIP archive (fflate). Names are made safe
 * (no `../`) and de-duplicated with a counter so nothing is overwritten.
 */
export function zipFiles(files: readonly BundleFile[]): Uint8Array {
  if (files.length === 0) throw new Error('A ZIP bundle needs at least one file; received none.');
  const entries: Zippable = {};
  for (const file of files) {
    const base = safeFileName(file.name);
    let name = base;
    for (let counter = 2; name in entries; counter += 1) {
      name = base.replace(/(\.[^.]+)?$/, (extension) => `-${counter}${extension}`);
    }
    // PDFs are already compressed inside; a light deflate keeps the CPU cost low.
    entries[name] = [file.bytes, { level: 1 }];
  }
  return zipSync(entries);
}
