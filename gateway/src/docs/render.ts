import type { DocDomain, DocField, DocType } from './model';
import { callerTokenCommand, type Example } from './examples';

/** Who stands behind a domain: its committee and lead agency (built-in), or the agency that published it. */
export interface DomainMeta {
  committeeEn: string | null;
  committeeTh: string | null;
  order: string | null;
  owner: { code: string; nameEn: string; nameTh: string };
}

export interface FieldAccess {
  whoMayRead(field: DocField): string[];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Escaped text with `code` spans, as the descriptions and access lines are written. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const STYLE = `
body{font-family:system-ui,"Noto Sans Thai",sans-serif;margin:0;color:#1b1b1b;background:#fafafa;line-height:1.5}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem}
header{border-bottom:3px solid #0b3d91}
a{color:#0b3d91}a:focus{outline:3px solid #f5a623}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#e8eef8}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}
pre{background:#fff;border:1px solid #ccc;padding:.75rem;overflow:auto}
.level{display:inline-block;padding:0 .4rem;border-radius:.25rem;font-size:.8em;font-weight:600}
.PUBLIC{background:#d8f3dc}.INTERNAL{background:#e0e7ff}.PERSONAL{background:#fff3bf}.SENSITIVE{background:#ffd8a8}.SECRET{background:#ffc9c9}
ul.access{margin:0;padding-left:1.1rem}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · govhub docs</title><style>${STYLE}</style></head>
<body>
<header><p><a href="/docs/">govhub docs</a> · <a href="/graphql">GraphQL IDE</a> · <a href="/schema.graphql">schema.graphql</a></p>
<h1>${escapeHtml(title)}</h1></header>
<main>${body}</main>
<footer><p>Generated from the live supergraph; it changes with every publish.</p></footer>
</body></html>`;
}

function level(field: DocField): string {
  const classification = field.classification;
  if (!classification) return '<span class="level">unclassified</span>';
  return `<span class="level ${classification.level}">${classification.level}</span>${classification.dataset ? `<br><code>${escapeHtml(classification.dataset)}</code>` : ''}`;
}

function fieldsTable(fields: readonly DocField[], access: FieldAccess): string {
  const rows = fields.map(
    (field) => `<tr id="${escapeHtml(field.coordinate)}">
<td><code>${escapeHtml(field.name)}${field.arguments.length ? `(${escapeHtml(field.arguments.join(', '))})` : ''}: ${escapeHtml(field.type)}</code>${field.description ? `<br>${prose(field.description)}` : ''}</td>
<td>${level(field)}</td>
<td><ul class="access">${access
      .whoMayRead(field)
      .map((line) => `<li>${prose(line)}</li>`)
      .join('')}</ul></td></tr>`,
  );
  return `<table><thead><tr><th scope="col">field</th><th scope="col">classification</th><th scope="col">who may read it</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function typeSection(type: DocType, access: FieldAccess): string {
  return `<section id="type-${escapeHtml(type.name)}"><h3>${escapeHtml(type.name)}${type.key ? ` <small>(entity, key <code>${escapeHtml(type.key)}</code>)</small>` : ''}</h3>
${type.description ? `<p>${prose(type.description)}</p>` : ''}${fieldsTable(type.fields, access)}</section>`;
}

function exampleSection(example: Example): string {
  const ide = `/graphql?${new URLSearchParams({ query: example.query, ...(example.variables ? { variables: JSON.stringify(example.variables) } : {}) })}`;
  const token = callerTokenCommand(example.caller);
  return `<section><h3>${escapeHtml(example.title)}</h3>
<pre><code>${escapeHtml(example.query)}</code></pre>
${example.variables ? `<p>Variables: <code>${escapeHtml(JSON.stringify(example.variables))}</code></p>` : ''}
<p>${token ? `As: <code>${escapeHtml(token)}</code>` : 'No token needed.'} <a href="${escapeHtml(ide)}">Open in the IDE</a></p></section>`;
}

export function renderIndex(domains: readonly DocDomain[], meta: (domain: string) => DomainMeta): string {
  const rows = domains.map((domain) => {
    const m = meta(domain.name);
    return `<tr><td><a href="/docs/${escapeHtml(domain.name)}/">${escapeHtml(domain.name)}</a></td>
<td>${m.committeeEn ? `${escapeHtml(m.committeeEn)}<br lang="th">${escapeHtml(m.committeeTh ?? '')}` : 'an agency subgraph'}</td>
<td>${escapeHtml(m.owner.nameEn)} (${escapeHtml(m.owner.code)})<br lang="th">${escapeHtml(m.owner.nameTh)}</td>
<td>${domain.rootFields.length}</td><td>${domain.types.length}</td></tr>`;
  });
  return page(
    "The hub's domains",
    `<p>One subgraph per integration committee, plus the hub's own governance and any agency's published
subgraph. Every field is classified; each page says who may read each field, from the same rules the gateway enforces.</p>
<table><thead><tr><th scope="col">domain</th><th scope="col">committee</th><th scope="col">lead or publishing agency</th>
<th scope="col">root fields</th><th scope="col">types</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  );
}

export function renderDomain(domain: DocDomain, meta: DomainMeta, examples: readonly Example[], access: FieldAccess): string {
  return page(
    `${domain.name}`,
    `<p>${meta.committeeEn ? `${escapeHtml(meta.committeeEn)} (<span lang="th">${escapeHtml(meta.committeeTh ?? '')}</span>)${meta.order ? `, order ${escapeHtml(meta.order)}` : ''}. ` : ''}
${meta.committeeEn ? 'Lead' : 'Published by'}: ${escapeHtml(meta.owner.nameEn)} (<span lang="th">${escapeHtml(meta.owner.nameTh)}</span>, ${escapeHtml(meta.owner.code)}).</p>
${examples.length ? `<h2>Examples</h2>${examples.map(exampleSection).join('\n')}` : ''}
${domain.rootFields.length ? `<h2>Queries</h2>${fieldsTable(domain.rootFields, access)}` : ''}
${domain.mutations.length ? `<h2>Mutations</h2>${fieldsTable(domain.mutations, access)}` : ''}
<h2>Types</h2>${[...domain.types]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((type) => typeSection(type, access))
      .join('\n')}`,
  );
}
