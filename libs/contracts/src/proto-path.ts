import { fileURLToPath } from 'node:url';

/** .proto files sit beside this module in src and are copied beside it into dist by the build. */
export function protoPath(file: string): string {
  return fileURLToPath(new URL(`./proto/${file}`, import.meta.url));
}
