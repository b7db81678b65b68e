import { describe, expect, it } from 'vitest';
import { accessFor, roleAtLeast } from './roles.ts';

describe('accessFor', () => {
  it('matches declared routes with numeric ids only', () => {
    expect(accessFor('POST', '/members/12/force-withdraw')).toBe('supervisor');
    expect(accessFor('POST', '/members/12/cards/3/unlock-pin')).toBe('operator');
    expect(accessFor('GET', '')).toBe('operator');
    expect(accessFor('HEAD', '/staff')).toBe('admin');
    expect(accessFor('GET', '/members/abc')).toBeUndefined();
    expect(accessFor('DELETE', '/staff')).toBeUndefined();
    expect(accessFor('GET', '/members/1/force-withdraw')).toBeUndefined();
  });
});

describe('roleAtLeast', () => {
  it('orders operator < supervisor < admin', () => {
    expect(roleAtLeast('operator', 'supervisor')).toBe(false);
    expect(roleAtLeast('supervisor', 'supervisor')).toBe(true);
    expect(roleAtLeast('admin', 'operator')).toBe(true);
  });
});
