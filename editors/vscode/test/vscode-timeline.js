// "copydesk: Show Story Timeline" in a running code-server: opens an article, puts the cursor on a
// figure, runs the command from the command palette, then finds the chart inside the webview's
// iframes and checks it against `copydesk claims --with-matches --format json`: one marker per
// figure of the claim (the claim itself and every match), with the same values, and no console
// error from the webview. Then closes the webview, moves the cursor away, hovers the figure with
// the mouse and clicks the hover's "Show story timeline" link (so the link's own arguments name the
// figure), and checks the chart again. Saves a screenshot of the workbench with the chart beside
// the article. Last, with the cursor on no figure, the command must say so in a message.
// DEBUG_CONSOLE=1 prints every console message and the frames.
// Usage: NODE_PATH=<setup dir>/node_modules node vscode-timeline.js URL FILE_NAME LINE COL CLAIMS.json OUT.png
//   LINE, COL: 1-based, the figure's first character; CLAIMS.json: `claims --with-matches --format json`
//   over the workspace. Prints one line per check ("ok …" / "FAIL …") and exits 1 when any failed.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

/** The claim at (line, col) and its matches, as `basename@start_byte` → [min, max]. */
function expectedMarkers(claimsFile, fileName, line, col) {
  const claims = JSON.parse(fs.readFileSync(claimsFile, 'utf8'));
  const range = (v) => (typeof v === 'number' ? [v, v] : [v.min, v.max === undefined ? null : v.max]);
  for (const f of claims.files) {
    if (path.basename(f.path) !== fileName) continue;
    for (const c of f.claims) {
      if (c.line !== line || c.column > col || col > c.column + [...c.text].length) continue;
      const want = new Map([[`${fileName}@${c.start_byte}`, range(c.value)]]);
      for (const m of c.matches || []) want.set(`${path.basename(m.path)}@${m.start_byte}`, range(m.value));
      return { text: c.text, want };
    }
  }
  return undefined;
}

async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(title);
  await sleep(1000);
  await page.keyboard.press('Enter');
}

/** The frame that holds the report's chart (the webview's inner iframe), once it has markers. */
async function chartFrame(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const n = await frame.evaluate(() => document.querySelectorAll('figure.slot .mk').length).catch(() => 0);
      if (n > 0) return frame;
    }
    await sleep(500);
  }
  return undefined;
}

/** Every marker of the page in `frame`, as `basename@start` → [min, max], and the charts. */
async function readChart(frame) {
  return frame.evaluate(() => {
    const num = (s) => (s === '' || s === undefined ? null : Number(s));
    return {
      charts: [...document.querySelectorAll('figure.slot')].map((f) => ({
        declared: Number(f.dataset.markers), drawn: f.querySelectorAll('.mk').length,
      })),
      markers: [...document.querySelectorAll('figure.slot .mk')].map((m) => ({
        key: m.dataset.path.split(/[\\/]/).pop() + '@' + m.dataset.start,
        min: num(m.dataset.min), max: num(m.dataset.max),
      })),
      csp: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
    };
  });
}

function compare(chart, expected, how) {
  check(chart.charts.length === 1, `${how}: one chart (${chart.charts.length})`);
  for (const c of chart.charts) check(c.declared === c.drawn, `${how}: the chart draws the ${c.declared} markers it declares (${c.drawn})`);
  check(chart.markers.length === expected.want.size,
    `${how}: ${chart.markers.length} markers, claims --with-matches gives ${expected.want.size} figures for "${expected.text}"`);
  const seen = new Set();
  for (const m of chart.markers) {
    const v = expected.want.get(m.key);
    const same = v && v[0] === m.min && v[1] === m.max;
    check(!!same && !seen.has(m.key), `${how}: marker ${m.key} = ${m.min}..${m.max ?? '∞'} (claims: ${v ? `${v[0]}..${v[1] ?? '∞'}` : 'no such figure'})`);
    seen.add(m.key);
  }
}

/**
 * Opens FILE_NAME with Quick Open. A freshly started workbench may not have indexed the folder
 * yet (Quick Open then lists nothing): wait for the file's row, else close and type again.
 */
async function openFile(page, fileName) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 30000 });
    await page.keyboard.type(fileName);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first();
    const listed = await row.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    if (listed) {
      await page.keyboard.press('Enter');
      await page.waitForSelector('.editor-instance .view-lines', { timeout: 30000 });
      return;
    }
    if (attempt >= 8) throw new Error(`Quick Open does not list ${fileName}`);
    console.error(`Quick Open attempt ${attempt} did not list ${fileName} yet; trying again`);
  }
}

/** Puts the cursor on LINE:COL with Go to Line (Ctrl+G accepts `line:column`). */
async function goTo(page, line, col) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(`${line}:${col}`);
  await sleep(500);
  await page.keyboard.press('Enter');
  await sleep(500);
}

