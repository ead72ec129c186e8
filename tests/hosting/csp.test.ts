import { describe, expect, it } from 'vitest';
import { policiesIn, policyProblems } from './csp.ts';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

describe('policyProblems', () => {
  it('accepts a same-origin-only policy', () => {
    expect(policyProblems(STRICT)).toEqual([]);
  });

  it("accepts 'wasm-unsafe-eval' in script-src only (WebAssembly compilation, not eval)", () => {
    expect(policyProblems(STRICT.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"))).toEqual([]);
    expect(policyProblems(`${STRICT}; worker-src 'self' 'wasm-unsafe-eval'`)).toEqual(["worker-src allows 'wasm-unsafe-eval'"]);
  });

  it.each([
    ["script-src 'self' https://cdn.example", "script-src allows https://cdn.example"],
    ['img-src *', 'img-src allows *'],
    ["img-src 'self' data:", 'img-src allows data:'],
    ["connect-src 'self' https:", 'connect-src allows https:'],
    ["script-src 'self' 'unsafe-eval'", "script-src allows 'unsafe-eval'"],
    ["script-src 'self' 'unsafe-inline'", "script-src allows 'unsafe-inline'"],
    ["style-src 'self' 'unsafe-inline'", "style-src allows 'unsafe-inline'"],
    ['font-src fonts.example.com', 'font-src allows fonts.example.com'],
  ])('refuses %s', (directive, problem) => {
    const name = directive.split(' ')[0];
    const policy = STRICT.split('; ').filter((d) => !d.startsWith(`${name} `)).concat(directive).join('; ');
    expect(policyProblems(policy)).toContain(problem);
  });

  it('requires default-src, object-src, base-uri and form-action to be locked down', () => {
    expect(policyProblems("script-src 'self'")).toEqual([
      "default-src must be 'self'",
      "object-src must be 'none'",
      "base-uri must be 'self'",
      "form-action must be 'self'",
    ]);
  });
});

describe('policiesIn', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${STRICT}">`;
  it('reads the policy and whether it precedes scripts and stylesheets', () => {
    expect(policiesIn(`<head>${meta}<script src="/a.js"></script></head>`)).toEqual({ policies: [STRICT], first: true });
    expect(policiesIn(`<head><link rel="stylesheet" href="/a.css">${meta}</head>`).first).toBe(false);
    expect(policiesIn('<head><title>x</title></head>')).toEqual({ policies: [], first: false });
  });
});
