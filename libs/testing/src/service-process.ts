import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The repository root, whether this module runs from src (tests) or from dist (benchmarks). */
export const REPO_ROOT = basename(here) === 'dist' ? dirname(here) : here;

/** One real service process started from the build output, as production runs it. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly service: string,
    readonly env: NodeJS.ProcessEnv,
    private readonly logDir = resolve(REPO_ROOT, 'dist/test-logs'),
  ) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.env.HTTP_PORT}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<number> {
    const entry = resolve(REPO_ROOT, `dist/apps/${this.service}/src/main.js`);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    mkdirSync(this.logDir, { recursive: true });
    const log = createWriteStream(resolve(this.logDir, `${this.service}.log`), { flags: 'a' });
    const startedAt = Date.now();
    const child = spawn(process.execPath, [entry], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const recent = new RecentOutput();
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => recent.add(chunk));
      stream?.pipe(log);
    }
    this.child = child;
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
    // generous: on a loaded machine importing a service alone can take most of a minute
    const deadline = startedAt + 100_000;
    while (!(await this.answersReady())) {
      // A service that cannot start exits at once; say why now rather than after the whole wait.
      if (child.exitCode !== null || child.signalCode !== null) {
        const how = child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode;
        throw new Error(`${this.service} exited (${how}) before it was ready; its output ended:\n${recent.text()}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.service} was not ready after 100 s; its output ended:\n${recent.text()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return Date.now() - startedAt;
  }

  private async answersReady(): Promise<boolean> {
    try {
      return (await fetch(`${this.httpUrl}/health/ready`)).ok;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crashed container. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Resident memory of the process in MB, from /proc. */
  async rssMb(): Promise<number> {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  }
}

/** The last few kilobytes a process printed, without colour codes, for a failure message. */
class RecentOutput {
  private buffer = '';

  add(chunk: Buffer): void {
    this.buffer = (this.buffer + chunk.toString('utf8')).slice(-4000);
  }

  text(): string {
    // eslint-disable-next-line no-control-regex
    return this.buffer.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
  }
}
