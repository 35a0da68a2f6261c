import { Body, Controller, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiRoute, AppError, RequiresScope } from '@switchboard/service-kit';
import { UploadBundleUseCase } from './upload-bundle.usecase.js';

export const BUNDLE_CONTENT_TYPES = [
  'application/zip',
  'application/x-zip-compressed',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-compressed-tar',
  'application/octet-stream',
  'application/json',
];

function filenameOf(query: string | undefined, disposition: string | undefined): string {
  const fromHeader = disposition ? /filename="?([^";]+)"?/i.exec(disposition)?.[1] : undefined;
  const name = (query ?? fromHeader ?? 'bundle').split(/[\\/]/).pop()?.trim();
  return name?.slice(0, 200) || 'bundle';
}

@Controller('v1/tickets')
export class BundlesHttpController {
  constructor(private readonly upload: UploadBundleUseCase) {}

  /** Body: the raw zip, tar.gz or JSON file (not multipart). */
  @RequiresScope('submit')
  @ApiRoute({
    summary: 'Attach a support bundle (raw zip, tar.gz or JSON body, not multipart) to a ticket',
    description:
      'The bundle is unpacked and redacted in memory; only the redacted text is stored. Name it with `?filename=` or Content-Disposition.',
    responses: {
      201: 'the bundle receipt: files and redactions',
      404: 'no such ticket',
      413: 'the bundle (or an entry in it) is too large',
      415: 'not a raw bundle body of a supported type',
      422: 'the bundle cannot be read or has unsafe paths',
    },
  })
  @Post(':id/bundles')
  @HttpCode(201)
  bundle(
    @Param('id') id: string,
    @Body() body: unknown,
    @Query('filename') filename: string | undefined,
    @Headers('content-disposition') disposition: string | undefined,
  ) {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AppError('INTAKE.BUNDLE_INVALID', `send the bundle as the raw body (${BUNDLE_CONTENT_TYPES.join(', ')})`, 415);
    }
    return this.upload.execute(id, filenameOf(filename, disposition), body);
  }
}
