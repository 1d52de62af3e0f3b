import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisClient } from '../../src/worker/client';
import { createHandlers } from '../../src/worker/handlers';
import type { RequestMap } from '../../src/worker/protocol';
import { fakeWorkerFactory } from './harness';

const client = new AnalysisClient<RequestMap>(fakeWorkerFactory(createHandlers()));
afterAll(() => client.terminate());

describe('rules/evaluate parameter errors', () => {
  it('answers the rejected overrides in English (unchanged) and in Chinese, in the same order', async () => {
    const result = await client.send('rules/evaluate', {
      estates: [],
      profileId: 'hefei',
      overrides: { nope: 1, walkingSpeed: 99 },
      defaultStatus: null,
    });
    expect(result.parameterErrors).toHaveLength(2);
    expect(result.parameterErrors[0]).toMatch(/^Unknown parameter "nope"/);
    expect(result.parameterErrorsZh).toHaveLength(2);
    expect(result.parameterErrorsZh![0]).toMatch(/^未知参数“nope”/);
    expect(result.parameterErrorsZh![1]).toBe('参数“walkingSpeed”应在 0.1 至 3（米/秒）之间，实际为 99。');
  });
});
