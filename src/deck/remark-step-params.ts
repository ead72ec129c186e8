/**
 * A remark plugin for the lessons' MDX: every component inside a `<Step params="…">` receives those settings as its
 * `stepParams` prop (the URL query's form, e.g. "act=leaky_relu&train=false"). The deck applies them when it arrives at
 * the step (src/deck/step-params.ts); a widget's build-time figure on a slide (src/widgets/built-figure.ts) draws them
 * too, so the slide opens on the figure the live widget shows there. Build-time only; never in a client bundle.
 */

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdxNode[];
}

const isJsx = (node: MdxNode): boolean => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** The string value of a JSX element's attribute `name`, if it is given as a plain string. */
function attribute(node: MdxNode, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function giveParams(node: MdxNode, params: string): void {
  for (const child of node.children ?? []) {
    // A component (capitalised), not an HTML element; a nested Step keeps its own.
    if (isJsx(child) && child.name && /^[A-Z]/.test(child.name) && child.name !== 'Step' && attribute(child, 'stepParams') === undefined) {
      child.attributes = [...(child.attributes ?? []), { type: 'mdxJsxAttribute', name: 'stepParams', value: params }];
    }
    if (!(isJsx(child) && child.name === 'Step')) giveParams(child, params);
  }
}

function walk(node: MdxNode): void {
  if (isJsx(node) && node.name === 'Step') {
    const params = attribute(node, 'params');
    if (params !== undefined) giveParams(node, params);
  }
  for (const child of node.children ?? []) walk(child);
}

export default function remarkStepParams() {
  return (tree: MdxNode): void => walk(tree);
}
