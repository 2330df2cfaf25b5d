import { randomUUID } from "node:crypto";
import { loadData, removeLeftoverTempFiles, saveData } from "./persistence.js";

/** a widget as the API returns it */
export interface StoredWidget {
  id: string;
  meta_id: string;
  configuration: Record<string, unknown>;
  name: string;
}

/** an access token the emulator accepts */
export interface StoredToken {
  token: string;
  scopes: string[];
  clientId: string;
  profileId: string | null;
  /** epoch milliseconds */
  expiresAt: number;
}

/** widgets and tokens, in memory and optionally mirrored to a data file */
export interface Store {
  widgets(): StoredWidget[];
  findWidget(id: string): StoredWidget | undefined;
  addWidget(widget: Omit<StoredWidget, "id"> & { id?: string }): StoredWidget;
  replaceConfiguration(id: string, configuration: Record<string, unknown>): StoredWidget | undefined;
  findToken(token: string): StoredToken | undefined;
  addToken(token: StoredToken): StoredToken;
  revokeToken(token: string): boolean;
  clear(): void;
}

/** creates the store; with a data file it loads it now and saves after every change */
export function createStore(dataFile?: string): Store {
  const widgets: StoredWidget[] = [];
  const tokens = new Map<string, StoredToken>();
  if (dataFile) {
    removeLeftoverTempFiles(dataFile);
    const data = loadData(dataFile);
    widgets.push(...data.widgets);
    for (const token of data.tokens) tokens.set(token.token, token);
  }
  const persist = () => {
    if (dataFile) saveData(dataFile, { version: 1, widgets, tokens: [...tokens.values()] });
  };
  const copy = (widget: StoredWidget): StoredWidget => structuredClone(widget);

  return {
    widgets: () => widgets.map(copy),
    findWidget(id) {
      const widget = widgets.find((w) => w.id === id);
      return widget && copy(widget);
    },
    addWidget(input) {
      const widget: StoredWidget = {
        id: input.id ?? randomUUID(),
        meta_id: input.meta_id,
        configuration: structuredClone(input.configuration),
        name: input.name,
      };
      widgets.push(widget);
      persist();
      return copy(widget);
    },
    replaceConfiguration(id, configuration) {
      const widget = widgets.find((w) => w.id === id);
      if (!widget) return undefined;
      widget.configuration = structuredClone(configuration);
      persist();
      return copy(widget);
    },
    findToken: (token) => tokens.get(token),
    addToken(token) {
      tokens.set(token.token, token);
      persist();
      return token;
    },
    revokeToken(token) {
      const existed = tokens.delete(token);
      if (existed) persist();
      return existed;
    },
    clear() {
      widgets.length = 0;
      tokens.clear();
      persist();
    },
  };
}
