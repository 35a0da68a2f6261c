import { chatAppTaxonomy } from '../classification/chat-app.taxonomy.js';
import { reviewOutcome } from './review-outcome.js';
import type { ReviewRow } from './review.repository.js';

const review = (o: Partial<ReviewRow> = {}): ReviewRow =>
  ({
    id: '7c1d2e3f-2222-4a4a-8b8b-666666666666',
    ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
    status: 'pending',
    holdsTriage: true,
    fields: [],
    labels: { urgency: 'medium', component: 'other' },
    ...o,
  }) as ReviewRow;

describe('review outcome', () => {
  it('accepting a held review releases the triage unchanged', () => {
    expect(reviewOutcome(review(), undefined, chatAppTaxonomy)).toEqual({
      status: 'accepted',
      labels: { urgency: 'medium', component: 'other' },
      changes: [],
      releasesTriaged: true,
      supersedesTriaged: false,
    });
  });

  it('a correction of a held review releases the corrected labels', () => {
    const outcome = reviewOutcome(review(), { urgency: 'high', component: 'other' }, chatAppTaxonomy);
    expect(outcome).toMatchObject({
      status: 'corrected',
      labels: { urgency: 'high', component: 'other' },
      changes: [{ field: 'urgency', from: 'medium', to: 'high' }],
      releasesTriaged: true,
    });
  });

  it('a correction after the triage flowed on supersedes it', () => {
    expect(reviewOutcome(review({ holdsTriage: false }), { component: 'plugin-system' }, chatAppTaxonomy)).toMatchObject({
      releasesTriaged: false,
      supersedesTriaged: true,
    });
    expect(reviewOutcome(review({ status: 'accepted' }), { urgency: 'low' }, chatAppTaxonomy)).toMatchObject({
      status: 'corrected',
      supersedesTriaged: true,
    });
  });

  it('refuses a second acceptance and labels outside the taxonomy', () => {
    expect(() => reviewOutcome(review({ status: 'accepted' }), undefined, chatAppTaxonomy)).toThrow(/already accepted/);
    expect(() => reviewOutcome(review(), { urgency: 'apocalyptic' }, chatAppTaxonomy)).toThrow(/configured taxonomy/);
    expect(() => reviewOutcome(review(), { colour: 'red' }, chatAppTaxonomy)).toThrow(/configured taxonomy/);
  });
});
