import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { type ModelVersionView, ModelVersionsUseCase } from './model-versions.usecase.js';

function toProto(v: ModelVersionView) {
  return {
    id: v.id,
    status: v.status,
    modelVersion: v.modelVersion ?? '',
    trainingExamples: v.trainingExamples,
    correctionExamples: v.learntExamples,
    holdout: v.holdout ?? {},
    additionalHoldouts: v.additionalHoldouts,
    active: v.active,
    shadow: v.shadow,
    error: v.error ?? '',
    createdAt: v.createdAt,
    trainedAt: v.trainedAt ?? '',
    modelStored: v.modelStored,
  };
}

function reportToProto(r: {
  shadowVersionId: string | null;
  shadowModelVersion: string | null;
  compared: number;
  agreement: Record<string, number>;
}) {
  return { ...r, shadowVersionId: r.shadowVersionId ?? '', shadowModelVersion: r.shadowModelVersion ?? '' };
}

@Controller()
export class ModelVersionsGrpcController {
  constructor(private readonly models: ModelVersionsUseCase) {}

  @GrpcMethod('TriageService', 'Retrain')
  retrain() {
    return grpcCall(async () => toProto(await this.models.retrain()));
  }

  @GrpcMethod('TriageService', 'ListModelVersions')
  list() {
    return grpcCall(async () => ({ versions: (await this.models.list()).map(toProto) }));
  }

  @GrpcMethod('TriageService', 'GetModelVersion')
  get(req: { id: string }) {
    return grpcCall(async () => toProto(await this.models.get(req.id)));
  }

  @GrpcMethod('TriageService', 'ActivateModelVersion')
  activate(req: { id: string }) {
    return grpcCall(async () => {
      if (req.id) {
        await this.models.activate(req.id);
        return toProto(await this.models.get(req.id));
      }
      // an empty id goes back to the shipped model, which has no stored version
      const shipped = await this.models.activate(null);
      return { id: '', status: 'ready', modelVersion: shipped.modelVersion ?? '', active: true };
    });
  }

  @GrpcMethod('TriageService', 'SetShadowVersion')
  shadow(req: { id?: string }) {
    return grpcCall(async () => reportToProto(await this.models.setShadow(req.id || null)));
  }

  @GrpcMethod('TriageService', 'GetShadowReport')
  report(req: { id?: string }) {
    return grpcCall(async () => reportToProto(await this.models.shadowReport(req.id || undefined)));
  }
}
