// Opens copydesk report pages in headless Chromium (playwright-core) and checks them:
//   node check.js page REPORT.html CLAIMS.json [SCREENSHOT_PREFIX]
//     every marker's value equals its figure's in `claims --with-matches --format json`, the
//     pairs of a drawn figure are on its chart, no console error, no script injected;
//     screenshots (page, a chart with its tooltip) when a prefix is given.
//   node check.js bench REPORT.html   load time (navigation start → load event) and size, as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT_CORE || "playwright-core");

const exe = process.env.CHROMIUM || "/usr/bin/chromium";
const [mode, html, claimsFile, shots] = process.argv.slice(2);

function fail(msg) { console.error("FAIL: " + msg); process.exitCode = 1; }

async function open(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) errors.push("network request: " + r.url()); });
  await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
  return { page, errors };
}

async function checkPage(browser) {
  const { page, errors } = await open(browser, html);
  const claims = JSON.parse(fs.readFileSync(claimsFile, "utf8"));
  const values = new Map();
  const pairs = [];
  for (const f of claims.files) {
    for (const c of f.claims) {
      const key = f.path + "@" + c.start_byte;
      const v = c.value;
      if (!values.has(key)) values.set(key, typeof v === "number" ? [v, v] : [v.min, v.max]);
      for (const m of c.matches || []) {
        // a match carries the value the sources index compares ("passed 1,300" is more than
        // 1,300): the charts draw that one
        const mk = m.path + "@" + m.start_byte;
        values.set(mk, typeof m.value === "number" ? [m.value, m.value] : [m.value.min, m.value.max]);
        if (["agrees", "differs", "updated"].includes(m.verdict)) pairs.push([key, mk]);
      }
    }
  }
  const markers = await page.$$eval(".mk", (els) => els.map((e) => ({
    slot: e.closest("figure").dataset.slot,
    key: e.dataset.path + "@" + e.dataset.start,
    min: Number(e.dataset.min),
    max: e.dataset.max === "" ? null : Number(e.dataset.max),
    row: !!document.getElementById(e.dataset.row),
  })));
  const slots = await page.$$eval("figure.slot", (els) => els.map((e) => ({
    slot: e.dataset.slot, declared: Number(e.dataset.markers), omitted: Number(e.dataset.omitted),
    drawn: e.querySelectorAll(".mk").length,
  })));
  const slotOf = new Map();
  for (const m of markers) {
    const v = values.get(m.key);
    if (!v) { fail(`marker ${m.key} is no figure of claims`); continue; }
    if (v[0] !== m.min || v[1] !== m.max) fail(`marker ${m.key}: ${m.min}..${m.max}, claims say ${v[0]}..${v[1]}`);
    if (!m.row) fail(`marker ${m.key} has no table row`);
    slotOf.set(m.key, m.slot);
  }
  for (const s of slots) if (s.declared !== s.drawn) fail(`chart ${s.slot}: ${s.drawn} markers drawn, ${s.declared} declared`);
  // pairs of a figure on a complete chart are on that chart
  let checkedPairs = 0;
  for (const [a, b] of pairs) {
    const sa = slotOf.get(a);
    const full = slots.find((s) => s.slot === sa && s.omitted === 0);
    if (!full) continue;
    checkedPairs++;
    if (slotOf.get(b) !== sa) fail(`${a} and ${b} are paired by claims but not on one chart`);
  }
  // the tooltip: focus a marker, read the sentence
  let tooltip = "";
  if (markers.length) {
    await page.focus(".mk.conflict, .mk");
    tooltip = await page.$eval("#tip", (t) => (t.hidden ? "" : t.textContent));
    if (!tooltip) fail("focusing a marker shows no tooltip");
  }
  const pwned = await page.evaluate(() => window.pwned);
  if (pwned !== undefined) fail("article text ran as script");
  for (const e of errors) fail("console: " + e);
  if (shots) {
    await page.screenshot({ path: shots + "-page.png", fullPage: false });
    const fig = await page.$("figure.slot:has(.mk.update)") || await page.$("figure.slot");
    if (fig) {
      await fig.scrollIntoViewIfNeeded();
      const mk = await fig.$(".mk.conflict") || await fig.$(".mk");
      if (mk) await mk.hover();
      const box = await fig.boundingBox();
      await page.screenshot({ path: shots + "-chart.png", clip: { x: 0, y: box.y - 10, width: 1100, height: Math.min(box.height + 170, 900) } });
    }
    // the print layout: tables open, no tooltip
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const open = await page.$$eval("details", (d) => d.every((x) => x.open));
    if (!open) fail("printing leaves a table closed");
  }
  console.log(JSON.stringify({ page: html, charts: slots.length, markers: markers.length, pairs_checked: checkedPairs, tooltip: tooltip.slice(0, 80) }));
}

async function bench(browser) {
  const size = fs.statSync(html).size;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const { page, errors } = await open(browser, html);
    const t = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { load: n.loadEventEnd - n.startTime, dcl: n.domContentLoadedEventEnd - n.startTime };
    });
    times.push(t);
    for (const e of errors) fail("console: " + e);
    await page.close();
  }
  const best = times.reduce((a, b) => (a.load <= b.load ? a : b));
  console.log(JSON.stringify({ page: html, bytes: size, load_ms: Math.round(best.load), dom_content_loaded_ms: Math.round(best.dcl), runs: times.map((t) => Math.round(t.load)) }));
}

(async () => {
  const browser = await chromium.launch({ executablePath: exe, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    if (mode === "page") await checkPage(browser);
    else if (mode === "bench") await bench(browser);
    else fail("usage: node check.js page|bench …");
  } finally {
    await browser.close();
  }
})().catch((e) => { fail(String(e && e.stack || e)); });
