import { fork, type ChildProcess } from 'node:child_process';
import type { ExtractionLimits } from './limits.js';
import type { ExtractionHint, ExtractionOutcome } from './types.js';

const CHILD_URL = new URL('./pool-child.js', import.meta.url);

export interface PoolOptions {
  /** Most extraction processes at once. */
  size: number;
  /** V8 heap limit (old generation) of each process, MiB. */
  maxMemoryMb: number;
  /** A process is replaced after this many jobs, or once it holds this share of its heap limit after a job. */
  maxJobsPerProcess?: number;
  recycleHeapShare?: number;
}

export interface PoolJob {
  bytes: Uint8Array;
  hint: ExtractionHint;
  limits: Partial<ExtractionLimits>;
  tempDir: string;
  timeoutMs: number;
  /** Converter processes (LibreOffice, Ghostscript) the job started and has not ended yet. */
  converters: Set<number>;
}

interface Member {
  child: ChildProcess;
  jobs: number;
  stderr: string;
  running: { id: number; job: PoolJob; settle: (o: ExtractionOutcome) => void; timer: NodeJS.Timeout } | null;
  retiring: boolean;
}

interface Waiting { job: PoolJob; resolve: (o: ExtractionOutcome) => void }

export const timeoutOutcome = (ms: number): ExtractionOutcome => ({ ok: false, code: 'timeout', reason: `timeout: extraction took longer than ${ms} ms` });
export const memoryOutcome = (mb: number): ExtractionOutcome => ({ ok: false, code: 'out_of_memory', reason: `too large: extraction needed more than ${mb} MiB` });
const OOM = /heap out of memory|Reached heap limit|Allocation failed/;

/**
 * Long-lived extraction processes (issue 22): forking a Node process for each document cost ~0.4 s
 * of start-up; a pool keeps a few processes and hands each one job at a time, with the same
 * guarantees as a process per document. A job that passes its time limit gets its process killed
 * (the pool starts another when one is needed); a job that exhausts the heap limit ends its
 * process and only its own outcome is `out_of_memory`; other jobs run in other processes. A
 * process is also replaced after many jobs, or when it keeps much heap after one.
 */
export class ExtractionPool {
  private members: Member[] = [];
  private queue: Waiting[] = [];
  private nextId = 1;
  private closed = false;
  /** Processes started so far (for tests and metrics). */
  started = 0;

  constructor(private readonly options: PoolOptions) {}

  run(job: PoolJob): Promise<ExtractionOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'corrupt_file', reason: 'corrupt: extraction is shutting down' });
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  /** Ends every process (running jobs end as failed). */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.resolve({ ok: false, code: 'corrupt_file', reason: 'corrupt: extraction is shutting down' });
    await Promise.all(this.members.map((m) => this.kill(m)));
  }

  /** Starts every process now (a service starting up), so the first documents do not wait for them. */
  warm(): void {
    while (!this.closed && this.members.length < this.options.size) hold(this.spawn().child, false);
  }

  /** Processes alive now. */
  get size(): number {
    return this.members.length;
  }

  private dispatch(): void {
    while (this.queue.length) {
      let member = this.members.find((m) => !m.running && !m.retiring && m.child.connected);
      if (!member) {
        if (this.members.length >= this.options.size) return;
        member = this.spawn();
      }
      const { job, resolve } = this.queue.shift()!;
      this.start(member, job, resolve);
    }
  }

  private spawn(): Member {
    const child = fork(CHILD_URL, [], {
      execArgv: [`--max-old-space-size=${this.options.maxMemoryMb}`, '--max-semi-space-size=16'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.started++;
    const member: Member = { child, jobs: 0, stderr: '', running: null, retiring: false };
    child.stderr?.on('data', (d: Buffer) => {
      member.stderr += d.toString();
      if (member.stderr.length > 8000) member.stderr = member.stderr.slice(-8000);
    });
    child.on('message', (message) => this.onMessage(member, message as Reply));
    child.once('error', () => { /* reported through exit */ });
    child.once('exit', (code, signal) => {
      this.members = this.members.filter((m) => m !== member);
      const running = member.running;
      if (running) {
        member.running = null;
        clearTimeout(running.timer);
        // Wait for the last stderr bytes before deciding why the process died.
        setImmediate(() => {
          running.settle(OOM.test(member.stderr) ? memoryOutcome(this.options.maxMemoryMb) : { ok: false, code: 'corrupt_file', reason: `corrupt: extraction process stopped (${signal ?? `exit code ${code}`})` });
          this.dispatch();
        });
      } else {
        this.dispatch();
      }
    });
    this.members.push(member);
    return member;
  }

  private start(member: Member, job: PoolJob, resolve: (o: ExtractionOutcome) => void): void {
    const id = this.nextId++;
    hold(member.child, true);
    const timer = setTimeout(() => {
      // The job ran out of time: its outcome is timeout, and its process (maybe stuck) is killed.
      const running = member.running;
      if (!running || running.id !== id) return;
      member.running = null;
      running.settle(timeoutOutcome(job.timeoutMs));
      void this.kill(member);
    }, job.timeoutMs);
    member.running = { id, job, settle: resolve, timer };
    member.jobs++;
    member.child.send({ id, bytes: job.bytes, hint: job.hint, limits: job.limits, tempDir: job.tempDir }, (err) => {
      if (err && member.running?.id === id) {
        clearTimeout(timer);
        member.running = null;
        resolve({ ok: false, code: 'corrupt_file', reason: `corrupt: extraction process failed (${err.message})` });
        void this.kill(member);
      }
    });
  }

  private onMessage(member: Member, reply: Reply): void {
    const running = member.running;
    if (!running || reply.id !== running.id) return;
    if (reply.converter) {
      if (reply.converter.started) running.job.converters.add(reply.converter.started);
      if (reply.converter.ended) running.job.converters.delete(reply.converter.ended);
      return;
    }
    if (!reply.outcome) return;
    clearTimeout(running.timer);
    member.running = null;
    running.settle(reply.outcome);
    const heapShare = (reply.heapUsed ?? 0) / (this.options.maxMemoryMb * 1024 * 1024);
    if (member.jobs >= (this.options.maxJobsPerProcess ?? 500) || heapShare > (this.options.recycleHeapShare ?? 0.5)) {
      member.retiring = true;
      member.child.disconnect();
    } else {
      // An idle process does not keep the parent alive.
      hold(member.child, false);
    }
    this.dispatch();
  }

  private kill(member: Member): Promise<void> {
    member.retiring = true;
    if (member.child.exitCode !== null || member.child.signalCode !== null) return Promise.resolve();
    hold(member.child, true); // until it has exited
    return new Promise((resolve) => {
      member.child.once('exit', () => resolve());
      member.child.kill('SIGKILL');
    });
  }
}

interface Reply {
  id: number;
  outcome?: ExtractionOutcome;
  heapUsed?: number;
  converter?: { started?: number; ended?: number };
}

/** Whether a pool process (and its IPC channel) keeps this process alive: only while it works. */
function hold(child: ChildProcess, busy: boolean): void {
  // The process, its IPC channel and its stderr pipe each keep the event loop alive while ref'd.
  const handles = [child, (child as ChildProcess & { channel?: { ref(): void; unref(): void } }).channel, child.stderr as unknown as { ref?(): void; unref?(): void } | null];
  for (const h of handles) {
    if (!h) continue;
    if (busy) h.ref?.();
    else h.unref?.();
  }
}
