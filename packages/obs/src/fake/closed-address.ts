import { type AddressInfo, createServer } from "node:net";

/** a ws:// address where no OBS listens: a port on 127.0.0.1 that was free a moment ago */
export async function closedObsAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `ws://127.0.0.1:${port}`;
}
