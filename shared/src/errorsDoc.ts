import { ERROR_CATALOGUE } from './errorCatalogue';

/** `docs/errors.md`, written from the error catalogue (`npm run codegen`), so the page can never drift from the code. */
export function errorsMarkdown(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(
    ([code, entry]) =>
      `| \`${code}\` | ${entry.status} | ${entry.meaning} | ${entry.shownInProduction ? 'yes' : 'no: "internal error", with the domain'} |`,
  );
  return `# Errors

<!-- Generated from shared/src/errorCatalogue.ts by \`npm run codegen\`; edit the catalogue, not this page. -->

Every error the hub answers has a stable \`extensions.code\`. Client mistakes and refusals are 4xx (or 200 with
partial data, as GraphQL answers a denied field or a failed domain), never 500, and never carry a stack trace, in
any mode. Internal errors carry one only in development; in production (\`HUB_ENV=production\`) every error is
reduced to its code, its message (for the codes below marked shown) and the \`domain\` that failed.

| code | HTTP status | meaning | message shown in production |
|---|---|---|---|
${rows.join('\n')}

Errors are made by two functions of \`shared/src/errorCatalogue.ts\`: \`fieldError\` (a resolver's error about one field,
answered beside the other fields) and \`requestError\` (a refusal of the whole request, with the code's HTTP status).

Check codes of the subgraph registry (\`npx govhub subgraph check\`) are listed in [publishing.md](publishing.md).
`;
}
