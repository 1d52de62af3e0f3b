/** taskProgress: phase mapping, the 1 % throttle, monotone fractions and a single final 1. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskProgress, type ProgressPhase } from '../../../src/core/network';

describe('taskProgress', () => {
  it('maps a phase onto its part of the task and drops moves under the step', () => {
    const calls: [number, ProgressPhase][] = [];
    const p = taskProgress((f, phase) => calls.push([f, phase]), 0.1);
    for (let done = 0; done <= 1000; done++) p.report('read', 0, 0.5, done, 1000);
    p.report('build', 0.5, 1, 1, 2);
    p.finish('build');
    // 0, 0.1, 0.2, 0.3, 0.4, 0.5 in 'read' (each 0.1 apart), then 0.75 and 1 in 'build'.
    expect(calls.map(([f]) => Math.round(f * 100) / 100)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1]);
    expect(calls.slice(0, 6).every(([, phase]) => phase === 'read')).toBe(true);
  });

  it('reports a new phase even without a move, never goes back, and gives 1 once', () => {
    const calls: number[] = [];
    const p = taskProgress((f) => calls.push(f));
    p.report('read', 0, 0.9, 9, 10);
    p.report('build', 0.5, 1, 0, 4); // 0.5 < 0.81: stays at 0.81, but the phase change is reported
    p.finish('build');
    p.finish('build');
    p.report('build', 0, 1, 1, 1);
    expect(calls).toEqual([0.81, 0.81, 1]);
  });

  it('does nothing without a callback', () => {
    const p = taskProgress(undefined);
    expect(() => {
      p.report('rows', 0, 1, 5, 10);
      p.finish('rows');
    }).not.toThrow();
  });

  it('any sequence of reports: non-decreasing, within 0–1, bounded in count, at most one 1', () => {
    const phases: ProgressPhase[] = ['read', 'build', 'rows'];
    const report = fc.record({
      phase: fc.integer({ min: 0, max: 2 }),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      to: fc.double({ min: 0, max: 1, noNaN: true }),
      done: fc.integer({ min: -5, max: 200 }),
      total: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 2000 }), (reports) => {
        const calls: [number, ProgressPhase][] = [];
        const p = taskProgress((f, phase) => calls.push([f, phase]));
        for (const r of reports) p.report(phases[r.phase]!, r.from, r.to, r.done, r.total);
        p.finish('build');
        let changes = 0;
        for (let k = 0; k < calls.length; k++) {
          const [f, phase] = calls[k]!;
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
          if (k > 0) expect(f).toBeGreaterThanOrEqual(calls[k - 1]![0]);
          if (k === 0 || phase !== calls[k - 1]![1]) changes++;
        }
        expect(calls.filter(([f]) => f === 1)).toHaveLength(1);
        // Same-phase reports are ≥ 1 % apart, so at most 100 of them, plus one per phase change.
        expect(calls.length).toBeLessThanOrEqual(101 + changes);
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });
});
