// Writes a .br and a .gz beside every text asset of the built apps, so the gateway serves them compressed
// (@fastify/static `preCompressed`) at no cost per request: the citizen app is meant for phones on mobile networks.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|css|html|svg|json|txt)$/;
const dist = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'dist');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

for (const app of ['app', 'ide']) {
  for (const path of files(join(dist, app))) {
    const content = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  }
}
