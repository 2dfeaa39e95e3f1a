// Drive `agreement preview` as a person at a browser would: open its page in headless
// Chromium, save the document, and time how long the page takes to show the save.
//
// Usage: node preview-check.mjs --url URL --file DOCUMENT --steps STEPS.json --shots DIR
// STEPS.json is a list of {"name", "replace": [old, new], "expect": text}: each step replaces
// `old` by `new` in DOCUMENT (one write, as an editor saves), then waits until the page
// that loads shows `expect` in its text. Prints one JSON object to stdout:
// {"steps": [{"name", "ms", "shown", "text"}]}: `ms` from the save to the load of the
// page that shows it (null when it did not within the time-out), `text` the page's text then.
// Exit 0 when every step could be tried, 2 on a usage or browser error.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];
const STEP_TIMEOUT_MS = 10000; // a safety net: the tests assert the bound, this only ends a broken run

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) options[argv[i].replace(/^--/, "")] = argv[i + 1];
  if (!options.url || !options.file || !options.steps || !options.shots) {
    process.stderr.write("usage: node preview-check.mjs --url URL --file DOCUMENT --steps STEPS.json --shots DIR\n");
    process.exit(2);
  }
  return options;
}

/** Resolves once the page's reload script has its event stream open: a save before that could go unseen. */
function listening(page) {
  return page.waitForResponse((response) => new URL(response.url()).pathname === "/events",
    { timeout: STEP_TIMEOUT_MS });
}

/** Save the step's change, then wait for loads until one shows the expected text. */
async function runStep(page, file, step, shots, index) {
  const text = readFileSync(file, "utf8");
  if (!text.includes(step.replace[0])) throw new Error(`step ${step.name}: ${JSON.stringify(step.replace[0])} is not in ${file}`);
  let ready = listening(page);
  const saved = performance.now();
  writeFileSync(file, text.replace(step.replace[0], step.replace[1]));
  const deadline = saved + STEP_TIMEOUT_MS;
  let shown = "";
  while (performance.now() < deadline) {
    try {
      await page.waitForEvent("load", { timeout: Math.max(1, deadline - performance.now()) });
    } catch {
      break;
    }
    const loaded = performance.now();
    try {
      shown = await page.evaluate(() => document.body.innerText);
    } catch (error) {
      // The page went on to the next version while it was being read: wait for that load.
      if (String(error).includes("Execution context was destroyed")) continue;
      throw error;
    }
    if (shown.includes(step.expect)) {
      await ready.catch(() => null);
      // The screenshot is for people to look at afterwards; one that times out on a busy machine
      // does not make the page any less shown.
      await page.screenshot({ path: resolve(shots, `preview-${index + 1}-${step.name}.png`), fullPage: false })
        .catch((error) => process.stderr.write(`screenshot of step ${step.name} not taken: ${error}\n`));
      return { name: step.name, ms: Math.round(loaded - saved), shown: true, text: shown.slice(0, 4000) };
    }
    ready = listening(page);
  }
  return { name: step.name, ms: null, shown: false, text: shown.slice(0, 4000) };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const steps = JSON.parse(readFileSync(options.steps, "utf8"));
  mkdirSync(options.shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results = [];
  try {
    const page = await browser.newPage();
    const ready = listening(page);
    await page.goto(options.url, { waitUntil: "load" });
    await ready;
    for (const [index, step] of steps.entries()) results.push(await runStep(page, options.file, step, options.shots, index));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ steps: results }) + "\n");
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
