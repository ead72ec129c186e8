import { describe, expect, it } from 'vitest';
import { controlId, errorId, numericRange } from '../../src/widgets/control-markup.ts';

describe('control markup', () => {
  it('names a control and its error message after the widget and the parameter', () => {
    expect(controlId('dropout-overfit', 'lr')).toBe('dropout-overfit-lr');
    expect(errorId('dropout-overfit', 'lr')).toBe('dropout-overfit-lr-error');
  });

  it('reads a numeric range from the table; an integer steps by 1', () => {
    expect(numericRange('p')).toEqual({ min: 0, max: 0.9, step: 0.05, default: 0.5 });
    expect(numericRange('seed')).toEqual({ min: 0, max: 999_999, step: 1, default: 1 });
  });
});
