import { ESCALATION_TRIGGERS } from '@switchboard/contracts';
import { loadEscalationConfig } from './config.js';

describe('escalation configuration', () => {
  it('escalates on every SOP trigger unless told otherwise', () => {
    expect(loadEscalationConfig({}).enabledTriggers).toEqual(ESCALATION_TRIGGERS);
  });

  it('takes a subset of triggers and refuses unknown ones', () => {
    expect(loadEscalationConfig({ ESCALATION_TRIGGERS: 'sla_breach, manual' }).enabledTriggers).toEqual(['sla_breach', 'manual']);
    expect(() => loadEscalationConfig({ ESCALATION_TRIGGERS: 'sla_breach,moon_phase' })).toThrow();
  });
});
