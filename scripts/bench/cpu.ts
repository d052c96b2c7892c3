// CPU accounting for benchmarks, from the OS (Linux /proc): user + system seconds of each process of the stack
// (and of their exited children), so a figure like "CPU per order" holds across machines.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  /** utime + stime + cutime + cstime, in ticks. */
  ticks: number;
  /** utime + stime: this task alone, without reaped children. */
  ownTicks: number;
}

function readStat(pid: number, path = `/proc/${pid}/stat`): ProcStat | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    // the name is in parentheses and may hold spaces: split after the last ')'
    const close = text.lastIndexOf(')');
    const name = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    const ppid = Number(fields[1]);
    const ownTicks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid, name, ticks: ownTicks + Number(fields[13]) + Number(fields[14]), ownTicks };
  } catch {
    return undefined; // exited meanwhile
  }
}

function allProcesses(): ProcStat[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readStat(Number(d))).filter((s): s is ProcStat => !!s);
}

/** The process and all its descendants. */
export function treeOf(root: number): number[] {
  const all = allProcesses();
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!found.has(p.pid) && found.has(p.ppid)) { found.add(p.pid); grew = true; }
  }
  return [...found];
}

/** CPU seconds used so far by these processes (with their reaped children). */
export function cpuSeconds(pids: number[]): number {
  return pids.map((pid) => readStat(pid)).reduce((sum, s) => sum + (s?.ticks ?? 0), 0) / TICKS_PER_SECOND;
}

/** Processes of this bench process's tree whose command name matches (e.g. the Temporal server, PostgreSQL). */
export function descendantsNamed(pattern: RegExp): number[] {
  const mine = new Set(treeOf(process.pid));
  return allProcesses().filter((p) => mine.has(p.pid) && p.pid !== process.pid && pattern.test(p.name)).map((p) => p.pid);
}

export interface CpuGroups {
  [group: string]: () => number[];
}

/** Measures each group's CPU seconds over `work`. Groups are re-read at the end (processes may have started). */
export async function measureCpu<T>(groups: CpuGroups, work: () => Promise<T>): Promise<{ result: T; seconds: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, cpuSeconds([pid])]))]));
  const result = await work();
  const seconds: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    seconds[name] = pids().reduce((sum, pid) => sum + cpuSeconds([pid]) - (before[name]!.get(pid) ?? 0), 0);
  }
  return { result, seconds };
}

/** CPU ticks of each thread of one process so far, by thread id, with the thread's name. */
export function threadTicks(pid: number): Map<number, { name: string; ticks: number }> {
  const threads = new Map<number, { name: string; ticks: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) {
    const stat = readStat(tid, `/proc/${pid}/task/${tid}/stat`);
    if (stat) threads.set(tid, { name: stat.name, ticks: stat.ownTicks });
  }
  return threads;
}

/**
 * Where a worker's CPU went between two readings, per order: its main thread (activities, PostgreSQL and HTTP,
 * the core bridge), the Rust core's threads, and each other JS thread (the workflow sandbox's thread, V8's
 * GC and compiler helpers), largest first.
 */
export function describeThreads(pid: number, before: Map<number, { ticks: number }>, orders: number): string {
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND / orders;
  let core = 0;
  let main = 0;
  const others: number[] = [];
  for (const [tid, thread] of threadTicks(pid)) {
    const used = thread.ticks - (before.get(tid)?.ticks ?? 0);
    if (tid === pid) main = used;
    else if (/^(tokio|workflow-proces)/.test(thread.name)) core += used;
    else if (used > 0) others.push(used);
  }
  const listed = others.sort((a, b) => b - a).map((t) => ms(t).toFixed(1)).join(', ');
  return `main ${ms(main).toFixed(1)} ms, Rust core ${ms(core).toFixed(1)} ms, other JS threads ${listed} ms`;
}
