// Reading activation parameters: unknown keys are rejected (a typo must not silently fall back to a default).

import { assertFiniteNumber, assertKnownKeys, describeValue } from '../validate.ts';
import type { ActivationParams } from './activation.ts';

export function checkParamKeys(name: string, params: ActivationParams | undefined, allowed: readonly string[]): ActivationParams {
  if (params === undefined) return {};
  if (params === null || typeof params !== 'object') throw new TypeError(`${name} params must be an object, got ${describeValue(params)}`);
  assertKnownKeys(params, allowed, `${name} params`);
  return params;
}

/** A finite number parameter, or its default when absent. */
export function numberParam(name: string, params: ActivationParams, key: string, fallback: number): number {
  const value = params[key] ?? fallback;
  assertFiniteNumber(value, `${name} ${key}`);
  return value;
}
