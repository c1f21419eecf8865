// Loads the CommonJS build of the Embind API (build/wasm/node). The wasm
// bytes are handed over directly: Emscripten 3.1.6's loader cannot fetch a
// file URL under Node 18+.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '../../build/wasm/node');

module.exports = async function loadCore() {
  const factory = require(path.join(dir, 'worker-stats-core.cjs'));
  return factory({ wasmBinary: fs.readFileSync(path.join(dir, 'worker-stats-core.wasm')) });
};
