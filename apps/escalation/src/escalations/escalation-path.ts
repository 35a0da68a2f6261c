import type { Tier } from '@switchboard/contracts';

const PATH: Record<Tier, { next: Tier; owner: string }> = {
  L1: { next: 'L2', owner: 'L2 technical support' },
  L2: { next: 'L3', owner: 'L3 engineering' },
  L3: { next: 'L4', owner: 'L4 escalation' },
  L4: { next: 'L4', owner: 'executive and leadership team' },
};

/** The SOP's escalation path; L4 has nowhere higher to go, so leadership is told instead. */
export function escalationStep(from: Tier): { to: Tier; owner: string } {
  return { to: PATH[from].next, owner: PATH[from].owner };
}
