import { PROGRESS_TITLES } from "./key-title.js";

/** the parts of a key the feedback needs */
export type TitledKey = { id: string; setTitle(title?: string): Promise<void> };

/** how long a result title stays before the key shows its own title again */
export const RESULT_TITLE_MS = 3000;

/** progress animation and result titles that clear themselves, per key */
export function createKeyFeedback(options: { progressIntervalMs?: number; resultTitleMs?: number } = {}) {
  const intervalMs = options.progressIntervalMs ?? 400;
  const resultMs = options.resultTitleMs ?? RESULT_TITLE_MS;
  const resets = new Map<string, NodeJS.Timeout>();
  const ignore = () => {};

  const cancelReset = (key: TitledKey) => {
    clearTimeout(resets.get(key.id));
    resets.delete(key.id);
  };

  return {
    /** animates the title until the returned stop function is called */
    progress(key: TitledKey): () => void {
      cancelReset(key);
      let frame = 0;
      key.setTitle(PROGRESS_TITLES[0]).catch(ignore);
      const timer = setInterval(() => {
        frame = (frame + 1) % PROGRESS_TITLES.length;
        key.setTitle(PROGRESS_TITLES[frame]).catch(ignore);
      }, intervalMs);
      return () => clearInterval(timer);
    },
    /** shows a short result title, then gives the key its own title back */
    async result(key: TitledKey, title: string): Promise<void> {
      cancelReset(key);
      await key.setTitle(title);
      const timer = setTimeout(() => {
        resets.delete(key.id);
        key.setTitle().catch(ignore);
      }, resultMs);
      timer.unref();
      resets.set(key.id, timer);
    },
  };
}
