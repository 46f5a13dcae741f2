// Type-checked (tsc --noEmit, "jsx": "preserve") against the installed
// package's declarations: the element in JSX takes its attributes, and not
// a view it does not have or an attribute it does not know.
import "wirediff";

export const comparison = (
  <wire-diff source-src="/texts/wire.txt" compare-src="/texts/outlet.txt" view="side-by-side" source-label="AP" hide-boilerplate time-budget-ms={500} data-story="belarus" aria-label="AP against Kompas" />
);

// @ts-expect-error: no such view
export const sideways = <wire-diff view="sideways" />;

// @ts-expect-error: no such attribute
export const coloured = <wire-diff colour="red" />;
