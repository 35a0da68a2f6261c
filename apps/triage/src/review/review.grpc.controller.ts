import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { DecideReviewCommand, DecideReviewUseCase } from './decide-review.usecase.js';
import { ReviewQueries, reviewFilter, reviewView, type ReviewView } from './list-reviews.query.js';

/** proto3 has no null: absent values are empty strings. */
function toProto(view: ReviewView) {
  return { ...view, reviewer: view.reviewer ?? '', reviewedAt: view.reviewedAt ?? '' };
}

@Controller()
export class ReviewGrpcController {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly decide: DecideReviewUseCase,
  ) {}

  @GrpcMethod('TriageService', 'ListReviews')
  list(req: { status?: string; field?: string; holdsTriageOnly?: boolean; limit?: number }) {
    return grpcCall(async () => {
      const filter = reviewFilter({
        ...(req.status ? { status: req.status } : {}),
        ...(req.field ? { field: req.field } : {}),
        ...(req.holdsTriageOnly ? { holdsTriage: true } : {}),
        ...(req.limit ? { limit: req.limit } : {}),
      });
      return { reviews: (await this.queries.list(filter)).map(toProto) };
    });
  }

  @GrpcMethod('TriageService', 'GetReview')
  get(req: { id: string }) {
    return grpcCall(async () => toProto(await this.queries.get(req.id)));
  }

  @GrpcMethod('TriageService', 'AcceptReview')
  accept(req: { id: string; reviewer: string }) {
    return grpcCall(async () =>
      toProto(reviewView(await this.decide.execute(DecideReviewCommand.accept(req.id, { reviewer: req.reviewer })))),
    );
  }

  @GrpcMethod('TriageService', 'CorrectReview')
  correct(req: { id: string; reviewer: string; labels?: Record<string, string> }) {
    return grpcCall(async () =>
      toProto(
        reviewView(
          await this.decide.execute(DecideReviewCommand.correct(req.id, { reviewer: req.reviewer, labels: req.labels ?? {} })),
        ),
      ),
    );
  }
}
