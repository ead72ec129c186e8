/**
 * Find a part of a widget shell by its `data-role` (play, reset, status, plot, summary, …). A shell without the part
 * is a bug in the shell, so a missing part throws with the widget's name.
 */
export function requireRole<T extends Element = HTMLElement>(root: HTMLElement, role: string): T {
  const el = root.querySelector<T>(`[data-role="${role}"]`);
  if (!el) throw new Error(`widget ${root.dataset.widget ?? root.tagName}: missing [data-role="${role}"]`);
  return el;
}
