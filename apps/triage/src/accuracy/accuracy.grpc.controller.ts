import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { accuracyQuery, PublishedAccuracyQuery } from './published-accuracy.query.js';

@Controller()
export class AccuracyGrpcController {
  constructor(private readonly accuracy: PublishedAccuracyQuery) {}

  /** proto3 has no null: a missing holdout is absent, an unknown count is 0. */
  @GrpcMethod('TriageService', 'GetAccuracy')
  get(req: { modelVersion?: string }) {
    return grpcCall(async () => {
      const result = await this.accuracy.execute(accuracyQuery(req.modelVersion ? { modelVersion: req.modelVersion } : {}));
      return {
        modelVersion: result.modelVersion,
        active: result.active,
        ...(result.holdout && {
          holdout: {
            examples: result.holdout.examples ?? 0,
            measuredAt: result.holdout.measuredAt ?? '',
            fields: result.holdout.fields,
          },
        }),
        reviewed: result.reviewed,
      };
    });
  }
}
