import { afterEach } from "vitest";
import { type FakeObs, type FakeObsOptions, startFakeObs } from "../src/fake/index.js";

export const widget = {
  id: "8a3b1c2d-0000-4000-8000-000000000001",
  name: "Heart Rate",
  url: "https://pulsoid.net/widget/view/8a3b1c2d-0000-4000-8000-000000000001",
};

const running: FakeObs[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

/** a fake OBS closed after the test */
export async function fakeObs(options: FakeObsOptions = {}): Promise<FakeObs> {
  const fake = await startFakeObs(options);
  running.push(fake);
  return fake;
}

/** waits until the fake has no open connection, or fails after a second */
export async function connectionsClosed(fake: FakeObs): Promise<number> {
  const until = Date.now() + 1000;
  while (fake.connections() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  return fake.connections();
}

/** the rejection of a promise that must reject */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}
