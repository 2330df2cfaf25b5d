import { describe, expect, it } from "vitest";
import { cleanInstallEnv } from "../clean-env.mjs";

describe("cleanInstallEnv", () => {
  const runnerEnv = {
    PATH: "/usr/bin",
    HOME: "/home/streamer",
    npm_config_user_agent: "pnpm/12.4.2 npm/? node/v20.20.2 linux x64",
    npm_config_frozen_lockfile: "",
    npm_lifecycle_event: "test:host",
    npm_lifecycle_script: "node test/host/run.mjs",
    npm_package_name: "pulsekit-vscode",
    npm_execpath: "/work/.tools/pnpm/bin/pnpm.mjs",
    PNPM_SCRIPT_SRC_DIR: "/work/apps/vscode",
    pnpm_config_verify_deps_before_run: "false",
    INIT_CWD: "/work",
    npm_config_registry: "https://registry.example/",
    npm_config_https_proxy: "http://proxy.example:3128",
  };

  it("drops what pnpm and npm set for the script they run", () => {
    const clean = cleanInstallEnv({}, runnerEnv);
    expect(Object.keys(clean).filter((name) => /^(npm_lifecycle|npm_package|pnpm_)/i.test(name))).toEqual([]);
    expect(clean).not.toHaveProperty("npm_config_user_agent");
    expect(clean).not.toHaveProperty("npm_config_frozen_lockfile");
    expect(clean).not.toHaveProperty("npm_execpath");
    expect(clean).not.toHaveProperty("INIT_CWD");
  });

  it("keeps the machine's own variables and the network settings an install needs", () => {
    const clean = cleanInstallEnv({}, runnerEnv);
    expect(clean).toMatchObject({
      PATH: "/usr/bin",
      HOME: "/home/streamer",
      npm_config_registry: "https://registry.example/",
      npm_config_https_proxy: "http://proxy.example:3128",
    });
  });

  it("adds what the install itself needs on top", () => {
    const clean = cleanInstallEnv({ PATH: "/opt/node24/bin:/usr/bin", npm_config_nodedir: "/opt/node24" }, runnerEnv);
    expect(clean.PATH).toBe("/opt/node24/bin:/usr/bin");
    expect(clean.npm_config_nodedir).toBe("/opt/node24");
  });
});
