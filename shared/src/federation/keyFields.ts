import { Kind, type ConstDirectiveNode } from 'graphql';

/** The top-level field names of an entity key's `fields` selection (`"id"`, `"id sku"`, `"id owner { id { n } }"`). */
export function keyFieldNames(selection: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  for (const token of selection.match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|[{}]/g) ?? []) {
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0 && token !== '...' && token !== 'on') fields.push(token);
  }
  return fields;
}

/** The top-level fields of every `@key(fields:)` among these directives (nested selections name their own type's keys). */
export function keyFieldsOf(directives: readonly ConstDirectiveNode[]): Set<string> {
  const fields = new Set<string>();
  for (const directive of directives) {
    const selection = directive.name.value === 'key' ? directive.arguments?.find((argument) => argument.name.value === 'fields')?.value : undefined;
    if (selection?.kind === Kind.STRING) for (const field of keyFieldNames(selection.value)) fields.add(field);
  }
  return fields;
}
