// the licence texts a bundle owes the packages it carries: MIT, ISC and BSD all ask that their notice ships
// with every copy. reads the package folders an esbuild metafile names, so it lists exactly what is inside
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/** the package folder an input under node_modules comes from, or undefined for the workspace's own files */
function packageFolder(absolute) {
  const parts = absolute.split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) return undefined;
  const length = parts[at + 1]?.startsWith("@") ? 3 : 2;
  return parts.slice(0, at + length).join(sep);
}

/**
 * one entry per bundled package: name, version, licence and its licence files' text
 * @param {import("esbuild").Metafile} metafile
 * @param {string} workingDir the build's absWorkingDir, which the metafile's paths are relative to
 */
export function bundledPackages(metafile, workingDir) {
  const folders = new Set();
  // with outputs, only inputs that left bytes in a bundle count: tree-shaken packages owe nothing
  const inputs = metafile.outputs
    ? Object.values(metafile.outputs).flatMap((output) =>
        Object.entries(output.inputs)
          .filter(([, use]) => use.bytesInOutput > 0)
          .map(([input]) => input),
      )
    : Object.keys(metafile.inputs);
  for (const input of inputs) {
    const folder = packageFolder(resolve(workingDir, input));
    if (folder) folders.add(folder);
  }
  const packages = [...folders].map((folder) => {
    const { name, version, license } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const texts = readdirSync(folder)
      .filter((file) => LICENCE_FILE.test(file))
      .sort()
      .map((file) => readFileSync(join(folder, file), "utf8").trim());
    return { name, version, license: license ?? "see below", texts };
  });
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

/** writes the notices file beside a bundle; fails the build when a bundled package has no licence text */
export function writeThirdPartyNotices(metafile, outFile, workingDir) {
  const packages = bundledPackages(metafile, workingDir);
  const missing = packages.filter((p) => p.texts.length === 0).map((p) => p.name);
  if (missing.length > 0) throw new Error(`no licence file to ship for: ${missing.join(", ")}`);
  const sections = packages.map((p) => `${p.name} ${p.version} (${p.license})\n\n${p.texts.join("\n\n")}`);
  const header = "This package bundles the following open-source packages. Their licences follow.\n";
  writeFileSync(outFile, `${header}\n${sections.join(`\n\n${"-".repeat(72)}\n\n`)}\n`);
  return packages;
}
