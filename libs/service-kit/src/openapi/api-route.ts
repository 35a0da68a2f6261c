import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export type ApiResponseSpec = string | { description: string; schema?: z.ZodType };

/** What a REST route documents about itself: its OpenAPI operation is generated from this. */
export interface ApiRouteSpec {
  summary: string;
  description?: string;
  body?: z.ZodType;
  query?: z.ZodType;
  responses: Record<number, ApiResponseSpec>;
}

export const API_ROUTE = 'switchboard:apiRoute';

export const ApiRoute = (spec: ApiRouteSpec) => SetMetadata(API_ROUTE, spec);
