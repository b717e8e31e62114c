import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { composeSupergraph, DOMAIN_NAMES, projectRoot } from '@govhub/shared';
import { selectsLoggedField } from '../src/audit/loggedFields';
import { withSubjectKeys } from '../src/audit/releases';
import { authorizationRules, loadableSupergraph } from '../src/authorization/rules';

const supergraph = composeSupergraph(
  DOMAIN_NAMES.map((name) => ({
    name,
    url: `http://127.0.0.1:4000/${name}`,
    sdl: readFileSync(join(projectRoot(), 'subgraphs', name, 'schema.graphql'), 'utf8'),
  })),
).supergraphSdl;
const schema = buildSchema(loadableSupergraph(supergraph), { assumeValidSDL: true });
const rules = authorizationRules(supergraph);
const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;
const guarded = (query: string) => selectsLoggedField(schema, rules, withSubjectKeys(schema, operation(query)).operation);

describe('whether answers to an operation go through the release guard', () => {
  it('not for public data, even where the hub adds the subject key for its own use', () => {
    expect(guarded('{ provinces { code nameTh population } }')).toBe(false);
    expect(withSubjectKeys(schema, operation('{ me { __typename } }')).added).toBe(true);
    expect(guarded('{ me { __typename } }')).toBe(false);
  });

  it('for a PERSONAL or SENSITIVE field anywhere, through nesting and inline fragments', () => {
    expect(guarded('{ me { firstNameTh } }')).toBe(true);
    expect(guarded('query ($id: ID!) { person(nationalId: $id) { lowIncomeRegistration { status } } }')).toBe(true);
    expect(guarded('{ me { ... on Person { lastNameTh } } }')).toBe(true);
  });
});
