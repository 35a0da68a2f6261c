import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import type { NamedPublishedHoldout, PublishedHoldout } from './published-accuracy.js';
import { accuracyQuery, PublishedAccuracyQuery } from './published-accuracy.query.js';

/** proto3 has no null: an unknown count is 0, an unknown time empty. */
function holdoutToProto(holdout: PublishedHoldout | NamedPublishedHoldout) {
  return {
    name: 'name' in holdout ? holdout.name : '',
    examples: holdout.examples ?? 0,
    measuredAt: holdout.measuredAt ?? '',
    fields: holdout.fields,
  };
}

@Controller()
export class AccuracyGrpcController {
  constructor(private readonly accuracy: PublishedAccuracyQuery) {}

  /** A missing main holdout is absent. */
  @GrpcMethod('TriageService', 'GetAccuracy')
  get(req: { modelVersion?: string }) {
    return grpcCall(async () => {
      const result = await this.accuracy.execute(accuracyQuery(req.modelVersion ? { modelVersion: req.modelVersion } : {}));
      return {
        modelVersion: result.modelVersion,
        active: result.active,
        ...(result.holdout && { holdout: holdoutToProto(result.holdout) }),
        additionalHoldouts: result.additionalHoldouts.map(holdoutToProto),
        reviewed: result.reviewed,
      };
    });
  }
}
