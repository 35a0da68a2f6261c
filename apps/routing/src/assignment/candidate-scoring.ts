import type { Tier } from '@switchboard/contracts';

export interface Candidate {
  id: string;
  name: string;
  tier: Tier;
  skills: string[];
  languages: string[];
  capacity: number;
  openTickets: number;
  channelCapacity: Partial<Record<string, number>>;
  openByChannel: Partial<Record<string, number>>;
  lastAssignedAt: Date | null;
}

export interface TicketNeeds {
  tier: Tier;
  component: string;
  channel?: string;
  language?: string;
  /** 0 (standard) to 1 (enterprise): priority customers lean harder on free capacity. */
  customerPriority: number;
}

export interface ScoredCandidate {
  candidate: Candidate;
  score: number;
  factors: { skill: number; load: number; tierFit: number; language: number };
}

const WEIGHTS = { skill: 0.4, load: 0.3, tierFit: 0.15, language: 0.15 };

/** Only agents with room overall and on the ticket's channel can be scored at all. */
export function hasRoom(c: Candidate, channel: string | undefined): boolean {
  if (c.openTickets >= c.capacity) return false;
  if (!channel) return true;
  const channelCap = c.channelCapacity[channel];
  return channelCap === undefined || (c.openByChannel[channel] ?? 0) < channelCap;
}

/**
 * Ranks candidates for a ticket: skill match on the component, free capacity, home tier versus a
 * covering tier, language; priority customers weigh free capacity more. Ties go to whoever waited
 * longest since their last assignment (round-robin), then by id so the order is total.
 */
export function rankCandidates(needs: TicketNeeds, candidates: Candidate[]): ScoredCandidate[] {
  const loadWeight = WEIGHTS.load * (1 + needs.customerPriority);
  const total = WEIGHTS.skill + loadWeight + WEIGHTS.tierFit + WEIGHTS.language;
  return candidates
    .filter((c) => hasRoom(c, needs.channel))
    .map((candidate) => {
      const factors = {
        skill: candidate.skills.includes(needs.component) ? 1 : 0.3,
        load: 1 - candidate.openTickets / candidate.capacity,
        tierFit: candidate.tier === needs.tier ? 1 : 0.7,
        language: !needs.language || candidate.languages.includes(needs.language) ? 1 : 0.2,
      };
      const raw =
        WEIGHTS.skill * factors.skill +
        loadWeight * factors.load +
        WEIGHTS.tierFit * factors.tierFit +
        WEIGHTS.language * factors.language;
      return { candidate, score: round(raw / total), factors };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.candidate.lastAssignedAt?.getTime() ?? 0) - (b.candidate.lastAssignedAt?.getTime() ?? 0) ||
        a.candidate.id.localeCompare(b.candidate.id),
    );
}

/** The factors that decided, best first, in words for the routed event's rationale. */
export function explainFactors(s: ScoredCandidate, needs: TicketNeeds): string[] {
  const c = s.candidate;
  return [
    s.factors.skill === 1 ? `skilled in ${needs.component}` : `no ${needs.component} skill listed`,
    `${c.openTickets}/${c.capacity} open tickets before this one`,
    c.tier === needs.tier ? `home tier ${needs.tier}` : `covers ${needs.tier} (home tier ${c.tier})`,
    ...(needs.language ? [s.factors.language === 1 ? `speaks ${needs.language}` : `does not list ${needs.language}`] : []),
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
