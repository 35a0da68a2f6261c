import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '@switchboard/service-kit';
import tar from 'tar-stream';
import yauzl from 'yauzl';

export type BundleFormat = 'zip' | 'tar.gz' | 'tar' | 'json';

export interface BundleLimits {
  /** Sum of all unpacked file sizes. */
  maxUnpackedBytes: number;
  maxFiles: number;
}

export interface ExtractedFile {
  path: string;
  size: number;
  /** UTF-8 text, or null for binary content (kept as metadata only). */
  text: string | null;
}

/** Beyond this compressed-to-unpacked ratio an entry is a decompression bomb, not a log file. */
const MAX_COMPRESSION_RATIO = 200;

const tooLarge = (message: string) => new AppError('INTAKE.BUNDLE_TOO_LARGE', message, 413);
const unsafePath = (path: string) =>
  new AppError('INTAKE.BUNDLE_UNSAFE_PATH', `bundle entry ${JSON.stringify(path)} escapes the bundle`, 422);
const invalid = (message: string) => new AppError('INTAKE.BUNDLE_INVALID', message, 422);
const bomb = (path: string) =>
  new AppError(
    'INTAKE.BUNDLE_ZIP_BOMB',
    `bundle entry ${JSON.stringify(path)} unpacks to far more than its compressed size`,
    422,
  );

export function detectFormat(data: Buffer): BundleFormat {
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) return 'tar.gz';
  if (data.length >= 262 && data.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  const first = data.subarray(0, 64).toString('utf8').trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  throw invalid('the bundle is not a zip, tar.gz, tar or JSON file');
}

/** Relative, forward-slash, no `..`, no drive letters: anything else is refused outright. */
export function safeEntryPath(raw: string): string {
  const path = raw.replace(/^\.\//, '');
  if (
    path === '' ||
    path.includes('\0') ||
    path.includes('\\') ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    path.split('/').some((segment) => segment === '..')
  ) {
    throw unsafePath(raw);
  }
  return path;
}

function textOf(content: Buffer): string | null {
  if (content.subarray(0, 8192).includes(0)) return null;
  const text = content.toString('utf8');
  return text.includes('\uFFFD') ? null : text;
}

/** Counts files and bytes across the whole bundle and fails the moment a limit is crossed. */
class Budget {
  private files = 0;
  private bytes = 0;

  constructor(private readonly limits: BundleLimits) {}

  file(): void {
    if (++this.files > this.limits.maxFiles) throw tooLarge(`the bundle holds more than ${this.limits.maxFiles} files`);
  }

  add(n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxUnpackedBytes)
      throw tooLarge(`the bundle unpacks to more than ${this.limits.maxUnpackedBytes} bytes`);
  }
}

/**
 * Unpacks a support bundle in memory without trusting anything it declares: sizes are counted
 * while streaming, paths are checked before reading, and nothing touches the file system.
 */
export async function extractBundle(
  data: Buffer,
  limits: BundleLimits,
): Promise<{ format: BundleFormat; files: ExtractedFile[] }> {
  const format = detectFormat(data);
  const budget = new Budget(limits);
  if (format === 'json') return { format, files: [jsonFile(data, budget)] };
  if (format === 'zip') return { format, files: await unzip(data, budget) };
  return { format, files: await untar(data, format === 'tar.gz', budget, data.length) };
}

function jsonFile(data: Buffer, budget: Budget): ExtractedFile {
  budget.file();
  budget.add(data.length);
  try {
    JSON.parse(data.toString('utf8'));
  } catch {
    throw invalid('the JSON bundle is not valid JSON');
  }
  return { path: 'bundle.json', size: data.length, text: data.toString('utf8') };
}

async function collect(stream: AsyncIterable<unknown>, budget: Budget, onChunk: (n: number) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    budget.add(buf.length);
    onChunk(buf.length);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function unzip(data: Buffer, budget: Budget): Promise<ExtractedFile[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, {
      lazyEntries: true,
      validateEntrySizes: true,
      decodeStrings: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw invalid(`the zip file cannot be read: ${(error as Error).message}`);
  }
  const files: ExtractedFile[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) =>
        reject(
          /absolute path|invalid relative path|invalid characters/.test(error.message)
            ? unsafePath(error.message)
            : invalid(error.message),
        ),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const path = safeEntryPath(entry.fileName);
          if (path.endsWith('/')) return zip.readEntry();
          budget.file();
          if (entry.uncompressedSize > Math.max(1024 * 1024, entry.compressedSize * MAX_COMPRESSION_RATIO)) throw bomb(path);
          const stream = await zip.openReadStreamPromise(entry);
          let read = 0;
          const content = await collect(stream, budget, (n) => {
            read += n;
            if (read > entry.uncompressedSize) throw bomb(path);
          });
          files.push({ path, size: content.length, text: textOf(content) });
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    throw error instanceof AppError ? error : invalid(`the zip file cannot be read: ${(error as Error).message}`);
  } finally {
    zip.close();
  }
  return files;
}

async function untar(data: Buffer, gzipped: boolean, budget: Budget, compressedSize: number): Promise<ExtractedFile[]> {
  const extract = tar.extract();
  const source = Readable.from([data]);
  const maxInflated = Math.max(1024 * 1024, compressedSize * MAX_COMPRESSION_RATIO);
  let inflated = 0;
  // Counted on the decompressed stream itself: zero blocks tar skips still cost memory and time.
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      done(inflated > maxInflated ? bomb('(archive)') : null, chunk);
    },
  });
  const input = gzipped
    ? source
        .pipe(createGunzip())
        .on('error', (error) => counter.destroy(error))
        .pipe(counter)
    : source;
  input.on('error', (error) => extract.destroy(error));
  input.pipe(extract);
  const files: ExtractedFile[] = [];
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type === 'symlink' || type === 'link') throw unsafePath(`${name} (link)`);
      const path = safeEntryPath(name);
      if (type !== 'file' && type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      budget.file();
      const content = await collect(entry, budget, () => undefined);
      files.push({ path, size: content.length, text: textOf(content) });
    }
  } catch (error) {
    input.unpipe(extract);
    source.destroy();
    throw error instanceof AppError ? error : invalid(`the tar archive cannot be read: ${(error as Error).message}`);
  }
  return files;
}
