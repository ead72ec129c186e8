/**
 * Printing the reading view prints every "check your understanding" answer. Browsers that support ::details-content
 * need nothing (print.css shows the content of closed answers); for the others, every closed answer is opened just
 * before printing and closed again after, so the reader's screen is left as it was.
 */
export function printAnswersOpen(root: ParentNode = document): () => void {
  let opened: HTMLDetailsElement[] = [];
  const before = (): void => {
    opened = Array.from(root.querySelectorAll<HTMLDetailsElement>('details.deck-answer:not([open])'));
    for (const answer of opened) answer.open = true;
  };
  const after = (): void => {
    for (const answer of opened) answer.open = false;
    opened = [];
  };
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
  return () => {
    removeEventListener('beforeprint', before);
    removeEventListener('afterprint', after);
  };
}
