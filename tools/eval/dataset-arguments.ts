import { type DatasetFormat, parseLabelMap, type ReadOptions } from '../../apps/triage/src/model/dataset.js';

/** The options that say how to read a labelled file, shared by the triage evaluation commands. */
export const DATASET_ARGUMENTS = {
  train: { type: 'string' },
  format: { type: 'string' },
  'text-fields': { type: 'string', default: 'title,body' },
  'label-field': { type: 'string' },
  map: { type: 'string' },
  'group-by': { type: 'string' },
} as const;

export interface DatasetArguments {
  format?: string;
  'text-fields'?: string;
  'label-field'?: string;
  map?: string;
  'group-by'?: string;
}

export function datasetReadOptions(args: DatasetArguments): ReadOptions {
  return {
    format: args.format as DatasetFormat | undefined,
    textFields: (args['text-fields'] ?? 'title,body').split(',').map((f) => f.trim()),
    labelField: args['label-field'] ?? 'label',
    labelMap: args.map ? parseLabelMap(args.map) : undefined,
    groupBy: args['group-by'],
  };
}
