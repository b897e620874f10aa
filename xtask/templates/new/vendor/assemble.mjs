// Run by trunk before each build (Trunk.toml's pre_build hook): installs the JavaScript
// libraries wasmlit draws charts and maps with (Vega, Vega-Lite, vega-embed, Leaflet), sanitizes
// `html` with (DOMPurify) and highlights `code` with (Prism) from the
// npm registry, at the versions package-lock.json pins, and copies their browser builds with
// their licences into vendor/wasmlit-vendor/, which index.html copies into the app's dist.
// The app loads each library only on a page that shows a chart or a map; nothing comes from a
// CDN, so the built app also works offline. Needs Node.js with npm; `npm ci` runs only when
// the lock file is newer than the last install.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "wasmlit-vendor");
// [file in node_modules, name in wasmlit-vendor]: the same list wasmlit's own setup copies.
const FILES = {{vendor_files}};
const IMAGES = "{{vendor_images}}";
// Prism's core and the languages `code` highlights, joined into one file in manual mode.
const PRISM = {{prism_languages}};

const modified = (path) => (existsSync(path) ? statSync(path).mtimeMs : -1);
if (modified(join(modules, ".package-lock.json")) < modified(join(here, "package-lock.json"))) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
}
mkdirSync(join(out, "images"), { recursive: true });
for (const [from, to] of FILES) {
  copyFileSync(join(modules, from), join(out, to));
}
for (const image of readdirSync(join(modules, IMAGES))) {
  copyFileSync(join(modules, IMAGES, image), join(out, "images", image));
}
let prism = "window.Prism = { manual: true };\n";
for (const language of PRISM) {
  prism += readFileSync(join(modules, "prismjs", "components", `prism-${language}.min.js`), "utf8") + "\n";
}
writeFileSync(join(out, "prism.min.js"), prism);
