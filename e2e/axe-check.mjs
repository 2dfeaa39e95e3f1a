// Open built HTML files in headless Chromium the way a reader would, and report what
// the e2e tests assert on: axe-core violations, requests to other hosts, the page
// language, the skip link, horizontal overflow on a phone, script errors.
// Screenshots (desktop 1280 wide, phone 390 wide) are written for people to look at, and
// each page is printed (A4, print stylesheet, tagged) for the pagination tests to read.
//
// Usage: node axe-check.mjs --shots DIR --print DIR FILE.html...
// Prints one JSON object to stdout: {"pages": {"<file>": {...}}}. Exit 0 when every
// page could be checked (findings are data for the tests), 2 on a usage or browser error.

import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// Chromium must not call home: CI networks may be closed, and a test must not
// depend on the network anyway. Playwright adds --headless, --no-sandbox and a fresh profile.
const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const LOCAL_SCHEMES = ["file:", "data:", "blob:", "about:"];

function parseArgs(argv) {
  const files = [];
  let shots = null;
  let printed = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--shots") shots = argv[++i];
    else if (argv[i] === "--print") printed = argv[++i];
    else files.push(resolve(argv[i]));
  }
  if (!shots || !printed || files.length === 0) {
    process.stderr.write("usage: node axe-check.mjs --shots DIR --print DIR FILE.html...\n");
    process.exit(2);
  }
  return { shots: resolve(shots), printed: resolve(printed), files };
}

/** Record every request that leaves the machine, and refuse it. */
async function blockOtherHosts(context, foreign) {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme))) return route.continue();
    foreign.push(url);
    return route.abort();
  });
}

/** Facts read from the DOM: language, skip link, remote resources, overflow. */
function readPage() {
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const first = document.querySelector(focusable);
  const href = first && first.getAttribute("href");
  const target = href && href.startsWith("#") && href.length > 1
    ? document.getElementById(decodeURIComponent(href.slice(1)))
    : null;
  const remote = [];
  for (const element of document.querySelectorAll("[src], [srcset], link[href], [poster], object[data]")) {
    for (const name of ["src", "srcset", "href", "poster", "data"]) {
      const value = element.getAttribute(name);
      if (value && /(^|[\s,])(https?:)?\/\//i.test(value)) remote.push(`<${element.localName} ${name}="${value}">`);
    }
  }
  for (const style of document.querySelectorAll("style")) {
    for (const match of style.textContent.matchAll(/(?:@import|url\()\s*['"]?((?:https?:)?\/\/[^'")\s]+)/gi)) {
      remote.push(`<style> ${match[1]}`);
    }
  }
  return {
    // Set only by text of the document that ran as a script (see tests/e2e/documents/hostile-attributes.yaml).
    pwned: document.body.dataset.pwned || null,
    lang: document.documentElement.getAttribute("lang"),
    title: document.title,
    text: document.body.innerText,
    firstFocusable: first ? { tag: first.localName, href, text: first.textContent.trim() } : null,
    skipLinkTarget: target ? target.localName : null,
    remote,
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
    // Tables wider than their box: cut off (or scrolling inside a region) on a phone.
    wideTables: [...document.querySelectorAll("table")]
      .filter((table) => table.scrollWidth > table.parentElement.clientWidth + 1)
      .map((table) => (table.querySelector("caption") || table).textContent.trim().slice(0, 80)),
  };
}

async function runAxe(page) {
  await page.addScriptTag({ path: AXE_SOURCE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => ({
      target: node.target.join(" "),
      html: node.html.slice(0, 200),
      summary: node.failureSummary,
    })),
    count: violation.nodes.length,
  }));
}

/** Open one file in one context (desktop or phone), screenshot it, read it, and print it when
 * `print` names a PDF to write (as a reader would print it: A4 from the stylesheet's @page, the
 * print stylesheet, a tagged PDF with an outline). */
async function visit(context, file, shot, print) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  const address = pathToFileURL(file).href;
  await page.goto(address, { waitUntil: "load" });
  await page.focus("body");
  await page.mouse.move(10, 10);
  await page.waitForTimeout(300); // time for a <meta http-equiv="refresh"> or a handler to act, were there one
  const stayed = page.url() === address;
  await page.screenshot({ path: shot, fullPage: true });
  if (print) await page.pdf({ path: print, preferCSSPageSize: true, tagged: true, outline: true, printBackground: true });
  const facts = { ...(stayed ? await page.evaluate(readPage) : {}), stayed, url: page.url() };
  const violations = await runAxe(page);
  await page.close();
  return { ...facts, violations, errors, screenshot: shot };
}

async function main() {
  const { shots, printed, files } = parseArgs(process.argv.slice(2));
  mkdirSync(shots, { recursive: true });
  mkdirSync(printed, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pages = {};
  try {
    const layouts = {};
    for (const [name, options] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
      // bypassCSP: axe is injected as a script even when the page forbids scripts.
      layouts[name] = await browser.newContext({ ...options, bypassCSP: true, locale: "sv-SE" });
    }
    for (const file of files) {
      const foreign = [];
      const report = { foreignRequests: foreign };
      for (const [name, context] of Object.entries(layouts)) {
        await context.unroute("**/*");
        await blockOtherHosts(context, foreign);
        const stem = basename(file).replace(/\.html?$/i, "");
        const print = name === "desktop" ? resolve(printed, `${stem}.pdf`) : null;
        report[name] = await visit(context, file, resolve(shots, `${stem}-${name}.png`), print);
      }
      pages[file] = report;
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ pages }, null, 2) + "\n");
}

main().catch((error) => {
  process.stderr.write(`axe-check: ${error && error.stack ? error.stack : error}\n`);
  process.exit(2);
});
