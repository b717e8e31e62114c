import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainName, projectRoot } from '@govhub/shared';
import { scaffoldSubgraph } from '../scaffold';

function agencySubgraphCount(): number {
  return readdirSync(join(projectRoot(), 'subgraphs'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !isDomainName(entry.name))
    .length;
}

/** Scaffolds subgraphs/<name>, adds it to the build, generates its types, and says what to do next. */
export function newSubgraphCommand(name: string, port = 4009 + agencySubgraphCount()): number {
  const root = projectRoot();
  const files = scaffoldSubgraph({ subgraphsDir: join(root, 'subgraphs'), name, port });
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { references: { path: string }[] };
  tsconfig.references.splice(
    tsconfig.references.findIndex((ref) => ref.path === 'gateway'),
    0,
    { path: `subgraphs/${name}` },
  );
  writeFileSync(join(root, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  execFileSync(process.execPath, [join(root, 'codegen', 'dist', 'generate.js'), '--only', name], { stdio: 'inherit' });
  process.stdout.write(
    [
      `created subgraphs/${name} (${files.length} files), port ${port}`,
      'next:',
      '  npm install                                   # link the new workspace',
      '  npm run build',
      `  npm test -w subgraphs/${name}`,
      `  npx govhub subgraph serve ${name}             # against the hub's database (DATABASE_URL) or its own embedded one`,
      `  npx govhub subgraph publish --name ${name} --schema subgraphs/${name}/schema.graphql --routing-url http://127.0.0.1:${port}/`,
      '',
    ].join('\n'),
  );
  return 0;
}
