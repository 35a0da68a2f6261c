import { pipelineLatencyMs } from './pipeline-latency.js';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 28, 9, 0, 0, ms)).toISOString();

describe('pipeline latency', () => {
  const firstPass = [
    { type: 'received', at: at(0) },
    { type: 'triaged', at: at(300) },
    { type: 'routed', at: at(500) },
    { type: 'sla_clock_started', at: at(700) },
    { type: 'knowledge_suggested', at: at(400) },
  ];

  it('is the time until the ticket first had every stage', () => {
    expect(pipelineLatencyMs(firstPass)).toBe(700);
  });

  it('does not count a later re-route and its clocks as this pass', () => {
    const escalated = [...firstPass, { type: 'routed', at: at(5000) }, { type: 'sla_clock_started', at: at(5200) }];
    expect(pipelineLatencyMs(escalated)).toBe(700);
  });

  it('is undefined while a stage is missing', () => {
    expect(pipelineLatencyMs(firstPass.filter((e) => e.type !== 'knowledge_suggested'))).toBeUndefined();
    expect(pipelineLatencyMs([])).toBeUndefined();
  });
});
