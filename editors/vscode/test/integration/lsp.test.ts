// Drives the real `copydesk lsp` the way VS Code's language client does, over stdio, with the
// client capabilities VS Code sends. Needs the built binary (COPYDESK_BIN, else target/debug, else
// target/release) and the seed articles in ../shared/seeds; skips with a message when either is absent.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  HoverRequest,
  CodeActionRequest,
  ExecuteCommandRequest,
  ShutdownRequest,
  ExitNotification,
  Diagnostic,
  Hover,
  MarkupContent,
  ClientCapabilities,
  ConfigurationRequest,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

const EXT_ROOT = path.resolve(__dirname, '../../..');
const REPO_ROOT = path.resolve(EXT_ROOT, '../..');
const SEEDS = process.env.COPYDESK_SEEDS ?? path.resolve(REPO_ROOT, '../shared/seeds');
const SEED_000 = '000_85c950aaef89da52.txt';
const SEED_002 = '002_b02f48862c04265b.txt';
const TIMEOUT_MS = 15_000;

function findBinary(): string | undefined {
  const candidates = [
    process.env.COPYDESK_BIN,
    path.join(REPO_ROOT, 'target/debug/copydesk'),
    path.join(REPO_ROOT, 'target/release/copydesk'),
  ].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p));
}

// What VS Code 1.9x's language client announces for the features this server uses.
const VSCODE_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: true },
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: false,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'],
        },
      },
      honorsChangeAnnotations: false,
    },
    inlayHint: { dynamicRegistration: true, resolveSupport: { properties: ['tooltip', 'textEdits', 'label.tooltip', 'label.location', 'label.command'] } },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
};

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents as MarkupContent | string | Array<string | { value: string }> | { value: string };
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line].indexOf(needle); // JS string indices are UTF-16 code units
    if (character >= 0) return { line, character: character + 1 };
  }
  throw new Error(`"${needle}" not found`);
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const bin = findBinary();
const seedsPresent = fs.existsSync(path.join(SEEDS, SEED_000)) && fs.existsSync(path.join(SEEDS, SEED_002));
const skip = !bin
  ? 'no copydesk binary: set COPYDESK_BIN or run `cargo build` (looked in target/debug and target/release)'
  : !seedsPresent
    ? `seed articles not found in ${SEEDS}`
    : false;
if (skip) console.log(`# SKIP copydesk lsp integration test: ${skip}`);

test('copydesk lsp over stdio with VS Code client capabilities', { skip, timeout: 60_000 }, async (t) => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vscode-it-'));
  for (const f of [SEED_000, SEED_002]) fs.copyFileSync(path.join(SEEDS, f), path.join(workspace, f));
  const logFile = path.join(workspace, 'server.log');
  const child = cp.spawn(bin!, ['lsp', '--log-file', logFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  child.stdin.on('error', () => undefined); // reported through `died` instead
  let exited: string | undefined;
  const died = new Promise<never>((_, reject) =>
    child.on('exit', (code, signal) => {
      exited = `exited with ${code ?? signal}`;
      reject(new Error(`the server ${exited}`));
    }),
  );
  died.catch(() => undefined);
  const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, Diagnostic[]>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => diagnostics.set(p.uri, p.diagnostics));
  // Requests a real client answers.
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => null));
  conn.onRequest(RegistrationRequest.type, () => null);
  conn.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('workspace/inlayHint/refresh', () => null);
  conn.listen();

  const context = () =>
    `${exited ? `server ${exited}\n` : ''}server stderr:\n${stderr.slice(-2000)}\n` +
    (fs.existsSync(logFile) ? `server log (${logFile}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}` : '');

  try {
    const folderUri = pathToFileURL(workspace).toString();
    const init = await Promise.race([
      conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'Visual Studio Code', version: '1.100.3' },
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: path.basename(workspace) }],
        capabilities: VSCODE_CAPABILITIES,
        initializationOptions: { sources: [], rules: {}, inlayHints: true },
      }),
      died,
    ]).catch((e) => {
      throw new Error(`initialize failed: ${e.message}\n${context()}`);
    });
    const enc = init.capabilities.positionEncoding;
    assert.ok(enc === undefined || enc === 'utf-16', `server chose ${enc}, but the client offered only utf-16`);
    assert.ok(init.capabilities.hoverProvider, 'server announces no hoverProvider');
    await conn.sendNotification(InitializedNotification.type, {});

    const texts = new Map<string, string>();
    for (const f of [SEED_000, SEED_002]) {
      const uri = pathToFileURL(path.join(workspace, f)).toString();
      const text = fs.readFileSync(path.join(workspace, f), 'utf8');
      texts.set(f, text);
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    }
    const uri000 = pathToFileURL(path.join(workspace, SEED_000)).toString();

    const mismatch = await waitFor('a date-dateline-mismatch diagnostic for seed 000', () =>
      diagnostics.get(uri000)?.find((d) => d.code === 'date-dateline-mismatch'),
    ).catch((e) => {
      throw new Error(`${e.message}; got for seed 000: ${JSON.stringify(diagnostics.get(uri000) ?? null)}\n${context()}`);
    });
    assert.equal(mismatch.source, 'copydesk');
    const all000 = diagnostics.get(uri000)!;
    t.diagnostic(`seed 000 diagnostics: ${all000.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).join(', ')}`);
    assert.ok(all000.some((d) => d.code === 'figure-unattributed'), 'expected figure-unattributed on seed 000');

    const at400 = positionOf(texts.get(SEED_000)!, 'more than 400');
    at400.character += 'more than '.length;
    let lastHover = '';
    const hover = await waitFor('a hover on "400" listing seed 002 figures', async () => {
      lastHover = hoverText(await conn.sendRequest(HoverRequest.type, { textDocument: { uri: uri000 }, position: at400 }));
      return /\b30\b/.test(lastHover) && (lastHover.includes('Azeri civilians') || /\b18\b/.test(lastHover)) ? lastHover : undefined;
    }).catch((e) => {
      throw new Error(`${e.message}; last hover:\n${lastHover}\n${context()}`);
    });
    console.log(`# hover on 400:\n${hover.replace(/^/gm, '#   ')}`);

    const actions = await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri000 },
      range: mismatch.range,
      context: { diagnostics: [mismatch], triggerKind: 1 },
    });
    assert.ok(actions && actions.length > 0, `no code actions at the date-dateline-mismatch range ${JSON.stringify(mismatch.range)}`);
    t.diagnostic(`code actions: ${actions!.map((a) => a.title).join(' | ')}`);

    const comparisons = await conn.sendRequest(ExecuteCommandRequest.type, {
      command: 'copydesk.showComparisons',
      arguments: [uri000, at400],
    });
    assert.equal(typeof comparisons, 'string', `copydesk.showComparisons returned ${JSON.stringify(comparisons)}`);
    assert.match(comparisons as string, /\b30\b/);

    const checked = (await conn.sendRequest(ExecuteCommandRequest.type, { command: 'copydesk.checkWorkspace', arguments: [] })) as {
      articles: number;
      findings: number;
    };
    t.diagnostic(`copydesk.checkWorkspace: ${JSON.stringify(checked)}`);
    assert.ok(checked && checked.articles >= 2, `checkWorkspace saw ${JSON.stringify(checked)}; expected at least the 2 seeds`);
    assert.ok(checked.findings >= 1);

    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    await waitFor('the server to exit after shutdown/exit', () => (exited ? true : undefined), 5000);
  } finally {
    conn.dispose();
    if (!exited) child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
