import { SETTING_FAMILIES, SETTINGS } from './settings';

/** `docs/configuration.md`, written from the settings (`npm run codegen`), so the page can never drift from the code. */
export function configurationMarkdown(): string {
  const rows = SETTINGS.map(
    (setting) =>
      `| \`${setting.key}\` | \`${setting.env}\` | ${setting.default === undefined ? '' : `\`${setting.default}\``} | ${setting.description} |`,
  );
  const families = SETTING_FAMILIES.map(
    (family) => `| \`${family.key}.<name>\` | \`${family.env('<name>')}\` (e.g. \`${family.env(family.example)}\`) | | ${family.description} |`,
  );
  return `# Configuration

<!-- Generated from shared/src/config/settings.ts by \`npm run codegen\`; edit the settings, not this page. -->

Every process of the hub (\`npm start\`, \`npx govhub gateway\`, \`npx govhub subgraph serve\`, the CLI) reads one
configuration: \`govhub.yaml\` (or \`govhub.yml\`, \`govhub.json\`) in the working directory, or the file \`--config\` or
\`GOVHUB_CONFIG\` names. Each setting has one environment variable, which overrides the file. Values may name
environment variables as Apollo Router's configuration does: \`\${env.NAME}\`, or \`\${env.NAME:-default}\`.

Every value is checked when a process starts: a wrong one stops it, naming the key and the variable
(\`configuration: limits.cost (GOVHUB_LIMIT_COST) = "lots" must be a whole number of 1 or more\`); an unknown key in the
file stops it too. \`npx govhub config check [FILE]\` checks a file without starting anything.

\`\`\`yaml
# govhub.yaml
hub:
  env: production
gateway:
  port: 4000
  host: 0.0.0.0
  corsOrigins: [https://app.example.go.th]
database:
  url: \${env.DATABASE_URL}
auth:
  jwksUrl: https://idp.example.go.th/.well-known/jwks.json
limits:
  cost: 2000
rateLimits:
  anonymous: 100/s,burst=200
\`\`\`

| key | environment variable | default | meaning |
|---|---|---|---|
${[...rows, ...families].join('\n')}
`;
}
