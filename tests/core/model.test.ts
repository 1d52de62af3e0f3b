import { describe, expect, it } from 'vitest';
import { careCategoryOf } from '../../src/core';

describe('careCategoryOf', () => {
  it('sorts facility kinds into elderly care and childcare', () => {
    expect(careCategoryOf('nursery')).toBe('childcare');
    expect(careCategoryOf('kindergarten-nursery')).toBe('childcare');
    expect(careCategoryOf('elderly-daycare')).toBe('elderly');
  });
});
