import type { Tier } from '@switchboard/contracts';

export interface RosterAgent {
  id: string;
  name: string;
  tier: Tier;
  skills: string[];
  capacity: number;
}

const team = (tier: Tier, names: string[], capacity: number, skills: string[]): RosterAgent[] =>
  names.map((name, i) => ({ id: `agent-${tier.toLowerCase()}-${String(i + 1).padStart(2, '0')}`, name, tier, skills, capacity }));

/** A starter roster so a fresh install routes to someone; real teams replace it through the agents API. */
export const DEFAULT_ROSTER: RosterAgent[] = [
  ...team('L1', ['Ana Ribeiro', 'Ben Okafor', 'Chen Wei', 'Dana Holt', 'Eli Moreno', 'Fatima Zahra'], 40, [
    'general',
    'configuration',
    'installation',
  ]),
  ...team('L2', ['Gustav Lind', 'Hana Sato', 'Ivan Petrov', 'Jade Kim', 'Kofi Mensah'], 30, [
    'plugin-system',
    'terminal-interface',
    'llm-provider',
  ]),
  ...team('L3', ['Lena Fischer', 'Mateo Cruz', 'Nia Brooks', 'Omar Haddad'], 25, [
    'event-bus',
    'plugin-system',
    'state-persistence',
  ]),
  ...team('L4', ['Priya Nair', 'Quentin Blake', 'Rosa Alvarez'], 20, ['architecture', 'security', 'enterprise']),
];
