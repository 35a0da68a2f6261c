import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { BundlesHttpController } from './bundles.http.controller.js';
import { UploadBundleUseCase } from './upload-bundle.usecase.js';

@Module({
  imports: [TicketsModule],
  controllers: [BundlesHttpController],
  providers: [UploadBundleUseCase],
})
export class BundlesModule {}
