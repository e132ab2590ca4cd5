// Opens a site built by `roadmapctl site` in headless Chromium, as a person would (driven by
// playwright-core; tests/test_site_chromium.py runs it). Usage:
//   node site_browser.js SITE_DIR SHOTS_DIR CHROMIUM AXE_PAGES...
// Prints one JSON object: for every page, the console errors, failed and external requests, broken
// links, the horizontal overflow at 390 px; axe-core's violations for AXE_PAGES; what the index's
// filters and sorting show. Screenshots go to SHOTS_DIR.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL, fileURLToPath } = require("url");
const { chromium } = require("playwright-core");

const [siteDir, shotsDir, executable, ...axePages] = process.argv.slice(2);
const AXE = require.resolve("axe-core/axe.min.js");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run"];

function pages(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { out.push(...pages(full)); }
    else if (entry.name.endsWith(".html")) { out.push(full); }
  }
  return out.sort();
}

async function visit(context, file, result) {
  const page = await context.newPage();
  const rel = path.relative(siteDir, file);
  const found = { console: [], failed: [], external: [], links: [], overflow: 0 };
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") { found.console.push(m.text()); } });
  page.on("pageerror", (e) => found.console.push(String(e)));
  page.on("requestfailed", (r) => found.failed.push(r.url()));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) { found.external.push(r.url()); } });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const info = await page.evaluate(() => ({
    links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  found.overflow = info.overflow;
  for (const link of info.links) {
    const url = new URL(link);
    if (url.protocol !== "file:") { found.links.push(`external: ${link}`); continue; }
    const target = fileURLToPath(url);
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) { found.links.push(`missing: ${link}`); continue; }
    if (url.hash && target === file && !info.ids.includes(decodeURIComponent(url.hash.slice(1)))) {
      found.links.push(`no anchor: ${link}`);
    }
  }
  if (axePages.includes(rel)) {
    await page.addScriptTag({ path: AXE });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { preload: false, runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    found.axe = axe;
  }
  result.pages[rel] = found;
  return page;
}

async function rows(page) {
  return page.evaluate(() => [...document.querySelectorAll("#index-table tbody tr")].map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent)));
}

(async () => {
  const browser = await chromium.launch({ executablePath: executable, args: FLAGS });
  const result = { pages: {}, filters: {}, shots: [] };
  try {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    for (const file of pages(siteDir)) {
      const page = await visit(narrow, file, result);
      const rel = path.relative(siteDir, file);
      if (rel === "index.html" || axePages.slice(0, 4).includes(rel)) {
        const shot = path.join(shotsDir, `390-${result.shots.length}.png`);
        await page.screenshot({ path: shot, fullPage: false });
        result.shots.push([rel, shot]);
      }
      await page.close();
    }
    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await wide.newPage();
    await page.goto(pathToFileURL(path.join(siteDir, "index.html")).href);
    result.filters.all = await rows(page);
    await page.selectOption("#f-municipality", "город Тула");
    result.filters.municipality = await rows(page);
    await page.selectOption("#f-municipality", "");
    await page.selectOption("#f-status", "broken");
    result.filters.broken = await rows(page);
    await page.selectOption("#f-status", "overdue");
    result.filters.overdue = await rows(page);
    await page.selectOption("#f-status", "");
    await page.fill("#f-party", "МБОУ ЦО № 17 (город Тула)");
    await page.waitForFunction(() => window.roadmapctlParties && !document.getElementById("party-link").hidden);
    result.filters.suggestions = await page.evaluate(() => [...document.querySelectorAll("#party-names option")].map((o) => o.value));
    result.filters.party = await rows(page);
    result.filters.partyLink = await page.evaluate(() => { const a = document.querySelector("#party-link a"); return a ? a.getAttribute("href") : null; });
    await page.fill("#f-party", "");
    await page.click("th button[data-key='o']");
    result.filters.byOverdue = await rows(page);
    result.filters.status = await page.textContent("#shown");
    const shot = path.join(shotsDir, "1280-index.png");
    await page.screenshot({ path: shot, fullPage: true });
    result.shots.push(["index.html (sorted by overdue)", shot]);
    await page.emulateMedia({ media: "print" });
    const pdf = path.join(shotsDir, "index.pdf");
    await page.pdf({ path: pdf, format: "A4" });
    result.pdf = fs.statSync(pdf).size;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(3); });
