// `npm run build` for the web apps: type-check, Vite build, then a .br and a .gz beside every text asset (the gateway
// serves them with @fastify/static `preCompressed`; the citizen app is meant for phones on mobile networks). An app
// whose build is newer than all of its sources is left as it is, so `npm start` after `npm start` does not wait for
// Vite again.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const web = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const TEXT = /\.(js|css|html|svg|json|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const newest = (paths) => Math.max(...paths.map((path) => statSync(path).mtimeMs));
const typeCheck = (project) => execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], { cwd: web, stdio: 'inherit' });

for (const app of ['app', 'ide']) {
  const built = join(web, 'dist', app, 'index.html');
  const sources = [...files(join(web, app)), join(web, 'package.json')];
  if (existsSync(built) && statSync(built).mtimeMs >= newest(sources)) continue;
  typeCheck(app);
  await build({ configFile: join(web, app, 'vite.config.ts'), logLevel: 'warn' });
  for (const path of files(join(web, 'dist', app))) {
    if (!TEXT.test(path)) continue;
    const content = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  }
}
