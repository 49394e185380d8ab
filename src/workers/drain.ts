import type { Queue } from 'bullmq';

/** Waits until a queue has nothing waiting, active or delayed (polling; for commands and tests). */
export async function drain(queue: Queue, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue ${queue.name} did not drain: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
