import { escalationStep } from './escalation-path.js';

describe('escalation path', () => {
  it('moves one tier up the SOP path', () => {
    expect(escalationStep('L1')).toEqual({ to: 'L2', owner: 'L2 technical support' });
    expect(escalationStep('L3').to).toBe('L4');
  });

  it('keeps L4 at L4 and hands it to leadership', () => {
    expect(escalationStep('L4')).toEqual({ to: 'L4', owner: 'executive and leadership team' });
  });
});
