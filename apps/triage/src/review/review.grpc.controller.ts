import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { DecideReviewCommand, DecideReviewUseCase } from './decide-review.usecase.js';
import { ReviewQueries, reviewFilter, reviewView, type ReviewView } from './list-reviews.query.js';
import { RequestReviewCommand, RequestReviewUseCase } from './request-review.usecase.js';

/** proto3 has no null: absent values are empty strings. */
function toProto(view: ReviewView) {
  return { ...view, reviewer: view.reviewer ?? '', reviewedAt: view.reviewedAt ?? '', requestedBy: view.requestedBy ?? '' };
}

@Controller()
export class ReviewGrpcController {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly decide: DecideReviewUseCase,
    private readonly request: RequestReviewUseCase,
  ) {}

  @GrpcMethod('TriageService', 'RequestReview')
  open(req: { ticketId: string; requestedBy: string; fields?: string[] }) {
    return grpcCall(async () => {
      const command = RequestReviewCommand.create({
        ticketId: req.ticketId,
        requestedBy: req.requestedBy,
        ...(req.fields?.length ? { fields: req.fields } : {}),
      });
      const { review, created } = await this.request.execute(command, randomUUID());
      return { review: toProto(reviewView(review)), created };
    });
  }

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
