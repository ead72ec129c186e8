import { describe, expect, it } from 'vitest';
import { stepParamsToApply } from '../../src/deck/step-params.ts';

describe('stepParamsToApply', () => {
  it('applies all of a step\'s settings when navigating', () => {
    expect(stepParamsToApply('act=rrelu&train=true', null)).toBe('act=rrelu&train=true');
  });

  it('on first load, leaves out the settings the link itself gives', () => {
    expect(stepParamsToApply('act=rrelu&train=true', '?act=elu&p=0.3')).toBe('train=true');
    expect(stepParamsToApply('act=rrelu', '?act=elu')).toBe('');
  });
});
