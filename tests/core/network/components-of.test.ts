import { describe, expect, it } from 'vitest';
import { componentsOf, graphFromEdges } from '../../../src/core/network';

describe('componentsOf', () => {
  it('labels components in order of their lowest node, with their sizes', () => {
    // 0–3–4 and 1–2 and the lone node 5 (no edges).
    const coords = new Float64Array(12).map((_, i) => 121 + i * 0.001);
    const { count, component, sizes } = componentsOf(graphFromEdges(coords, [0, 3, 3, 4, 2, 1]));
    expect(count).toBe(3);
    expect(Array.from(component)).toEqual([0, 1, 1, 0, 0, 2]);
    expect(Array.from(sizes)).toEqual([3, 2, 1]);
  });
});
