export interface BenchRow {
  name: string;
  unit: string;
  rate: number;
  detail: string;
  ratio?: string;
}

/** Samples the process's resident memory until stopped; returns the peak in MB. */
export function peakRss(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1_048_576);
    },
  };
}

export function formatRows(title: string, rows: readonly BenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map((r) => `${r.name.padEnd(width)}  ${r.rate.toFixed(0).padStart(8)} ${r.unit.padEnd(10)} ${r.ratio ? `${r.ratio.padEnd(18)} ` : ''}${r.detail}`);
  return [title, '-'.repeat(title.length), ...lines].join('\n');
}
