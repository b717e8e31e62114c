/** The top-level field names of an entity key's `fields` selection (`"id"`, `"id sku"`, `"id owner { id }"`). */
export function keyFieldNames(selection: string): string[] {
  return selection.replace(/\{[^}]*\}/g, ' ').split(/[\s,]+/).filter(Boolean);
}
