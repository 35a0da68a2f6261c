import { Module } from '@nestjs/common';
import { ClockRepository } from './clock.repository.js';
import { ClocksGrpcController } from './clocks.grpc.controller.js';
import { ClocksHttpController } from './clocks.http.controller.js';
import { TicketResolvedKafkaHandler, TicketRespondedKafkaHandler, TicketRoutedKafkaHandler } from './clocks.kafka.handler.js';
import { FireThresholdUseCase } from './fire-threshold/fire-threshold.usecase.js';
import { RearmTimersUseCase } from './rearm-timers/rearm-timers.usecase.js';
import { SlaTimerWorker } from './sla-timer.worker.js';
import { SlaTimers } from './sla-timers.js';
import { StartClocksUseCase } from './start-clocks/start-clocks.usecase.js';
import { StopClocksUseCase } from './stop-clocks/stop-clocks.usecase.js';

@Module({
  controllers: [ClocksHttpController, ClocksGrpcController],
  providers: [
    ClockRepository,
    SlaTimers,
    SlaTimerWorker,
    StartClocksUseCase,
    StopClocksUseCase,
    FireThresholdUseCase,
    RearmTimersUseCase,
    TicketRoutedKafkaHandler,
    TicketRespondedKafkaHandler,
    TicketResolvedKafkaHandler,
  ],
})
export class ClocksModule {}
