// Preload for CLI tests (`node --import ./test/break-png-inflate.mjs cli.js ...`):
// makes every asynchronous zlib.inflate hand back scanlines whose row filter
// is 7, so png-js (react-pdf's PNG reader) throws from inside a zlib callback,
// outside any promise: the crash of issue 14, on an otherwise valid logo.
import { syncBuiltinESMExports } from 'node:module';
import zlib from 'node:zlib';

zlib.inflate = (_data, ...rest) => {
  const callback = rest[rest.length - 1];
  setImmediate(() => callback(null, Buffer.from([7, 0, 0, 0, 0])));
};
syncBuiltinESMExports();
