/**
 * `<Step params="act=rrelu&train=true">`: arriving at such a step sets those experiment
 * parameters (through the page's store, so the other windows follow). On first load, settings
 * that the page's own link already gives win: a shared link shows what it was shared with.
 */
export function stepParamsToApply(stepParams: string, linkQuery: string | null): string {
  if (linkQuery === null) return stepParams;
  const fromLink = new URLSearchParams(linkQuery);
  const kept = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(stepParams)) if (!fromLink.has(name)) kept.append(name, value);
  return kept.toString();
}
