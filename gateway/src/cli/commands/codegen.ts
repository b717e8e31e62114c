import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DocumentError, generateClient } from '@govhub/codegen/dist/client';
import { hubUrl } from './registry';

/** Types and typed documents for an app's operations, against the running hub's API schema (or a saved one). */
export async function codegenCommand(options: { documents: string[]; out: string; schema?: string }): Promise<number> {
  const schemaSdl = await apiSchemaSdl(options.schema ?? `${hubUrl()}/schema.graphql`);
  const out = resolve(options.out);
  try {
    const result = await generateClient({ schemaSdl, documents: options.documents, cwd: process.cwd(), outFile: out });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.code);
    process.stdout.write(`generated ${options.out}: ${result.operations.length} operations from ${result.files.length} documents\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function apiSchemaSdl(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source).catch((error: Error) => {
    throw new Error(`cannot read the API schema from ${source} (${error.message}): start the hub (npm start) or pass --schema FILE`);
  });
  if (!response.ok) throw new Error(`cannot read the API schema from ${source}: HTTP ${response.status}`);
  return response.text();
}
