import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry.js';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt and caps it', () => {
    const top = () => 1;
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, top)).toBe(200);
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, top)).toBe(400);
    expect(backoffDelay(10, DEFAULT_RETRY_POLICY, top)).toBe(5000);
  });

  it('never waits less than half the ceiling', () => {
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(400);
  });
});
