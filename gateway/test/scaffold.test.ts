import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, projectRoot } from '@govhub/shared';
import { scaffoldSubgraph } from '../src/cli/scaffold';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('npx govhub subgraph new', () => {
  it('lays out a domain like the built-in ones, classified and composable with the hub', () => {
    const subgraphsDir = mkdtempSync(join(tmpdir(), 'scaffold-'));
    dirs.push(subgraphsDir);
    scaffoldSubgraph({ subgraphsDir, name: 'education', port: 4009 });
    for (const file of [
      'schema.graphql',
      'index.ts',
      'main.ts',
      'context.ts',
      'loaders.ts',
      'codegen.json',
      'resolvers/index.ts',
      'resolvers/query.ts',
      'resolvers/entities.ts',
      'migrations/001_init.sql',
      'seed/index.ts',
      'test/education.test.ts',
      'package.json',
      'tsconfig.json',
      'jest.config.js',
    ]) {
      expect({ file, exists: existsSync(join(subgraphsDir, 'education', file)) }).toEqual({ file, exists: true });
    }
    const governance = readFileSync(join(projectRoot(), 'subgraphs', 'governance', 'schema.graphql'), 'utf8');
    const education = readFileSync(join(subgraphsDir, 'education', 'schema.graphql'), 'utf8');
    expect(() =>
      composeSupergraph([
        { name: 'governance', url: 'http://127.0.0.1:4001/', sdl: governance },
        { name: 'education', url: 'http://127.0.0.1:4009/', sdl: education },
      ]),
    ).not.toThrow();
    expect(JSON.parse(readFileSync(join(subgraphsDir, 'education', 'package.json'), 'utf8')).name).toBe('@govhub/subgraph-education');
  });

  it('refuses a bad name or an existing folder', () => {
    const subgraphsDir = mkdtempSync(join(tmpdir(), 'scaffold-'));
    dirs.push(subgraphsDir);
    expect(() => scaffoldSubgraph({ subgraphsDir, name: 'Bad-Name', port: 4009 })).toThrow('lowercase');
    scaffoldSubgraph({ subgraphsDir, name: 'health', port: 4009 });
    expect(() => scaffoldSubgraph({ subgraphsDir, name: 'health', port: 4009 })).toThrow('already exists');
  });
});
