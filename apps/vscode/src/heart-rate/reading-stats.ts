/** the minimum, average and maximum of the readings so far */
export interface ReadingSummary {
  count: number;
  min: number;
  max: number;
  /** rounded to a whole bpm */
  average: number;
}

/** keeps the minimum, average and maximum of the readings since the status bar item appeared */
export class ReadingStats {
  private count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  /** counts one reading */
  add(bpm: number): void {
    this.count += 1;
    this.sum += bpm;
    this.min = Math.min(this.min, bpm);
    this.max = Math.max(this.max, bpm);
  }

  /** the figures so far; undefined before the first reading */
  summary(): ReadingSummary | undefined {
    if (this.count === 0) return undefined;
    return { count: this.count, min: this.min, max: this.max, average: Math.round(this.sum / this.count) };
  }
}

/** the sentence Show Heart Rate shows: the figures since the item appeared, and the reading now when there is one */
export function summarySentence(summary: ReadingSummary | undefined, now?: number): string {
  if (!summary) {
    return "No heart-rate reading has arrived since the status bar item appeared. Check that your heart-rate monitor is on and sending to Pulsoid.";
  }
  const readings = summary.count === 1 ? "1 reading" : `${summary.count} readings`;
  const current = now === undefined ? "" : `Now ${now} bpm. `;
  return `${current}Since the status bar item appeared: minimum ${summary.min}, average ${summary.average}, maximum ${summary.max} bpm (${readings}).`;
}
