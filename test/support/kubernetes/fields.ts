import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { KubeObject } from './render';

/**
 * Fields the Kubernetes API does not have. The models' validators accept unknown fields (a misspelt
 * `timeoutSecond` would pass, and the API server would drop it), but their declarations name every field: the
 * TypeScript compiler reads them, and each rendered object is walked against its kind's interface.
 */
const MODELS_DIR = dirname(require.resolve('kubernetes-models/package.json'));
const declarationOf = (object: Pick<KubeObject, 'apiVersion' | 'kind'>) => join(MODELS_DIR, object.apiVersion, `${object.kind}.d.ts`);

export function unknownFieldsChecker(kinds: Pick<KubeObject, 'apiVersion' | 'kind'>[]): (object: KubeObject) => string[] {
  const files = [...new Set(kinds.map(declarationOf))];
  const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();

  const interfaceOf = (object: KubeObject): ts.Type | undefined => {
    const source = program.getSourceFile(declarationOf(object));
    const symbol = source && checker.getSymbolAtLocation(source);
    const declared = symbol && checker.getExportsOfModule(symbol).find((candidate) => candidate.name === `I${object.kind}`);
    return declared && checker.getDeclaredTypeOfSymbol(declared);
  };

  const walk = (value: unknown, declared: ts.Type, path: string, problems: string[]) => {
    if (value === null || typeof value !== 'object') return;
    let type = checker.getNonNullableType(declared);
    if (type.isUnion()) {
      const objects = type.types.filter((member) => member.flags & ts.TypeFlags.Object);
      if (objects.length !== 1) return;
      type = objects[0];
    }
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (Array.isArray(value)) {
      const element = type.getNumberIndexType();
      if (element) value.forEach((item, index) => walk(item, element, `${path}[${index}]`, problems));
      return;
    }
    const byName = type.getStringIndexType();
    for (const [key, child] of Object.entries(value)) {
      const property = type.getProperty(key);
      if (property) walk(child, checker.getTypeOfSymbol(property), `${path}.${key}`, problems);
      else if (byName) walk(child, byName, `${path}.${key}`, problems);
      else problems.push(`${path}.${key}`);
    }
  };

  return (object) => {
    const declared = interfaceOf(object);
    if (!declared) return [`${object.kind}/${object.metadata.name}: no declaration of ${object.apiVersion} ${object.kind}`];
    const problems: string[] = [];
    walk(object, declared, '', problems);
    return problems.map((field) => `${object.kind}/${object.metadata.name}: unknown field ${field.slice(1)}`);
  };
}
