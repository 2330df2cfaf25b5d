/** what the page knows about OBS: nothing yet, asking, its scenes, or why it could not get them */
export type ObsKnown =
  | { state: "unknown" }
  | { state: "asking" }
  | { state: "scenes"; scenes: string[]; currentProgramScene?: string }
  | { state: "failed"; detail: string };

/** one choice of the Scene list */
export type SceneOption = { value: string; label: string };

/** the Scene field: a list filled from OBS, or a text field with a line saying why OBS gave no list */
export type SceneField =
  | { kind: "list"; options: SceneOption[]; selected: string }
  | { kind: "text"; value: string; note: string };

/** the label of the empty scene: OBS's program scene at the time of the press */
export const CURRENT_PROGRAM_SCENE = "Current program scene";

/** how the Scene field shows for the key's saved scene (empty: the current program scene) and what OBS said */
export function sceneField(saved: string | undefined, obs: ObsKnown): SceneField {
  const scene = saved?.trim() ?? "";
  if (obs.state !== "scenes") {
    const note =
      obs.state === "failed"
        ? `Could not get the scenes from OBS. ${obs.detail}`
        : obs.state === "asking"
          ? "Asking OBS for its scenes…"
          : "";
    return { kind: "text", value: scene, note };
  }
  const now = obs.currentProgramScene;
  const options: SceneOption[] = [
    { value: "", label: now ? `${CURRENT_PROGRAM_SCENE} (now "${now}")` : CURRENT_PROGRAM_SCENE },
    ...obs.scenes.map((name) => ({ value: name, label: name })),
  ];
  // a scene saved earlier that OBS no longer has stays chosen, marked, so a press's failure is no surprise
  if (scene && !obs.scenes.includes(scene)) options.push({ value: scene, label: `${scene} (not in OBS)` });
  return { kind: "list", options, selected: scene };
}

/** the OBS part's status line: connected with how many scenes, or what went wrong */
export function obsStatusLine(obs: ObsKnown): string {
  switch (obs.state) {
    case "unknown":
      return "";
    case "asking":
      return "Connecting to OBS…";
    case "failed":
      return obs.detail;
    case "scenes": {
      const count = obs.scenes.length === 1 ? "1 scene" : `${obs.scenes.length} scenes`;
      const onAir = obs.currentProgramScene ? `, "${obs.currentProgramScene}" on air` : "";
      return `Connected to OBS: ${count}${onAir}.`;
    }
  }
}

/** the password field's state: whether one is saved, never what it is */
export function obsPasswordState(passwordSaved: boolean): { placeholder: string; line: string } {
  return passwordSaved
    ? { placeholder: "saved (hidden)", line: "A password is saved. Type a new one to replace it." }
    : { placeholder: "none", line: "No password saved: fine when OBS asks for none." };
}
