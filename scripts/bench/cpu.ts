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
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the name is in parentheses and may hold spaces: split after the last ')'
    const close = text.lastIndexOf(')');
    const name = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { pid, ppid, name, ticks };
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
  return pids.map(readStat).reduce((sum, s) => sum + (s?.ticks ?? 0), 0) / TICKS_PER_SECOND;
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
