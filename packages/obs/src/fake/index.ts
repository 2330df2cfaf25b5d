export { obsAuthString } from "./auth.js";
export { closedObsAddress } from "./closed-address.js";
export {
  type FakeIdentify,
  type FakeObs,
  type FakeObsOptions,
  type FakeRequest,
  type FakeSceneView,
  startFakeObs,
} from "./server.js";
export type { FakeInput, FakeInputSeed } from "./state.js";
