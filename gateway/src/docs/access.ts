import type { FieldClassification } from '@govhub/shared';
import type { Requirement } from '../authorization/rules';

export interface AgreementSummary {
  id: string;
  consumer: string;
  purposes: string[];
}

/** The civil registry has 146 agreements: the page names a few, the API has them all. */
const NAMED_AGREEMENTS = 5;

/**
 * Who may read a field, in words, from the same rules the gateway enforces: its classification (docs/security-model.md),
 * the agreements in force over its dataset, and any `@authenticated` / `@requiresScopes` / `@policy` on it.
 */
export function whoMayRead(
  classification: FieldClassification | null,
  requirements: readonly Requirement[],
  agreements: readonly AgreementSummary[],
): string[] {
  const lines: string[] = [];
  switch (classification?.level) {
    case 'PUBLIC':
      lines.push('Anyone, without a token.');
      break;
    case 'INTERNAL':
      lines.push('Any agency (a token with the `agency` scope).');
      break;
    case 'PERSONAL':
    case 'SENSITIVE': {
      const sensitive = classification.level === 'SENSITIVE';
      lines.push('The person themself (a `citizen:self` token).');
      lines.push(
        `An agency with \`personal:read\`${sensitive ? ' and `sensitive:read`' : ''} and a purpose, under an agreement over \`${classification.dataset}\`${sensitive ? ' that names this field' : ''}, or with the person's consent.`,
      );
      if (agreements.length > 0) {
        const named = agreements
          .slice(0, NAMED_AGREEMENTS)
          .map((a) => `${a.consumer} (${a.id}, for ${a.purposes.join(', ')})`)
          .join('; ');
        const more = agreements.length > NAMED_AGREEMENTS ? `; and ${agreements.length - NAMED_AGREEMENTS} more (query \`agreements\`)` : '';
        lines.push(`Agreements in force: ${named}${more}.`);
      }
      break;
    }
    case 'SECRET':
      lines.push('Agencies with need-to-know clearance (`security:need-to-know`); never a citizen or an anonymous caller.');
      break;
    default:
      lines.push('Nobody: the field is not classified.');
  }
  for (const requirement of requirements) {
    if (requirement.kind === 'authenticated') lines.push('Also: only with a token (`@authenticated`).');
    if (requirement.kind === 'scopes')
      lines.push(`Also: scopes ${requirement.anyOf.map((all) => all.join(' and ')).join(', or ')} (\`@requiresScopes\`).`);
    if (requirement.kind === 'policies') lines.push(`Also: policy ${requirement.anyOf.map((all) => all.join(' and ')).join(', or ')} (\`@policy\`).`);
  }
  return lines;
}
