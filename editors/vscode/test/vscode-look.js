// Opens a file in a running code-server, waits for the Problems panel to show the expected text,
// hovers a word until the hover shows the expected text, runs the extension's Show Comparisons and
// Check Workspace commands from the command palette, and saves screenshots.
// Based on shared/tools/vscode-look.js, with polling instead of fixed waits (a cold language server
// and a cold workbench take a variable time) and a few workbench distractions closed.
// Usage: NODE_PATH=<setup dir>/node_modules node vscode-look.js URL FILE_NAME HOVER_TEXT OUT_PREFIX [PROBLEMS_WAIT_FOR] [HOVER_WAIT_FOR]
// Prints the Problems panel text, the hover text, the notifications and the copydesk output channel,
// so a test can assert on them.
const { chromium } = require('playwright-core');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(title);
  await sleep(1000);
  await page.keyboard.press('Enter');
}

(async () => {
  const [url, fileName, hoverText, out, problemsWaitFor = '', hoverWaitFor = ''] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
  await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 60000 }).catch(() => {});
  await sleep(3000);
  // Quick Open the article (again if a busy or freshly installed workbench had not indexed the
  // files yet: the first Quick Open then finds nothing).
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget', { state: 'visible', timeout: 30000 });
    await page.keyboard.type(fileName);
    await sleep(1500 * attempt);
    await page.keyboard.press('Enter');
    try {
      await page.waitForSelector('.editor-instance .view-lines', { timeout: 30000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      console.error(`Quick Open attempt ${attempt} opened no editor; trying again`);
    }
  }
  // Close notifications so they do not cover the editor or the panel.
  await page.keyboard.press('Escape');
  // Problems panel: poll until the server has published.
  await page.keyboard.press('Control+Shift+M');
  let problems = '';
  const deadline = Date.now() + 60000;
  for (;;) {
    problems = await page.locator('.markers-panel').innerText().catch(() => '');
    if (!problemsWaitFor || problems.includes(problemsWaitFor) || Date.now() > deadline) break;
    await sleep(1000);
  }
  // Back to the editor (the panel keeps showing) and make sure the cursor is not over the word.
  await page.locator('.editor-instance .view-lines').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
  await sleep(1000);
  await page.screenshot({ path: `${out}-problems.png` });
  let hover = '';
  let notifications = '';
  const word = page.locator('.editor-instance .view-lines span', { hasText: hoverText }).last();
  if (await word.count()) {
    await word.scrollIntoViewIfNeeded().catch(() => {});
    const hoverDeadline = Date.now() + 30000;
    for (let attempt = 0; ; attempt++) {
      const box = await word.boundingBox();
      const line = await word.innerText();
      const offset = Math.max(0, line.indexOf(hoverText));
      const charWidth = box.width / Math.max(1, line.length);
      // Leave and re-enter the word so the editor asks again.
      await page.mouse.move(box.x + 2, box.y - 40);
      await sleep(300);
      await page.mouse.move(box.x + (offset + 1) * charWidth, box.y + box.height / 2);
      await sleep(2500);
      hover = await page.locator('.monaco-hover:visible').allInnerTexts().then((t) => t.join('\n')).catch(() => '');
      if (!hoverWaitFor || hover.includes(hoverWaitFor) || Date.now() > hoverDeadline) break;
    }
    await page.screenshot({ path: `${out}-hover.png` });

    // Command palette: Show Comparisons for the claim under the cursor, then Check Workspace.
    const box = await word.boundingBox();
    const line = await word.innerText();
    const charWidth = box.width / Math.max(1, line.length);
    await page.mouse.click(box.x + (Math.max(0, line.indexOf(hoverText)) + 1) * charWidth, box.y + box.height / 2);
    await page.keyboard.press('Escape');
    await runCommand(page, 'copydesk: Show Comparisons for Claim');
    await sleep(4000);
    await page.screenshot({ path: `${out}-comparisons.png` });
    await runCommand(page, 'copydesk: Check Workspace');
    const toastDeadline = Date.now() + 20000;
    while (Date.now() < toastDeadline) {
      notifications = await page.locator('.notification-toast').allInnerTexts().then((t) => t.join('\n')).catch(() => '');
      if (notifications.includes('copydesk checked')) break;
      await sleep(500);
    }
  }
  // The extension's output channel: which server it runs. Best effort (only a screenshot).
  let output = '';
  try {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Output: Show Output Channels');
    await sleep(800);
    await page.keyboard.type('copydesk');
    await sleep(800);
    await page.keyboard.press('Enter');
    await sleep(2000);
    // Scroll the channel to its first lines, where the extension names the server.
    await page.locator('.panel .monaco-editor .view-lines').first().click({ position: { x: 40, y: 10 } }).catch(() => {});
    await page.keyboard.press('Control+Home');
    await sleep(1000);
    output = await page.locator('.panel .monaco-editor .view-lines').first().innerText().catch(() => '');
    await page.screenshot({ path: `${out}-output.png` });
  } catch (e) {
    console.error(`output channel: ${e}`);
  }
  console.log('PROBLEMS:\n' + problems + '\nHOVER:\n' + hover + '\nNOTIFICATIONS:\n' + notifications + '\nOUTPUT:\n' + output);
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