(async () => {
  const [url, fileName, lineS, colS, claimsFile, shot] = process.argv.slice(2);
  const line = Number(lineS);
  const col = Number(colS);
  const expected = expectedMarkers(claimsFile, fileName, line, col);
  if (!expected) throw new Error(`claims list no figure at ${fileName}:${line}:${col}`);
  check(expected.want.size > 1, `claims: "${expected.text}" is reported by ${expected.want.size - 1} other figures`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  // Console errors of the webview's frames (the workbench's own are not the extension's doing).
  const webviewErrors = [];
  // A message's location is the script or document it came from: the webview's documents
  // (contrib/webview/browser/pre/…), or none for code the page runs from a string.
  const fromWebview = (where) => !where || /\/contrib\/webview\/|^vscode-webview:|^about:|^blob:|^data:/.test(where);
  page.on('console', (m) => {
    const where = m.location() && m.location().url;
    if (process.env.DEBUG_CONSOLE) console.error('console', m.type(), JSON.stringify(m.location()), m.text().slice(0, 200));
    if (m.type() === 'error' && fromWebview(where)) webviewErrors.push(`${m.text()} (${where})`);
  });
  // Uncaught exceptions carry no location: any counts (a clean workbench run has none).
  page.on('pageerror', (e) => webviewErrors.push(`page error: ${e}`));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
  await sleep(3000);
  await openFile(page, fileName);

  // 1. The command palette, with the cursor on the figure (the side bar closed: room for the chart).
  await runCommand(page, 'View: Close Primary Side Bar');
  await sleep(500);
  await goTo(page, line, col);
  await runCommand(page, 'copydesk: Show Story Timeline');
  let frame = await chartFrame(page, 60000);
  check(!!frame, 'palette: the webview shows a chart');
  const tab = `Timeline: ${fileName}:${line}`;
  check(await page.locator('.tabs-container .tab', { hasText: tab }).count() === 1, `palette: the webview's tab is "${tab}"`);
  if (frame) {
    compare(await readChart(frame), expected, 'palette');
    // The tooltip works inside the webview (the page's script runs under its CSP).
    const tip = await frame.evaluate(() => {
      const m = document.querySelector('.mk');
      m.focus();
      const t = document.getElementById('tip');
      return t && !t.hidden ? t.textContent : '';
    }).catch((e) => `error: ${e}`);
    check(tip !== '' && !tip.startsWith('error:'), `palette: focusing a marker shows its tooltip (${tip.slice(0, 60)})`);
    // The page's Content-Security-Policy holds in the webview: an injected inline script does not
    // run, and the console listener hears the refusal (else "no console error" would prove nothing).
    const before = webviewErrors.length;
    const ran = await frame.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.copydeskProbe = 1;';
      document.body.appendChild(s);
      return new Promise((r) => setTimeout(() => r(window.copydeskProbe === 1), 300));
    }).catch((e) => `error: ${e}`);
    await sleep(500);
    const heard = webviewErrors.slice(before).filter((e) => /Content Security Policy/i.test(e));
    check(ran === false && heard.length > 0,
      `the page's CSP blocks an injected inline script in the webview (ran: ${ran}) and the console listener hears it (${heard.length})`);
    webviewErrors.splice(before);
    // The screenshot: the page from its top (title, story, chart), no tooltip.
    await frame.evaluate(() => { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); window.scrollTo(0, 0); }).catch(() => {});
    await sleep(500);
    await page.screenshot({ path: shot });
  }

  // 2. The hover's link: close the webview, hover the figure, click "Show story timeline".
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editor Groups');
  await sleep(1000);
  // Reopen the article (closing all groups closed it too) and hover the figure.
  check(!(await chartFrame(page, 3000)), 'closing the editors closed the webview');
  await openFile(page, fileName);
  // Where the figure is on screen: the cursor's box when it is on the figure. Then the cursor goes
  // to 1:1 (no figure there), so only the link's arguments can name the figure.
  await goTo(page, line, col);
  const cursor = await page.locator('.editor-instance .cursor').first().boundingBox().catch(() => null);
  check(!!cursor, 'hover: the figure is on screen');
  await goTo(page, 1, 1);
  let clicked = false;
  const hoverDeadline = Date.now() + 40000;
  while (cursor && !clicked && Date.now() < hoverDeadline) {
    await page.mouse.move(cursor.x + 200, cursor.y - 60);
    await sleep(300);
    await page.mouse.move(cursor.x + 4, cursor.y + cursor.height / 2);
    await sleep(2500);
    const link = page.locator('.monaco-hover:visible a', { hasText: 'Show story timeline' }).first();
    if (await link.count()) {
      await link.click();
      clicked = true;
    }
  }
  check(clicked, 'hover: the hover over the figure has a "Show story timeline" link');
  if (clicked) {
    frame = await chartFrame(page, 60000);
    check(!!frame, 'hover link: the webview shows a chart');
    if (frame) compare(await readChart(frame), expected, 'hover link');
  }
  // 3. Not on a figure: a message, not an empty page.
  await page.keyboard.press('Escape');
  const editor = page.locator('.editor-instance .view-lines').first();
  await editor.click({ position: { x: 5, y: 5 } }).catch(() => {});
  await goTo(page, 1, 1);
  await runCommand(page, 'copydesk: Show Story Timeline');
  let toast = '';
  const toastDeadline = Date.now() + 30000;
  while (Date.now() < toastDeadline && !toast.includes('no figure there')) {
    toast = await page.locator('.notification-toast').allInnerTexts().then((t) => t.join('\n')).catch(() => '');
    await sleep(500);
  }
  check(toast.includes('no figure there'), `not on a figure: the command says so (${toast.replace(/\s+/g, ' ').slice(0, 100)})`);

  check(webviewErrors.length === 0, `no console error from the webview${webviewErrors.length ? ': ' + webviewErrors.join(' | ') : ''}`);
  if (process.env.DEBUG_CONSOLE) console.error(`frames: ${page.frames().map((f) => f.url()).join('\n        ')}`);
  await browser.close();
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
