/**
 * Reads a page's Content-Security-Policy meta tag and says what makes it less than strict. Strict here:
 * default-src and every other directive allow only 'self' (or 'none'): no `*`, no scheme or host sources
 * (`https:`, `data:`, `cdn.example`), no 'unsafe-eval', 'unsafe-inline' only in style-src-attr (KaTeX
 * positions glyphs with style attributes, which cannot run script or fetch from another origin), and
 * 'wasm-unsafe-eval' only in script-src (the engine compiles its own WebAssembly kernels; the keyword allows
 * WebAssembly compilation and nothing else: no eval(), no new Function()).
 */
export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The content of every CSP meta tag in the page, and whether the first one comes before any script or style. */
export function policiesIn(html: string): { policies: string[]; first: boolean } {
  const tags = [...html.matchAll(/<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)];
  const policies = tags.map((m) => /\scontent=(["'])(.*?)\1/i.exec(m[0])?.[2] ?? '');
  const firstResource = html.search(/<script\b|<link\b[^>]*rel=["']stylesheet|<style\b/i);
  const first = tags.length > 0 && (firstResource === -1 || tags[0].index! < firstResource);
  return { policies, first };
}

const REQUIRED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export function policyProblems(text: string): string[] {
  const policy = parsePolicy(text);
  const problems: string[] = [];
  for (const [name, sources] of Object.entries(REQUIRED)) {
    if (policy.get(name)?.join(' ') !== sources.join(' ')) problems.push(`${name} must be ${sources.join(' ')}`);
  }
  for (const [name, sources] of policy) {
    if (sources.length === 0) problems.push(`${name} is empty`);
    for (const source of sources) {
      const allowed = source === "'self'" || source === "'none'" || (name === 'style-src-attr' && source === "'unsafe-inline'")
        || (name === 'script-src' && source === "'wasm-unsafe-eval'");
      if (!allowed) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}
