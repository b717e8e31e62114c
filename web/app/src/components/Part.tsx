import type { ComponentChildren } from 'preact';
import type { HubError } from '../api/errors';
import { PartNotice } from './Notices';

/** One card of a page: its heading, then its content, or in its place why it cannot be shown. */
export function Part({ id, title, errors, children }: { id: string; title: string; errors: readonly HubError[]; children: ComponentChildren }) {
  return (
    <section class="part" aria-labelledby={`${id}-title`} data-part={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {errors.length > 0 ? <PartNotice errors={errors} /> : children}
    </section>
  );
}

/** A list of label and value pairs. */
export function Facts({ facts }: { facts: ReadonlyArray<[string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
