import type { UnfinishedCreate } from "@pulsekit/core";

/** what the user entered in Create Widget, kept when creating failed so the next run can resume it */
export interface WidgetDraft {
  presetId: string;
  name: string;
  configuration: Record<string, unknown>;
  metaId: string;
  failedAt: string;
  /** set when the failed create may have made the widget: the resumed create looks for it first */
  unfinished?: UnfinishedCreate;
}

/** the part of VS Code's Memento the draft store uses */
export interface DraftMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const DRAFT_KEY = "pulsekit.widgetDraft";

/** keeps at most one unfinished Create Widget input */
export class DraftStore {
  constructor(private readonly memento: DraftMemento) {}

  /** the draft left by a failed create, if any */
  read(): WidgetDraft | undefined {
    const draft = this.memento.get<WidgetDraft>(DRAFT_KEY);
    return draft && typeof draft.name === "string" && typeof draft.configuration === "object" ? draft : undefined;
  }

  /** keeps the input of a create that failed */
  async save(draft: Omit<WidgetDraft, "failedAt">): Promise<void> {
    await this.memento.update(DRAFT_KEY, { ...draft, failedAt: new Date().toISOString() });
  }

  /** forgets the draft (after a successful create or when the user starts over) */
  async clear(): Promise<void> {
    await this.memento.update(DRAFT_KEY, undefined);
  }
}
