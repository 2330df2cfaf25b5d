import { ObsError } from "@pulsekit/obs";
import { describe, expect, it } from "vitest";
import { isWebSocketAddress, obsErrorActions, obsErrorMessage, obsSuccessMessage } from "./obs-text";

const widget = { name: "Heart", url: "https://pulsoid.net/widget/view/abc" };
const error = (kind: ObsError["kind"], message = "OBS said no. Do this.") =>
  new ObsError(kind, message, { address: "ws://127.0.0.1:4455" });
const plain = { afterCreate: false, addressLooksWrong: false };

describe("obsSuccessMessage", () => {
  it("names the source and the scene, for a new source and an updated one", () => {
    expect(obsSuccessMessage({ action: "created", scene: "Gameplay", inputName: "Heart", requests: 3 })).toBe(
      'Added "Heart" to the OBS scene "Gameplay".',
    );
    expect(obsSuccessMessage({ action: "updated", scene: "Gameplay", inputName: "Heart", requests: 4 })).toBe(
      'Updated the OBS source "Heart" in the scene "Gameplay" to this widget\'s URL.',
    );
  });
});

describe("obsErrorActions", () => {
  it("offers Retry and Open Settings when OBS cannot be reached, Enter Password when it refused", () => {
    expect(obsErrorActions(error("unreachable"), plain)).toEqual(["Retry", "Open Settings"]);
    expect(obsErrorActions(error("auth_failed"), plain)).toEqual(["Enter Password"]);
    expect(obsErrorActions(error("unknown_scene"), plain)).toEqual(["Choose Scene…"]);
  });

  it("offers Retry for a dropped or slow connection, and the settings when the address is no WebSocket one", () => {
    expect(obsErrorActions(error("disconnected"), plain)).toEqual(["Retry"]);
    expect(obsErrorActions(error("timeout"), plain)).toEqual(["Retry"]);
    expect(obsErrorActions(error("failed"), { ...plain, addressLooksWrong: true })).toEqual(["Retry", "Open Settings"]);
  });

  it("offers the widget's URL after a create, whatever went wrong", () => {
    expect(obsErrorActions(error("unreachable"), { ...plain, afterCreate: true })).toEqual([
      "Retry",
      "Open Settings",
      "Copy OBS URL",
    ]);
  });
});

describe("obsErrorMessage", () => {
  it("keeps @pulsekit/obs's sentence as it is", () => {
    expect(obsErrorMessage(error("unreachable"), widget, false)).toBe("OBS said no. Do this.");
  });

  it("says after a create that the widget exists, unless the sentence already gives its URL", () => {
    expect(obsErrorMessage(error("unreachable"), widget, true)).toBe(
      'OBS said no. Do this. The widget "Heart" was created all the same: Copy OBS URL gives its URL to add by hand.',
    );
    const named = error("disconnected", `closed. The widget "Heart" itself was created: ${widget.url}.`);
    expect(obsErrorMessage(named, widget, true)).toBe(named.message);
  });
});

describe("isWebSocketAddress", () => {
  it("accepts ws:// and wss:// addresses only", () => {
    expect(isWebSocketAddress("ws://127.0.0.1:4455")).toBe(true);
    expect(isWebSocketAddress(" wss://obs.local ")).toBe(true);
    expect(isWebSocketAddress("http://127.0.0.1:4455")).toBe(false);
    expect(isWebSocketAddress("127.0.0.1:4455")).toBe(false);
  });
});
