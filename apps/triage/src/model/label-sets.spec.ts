import { droppedByField, restrictToLabelSets } from './label-sets.js';

const example = (id: string, labels: Record<string, string>) => ({ id, subject: '', body: id, labels });

describe('restricting training data to the configured label sets', () => {
  const allowed = { component: ['billing', 'other'], urgency: ['low', 'high'] };

  it('drops labels outside the sets, keeps the example for its other fields, and reports each drop', () => {
    const { examples, dropped } = restrictToLabelSets(
      [
        example('a', { component: 'billing', urgency: 'low' }),
        example('b', { component: 'plugin-system', urgency: 'high' }),
        example('c', { component: 'plugin-system', sentiment: 'negative' }),
      ],
      allowed,
    );
    expect(examples).toEqual([example('a', { component: 'billing', urgency: 'low' }), example('b', { urgency: 'high' })]);
    expect(dropped).toEqual([
      { id: 'b', field: 'component', label: 'plugin-system' },
      { id: 'c', field: 'component', label: 'plugin-system' },
      { id: 'c', field: 'sentiment', label: 'negative' },
    ]);
    expect(droppedByField(dropped)).toEqual({ component: 2, sentiment: 1 });
  });
});
