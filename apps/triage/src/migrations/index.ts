import { Initial1764230400000 } from './1764230400000-initial.js';
import { Guidance1764316800000 } from './1764316800000-guidance.js';
import { ReviewAndLearning1764403200000 } from './1764403200000-review-and-learning.js';
import { RequestedReviews1764489600000 } from './1764489600000-requested-reviews.js';
import { AdditionalHoldouts1764576000000 } from './1764576000000-additional-holdouts.js';

/** In order; TypeORM records which have run. */
export const TRIAGE_MIGRATIONS = [
  Initial1764230400000,
  Guidance1764316800000,
  ReviewAndLearning1764403200000,
  RequestedReviews1764489600000,
  AdditionalHoldouts1764576000000,
];
