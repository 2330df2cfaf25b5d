import * as vscode from "vscode";
import type { Ui } from "./ui";

/** thrown inside a step when the user pressed Back */
export class BackSignal extends Error {
  constructor() {
    super("back");
  }
}

/** thrown inside a step when the user closed the input */
export class CancelSignal extends Error {
  constructor() {
    super("cancelled");
  }
}

/** one step of a flow: asks, updates the state, returns the next step (or nothing when done) */
export type Step<S> = (input: MultiStepInput, state: S) => Promise<Step<S> | undefined>;

/** a quick pick item that can carry a value */
export interface PickItem<V> extends vscode.QuickPickItem {
  value: V;
}

interface StepShape {
  title: string;
  step: number;
  totalSteps: number;
}

/**
 * a multi-step input: each step shows "title (n/total)" with a Back button from step 2 on;
 * Back returns to the previous step, closing the input cancels the whole flow
 */
export class MultiStepInput {
  private readonly history: Step<never>[] = [];
  private current?: vscode.QuickInput;

  private constructor(private readonly ui: Ui) {}

  /** runs steps from `start`; resolves true when the last step finished, false when cancelled */
  static async run<S>(ui: Ui, start: Step<S>, state: S): Promise<boolean> {
    const input = new MultiStepInput(ui);
    try {
      return await input.drive(start, state);
    } finally {
      input.current?.dispose();
    }
  }

  private async drive<S>(start: Step<S>, state: S): Promise<boolean> {
    const history = this.history as unknown as Step<S>[];
    let step: Step<S> | undefined = start;
    while (step) {
      history.push(step);
      try {
        step = await step(this, state);
      } catch (error) {
        if (error instanceof BackSignal) {
          history.pop();
          step = history.pop();
        } else if (error instanceof CancelSignal) {
          return false;
        } else {
          throw error;
        }
      }
    }
    return true;
  }

  /** closes the shown input, e.g. while an editor takes over; the next step shows a new one */
  release(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  /** true when Back would lead somewhere */
  get canGoBack(): boolean {
    return this.history.length > 1;
  }

  /** shows a quick pick and resolves to the chosen item */
  async pick<V, T extends PickItem<V>>(
    shape: StepShape & { placeholder: string; items: readonly T[]; active?: T; ignoreFocusOut?: boolean },
  ): Promise<T> {
    const quickPick = this.ui.createQuickPick<T>();
    quickPick.title = shape.title;
    quickPick.step = shape.step;
    quickPick.totalSteps = shape.totalSteps;
    quickPick.placeholder = shape.placeholder;
    quickPick.items = shape.items;
    quickPick.ignoreFocusOut = shape.ignoreFocusOut ?? true;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    // the highlighted item is known here before the step shows: in a remote window the extension host
    // can hear of the workbench's highlight after the Enter that accepts it
    const highlighted = shape.active ?? shape.items[0];
    if (highlighted) quickPick.activeItems = [highlighted];
    quickPick.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    return this.show(quickPick, (resolve) => [
      quickPick.onDidAccept(() => {
        const chosen =
          quickPick.selectedItems[0] ?? quickPick.activeItems[0] ?? (quickPick.value ? undefined : highlighted);
        if (chosen) resolve(chosen);
      }),
    ]);
  }

  /** shows an input box, validating as the user types; resolves to the accepted text */
  async text(
    shape: StepShape & {
      prompt: string;
      value?: string;
      placeholder?: string;
      password?: boolean;
      validate?: (value: string) => string | undefined;
    },
  ): Promise<string> {
    const box = this.ui.createInputBox();
    box.title = shape.title;
    box.step = shape.step;
    box.totalSteps = shape.totalSteps;
    box.prompt = shape.prompt;
    box.value = shape.value ?? "";
    box.placeholder = shape.placeholder;
    box.password = shape.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const check = (value: string) => {
      box.validationMessage = shape.validate?.(value);
      return box.validationMessage === undefined;
    };
    if (box.value) check(box.value);
    return this.show(box, (resolve) => [
      box.onDidChangeValue((value) => check(value)),
      box.onDidAccept(() => {
        if (check(box.value)) resolve(box.value);
      }),
    ]);
  }

  private show<R>(input: vscode.QuickInput, listen: (resolve: (value: R) => void) => vscode.Disposable[]): Promise<R> {
    const previous = this.current;
    this.current = input;
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      const disposables: vscode.Disposable[] = [];
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        for (const disposable of disposables) disposable.dispose();
        action();
      };
      disposables.push(
        ...listen((value) => finish(() => resolve(value))),
        input.onDidHide(() => finish(() => reject(new CancelSignal()))),
      );
      if ("onDidTriggerButton" in input) {
        const withButtons = input as vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;
        disposables.push(
          withButtons.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) finish(() => reject(new BackSignal()));
          }),
        );
      }
      input.show();
      // disposed after the new one shows, so the panel does not flicker closed between steps
      previous?.dispose();
    });
  }
}
