import type { Tier } from '@switchboard/contracts';
import type { ClaimedAgent } from './assignment.repository.js';

export interface AssignmentDecision {
  agentId: string | null;
  score: number;
  confidence: number;
  rationale: string[];
}

/**
 * Explains a placement: the tier reason, who was picked and why, and how sure we are
 * (the triage confidence, discounted when nobody could take the ticket).
 */
export function explainAssignment(
  tier: Tier,
  tierReason: string,
  agent: ClaimedAgent | null,
  triageConfidence: number,
): AssignmentDecision {
  if (!agent) {
    return {
      agentId: null,
      score: 0,
      confidence: round(triageConfidence * 0.5),
      rationale: [`tier ${tier}: ${tierReason}`, `no online ${tier} agent has free capacity; the ticket waits for one`],
    };
  }
  const loadBefore = (agent.openTickets - 1) / agent.capacity;
  const score = round(1 - loadBefore);
  return {
    agentId: agent.id,
    score,
    confidence: round(Math.min(1, triageConfidence * 0.6 + score * 0.4)),
    rationale: [
      `tier ${tier}: ${tierReason}`,
      `${agent.name} (${agent.id}) had the most free capacity in ${tier}: ${agent.openTickets - 1}/${agent.capacity} open before this ticket`,
    ],
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
