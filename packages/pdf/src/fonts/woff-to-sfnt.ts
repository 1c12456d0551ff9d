import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

/**
 * Unpacks a WOFF 1.0 font into the plain TrueType/OpenType (sfnt) bytes it
 * wraps. fontkit re-inflates a WOFF's glyph table on every glyph read, which
 * made subsetting the slowest step of a render; decoding once at load avoids it.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || view.getUint32(0) !== WOFF_SIGNATURE) {
    throw new Error('Expected a WOFF 1.0 font (signature wOFF)');
  }
  const flavor = view.getUint32(4);
  const tableCount = view.getUint16(12);
  const tables = Array.from({ length: tableCount }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = view.getUint32(entry + 4);
    const compressedLength = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const raw = woff.subarray(offset, offset + compressedLength);
    return {
      tag: view.getUint32(entry),
      checksum: view.getUint32(entry + 16),
      data: compressedLength < length ? new Uint8Array(inflateSync(raw)) : raw,
    };
  });
  let size = 12 + 16 * tableCount;
  const offsets = tables.map((table) => {
    const offset = size;
    size += (table.data.length + 3) & ~3;
    return offset;
  });
  const sfnt = new Uint8Array(size);
  const out = new DataView(sfnt.buffer);
  const entrySelector = Math.floor(Math.log2(tableCount));
  const searchRange = 2 ** entrySelector * 16;
  out.setUint32(0, flavor);
  out.setUint16(4, tableCount);
  out.setUint16(6, searchRange);
  out.setUint16(8, entrySelector);
  out.setUint16(10, tableCount * 16 - searchRange);
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    const offset = offsets[index] ?? 0;
    out.setUint32(record, table.tag);
    out.setUint32(record + 4, table.checksum);
    out.setUint32(record + 8, offset);
    out.setUint32(record + 12, table.data.length);
    sfnt.set(table.data, offset);
  });
  return sfnt;
}
