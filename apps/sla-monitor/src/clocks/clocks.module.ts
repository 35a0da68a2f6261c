import { Module } from '@nestjs/common';
import { ManagePoliciesUseCase } from '../policies/manage-policies.usecase.js';
import { CalendarsHttpController, PoliciesHttpController } from '../policies/policies.http.controller.js';
import { PoliciesGrpcController } from '../policies/policies.grpc.controller.js';
import { PolicyRepository } from '../policies/policy.repository.js';
import { ClockLogRepository } from '../reports/clock-log.repository.js';
import { ReportsGrpcController } from '../reports/reports.grpc.controller.js';
import { ReportsHttpController } from '../reports/reports.http.controller.js';
import { SlaReportsUseCase } from '../reports/sla-reports.usecase.js';
import { ClockLifecycle } from './clock-lifecycle.js';
import { ClockRepository } from './clock.repository.js';
import { ClocksGrpcController } from './clocks.grpc.controller.js';
import { ClocksHttpController } from './clocks.http.controller.js';
import {
  CustomerRepliedKafkaHandler,
  InquiryTriagedKafkaHandler,
  TicketMergedKafkaHandler,
  TicketQueuedKafkaHandler,
  TicketResolvedKafkaHandler,
  TicketRespondedKafkaHandler,
  TicketRoutedKafkaHandler,
  TicketStatusChangedKafkaHandler,
} from './clocks.kafka.handler.js';
import { FireThresholdUseCase } from './fire-threshold/fire-threshold.usecase.js';
import { PredictRiskUseCase } from './predict-risk/predict-risk.usecase.js';
import { RearmTimersUseCase } from './rearm-timers/rearm-timers.usecase.js';
import { RecomputeClocksUseCase } from './recompute-clocks/recompute-clocks.usecase.js';
import { SlaTimerWorker } from './sla-timer.worker.js';
import { SlaTimers } from './sla-timers.js';
import { StartClocksUseCase } from './start-clocks/start-clocks.usecase.js';
import { StopClocksUseCase } from './stop-clocks/stop-clocks.usecase.js';
import { TrackStatusUseCase } from './track-status/track-status.usecase.js';

@Module({
  controllers: [
    ClocksHttpController,
    ClocksGrpcController,
    PoliciesHttpController,
    CalendarsHttpController,
    PoliciesGrpcController,
    ReportsHttpController,
    ReportsGrpcController,
  ],
  providers: [
    ClockRepository,
    PolicyRepository,
    ClockLogRepository,
    ClockLifecycle,
    SlaTimers,
    SlaTimerWorker,
    StartClocksUseCase,
    StopClocksUseCase,
    TrackStatusUseCase,
    RecomputeClocksUseCase,
    PredictRiskUseCase,
    FireThresholdUseCase,
    RearmTimersUseCase,
    ManagePoliciesUseCase,
    SlaReportsUseCase,
    TicketRoutedKafkaHandler,
    TicketRespondedKafkaHandler,
    TicketResolvedKafkaHandler,
    TicketMergedKafkaHandler,
    TicketStatusChangedKafkaHandler,
    CustomerRepliedKafkaHandler,
    InquiryTriagedKafkaHandler,
    TicketQueuedKafkaHandler,
  ],
})
export class ClocksModule {}
