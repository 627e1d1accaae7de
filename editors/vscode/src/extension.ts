import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { execFile } from 'child_process';
import { resolveServerPath, nodeFileProbe, describeOrigin } from './serverPath';
import { toInitializationOptions, toDidChangeConfigurationSettings, InitializationOptions } from './settings';
import { registerTimeline } from './timeline';

const SECTION = 'copydesk';
/** Commands the extension implements itself; the client must not also register them for the server. */
const OWN_COMMANDS = new Set(['copydesk.restart', 'copydesk.showComparisons', 'copydesk.checkWorkspace', 'copydesk.showTimeline']);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let comparisonsPanel: vscode.WebviewPanel | undefined;
/** The binary the server was started from (the timeline runs `copydesk report` with it). */
let serverBinary: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('copydesk');
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restart', () => restart(context)),
    vscode.commands.registerCommand('copydesk.showComparisons', (uri?: unknown, position?: { line: number; character: number }) =>
      showComparisons(context, uri, position),
    ),
    vscode.commands.registerCommand('copydesk.checkWorkspace', () => checkWorkspace()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (e.affectsConfiguration(`${SECTION}.path`)) {
        await restart(context);
        return;
      }
      if (client && client.state === State.Running) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: toDidChangeConfigurationSettings(currentOptions()),
        });
      }
    }),
  );

  registerTimeline(context, () => serverBinary, () => currentOptions().sources, output);
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

function firstWorkspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
}

function currentOptions(): InitializationOptions {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const problems: string[] = [];
  const opts = toInitializationOptions(
    { sources: cfg.get('sources'), rules: cfg.get('rules'), inlayHints: cfg.get('inlayHints') },
    { workspaceFolder: firstWorkspaceFolder(), home: os.homedir() },
    problems,
  );
  for (const p of problems) output?.appendLine(`settings: ${p}`);
  return opts;
}

/** Zip extraction may drop the executable bit of the bundled server; restore it. */
function ensureBundledExecutable(context: vscode.ExtensionContext): void {
  if (process.platform === 'win32') return;
  const bundled = context.asAbsolutePath(path.join('server', 'copydesk'));
  try {
    if (fs.statSync(bundled).isFile()) fs.chmodSync(bundled, 0o755);
  } catch {
    // not bundled, or read-only install: resolution reports it
  }
}

async function start(context: vscode.ExtensionContext): Promise<boolean> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  ensureBundledExecutable(context);
  const resolved = resolveServerPath(
    {
      configuredPath: cfg.get<string>('path'),
      envPath: process.env.PATH,
      extensionPath: context.extensionPath,
      platform: process.platform,
      home: os.homedir(),
      cargoHome: process.env.CARGO_HOME,
      workspaceFolder: firstWorkspaceFolder(),
    },
    nodeFileProbe(fs),
  );
  if (!resolved.ok) {
    output?.appendLine(resolved.message);
    // Not awaited: activation must not wait for the user to dismiss the notification.
    void vscode.window.showErrorMessage(resolved.message, 'Open Settings').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
      }
    });
    return false;
  }
  output?.appendLine(`Using the copydesk server ${resolved.path} (from ${describeOrigin(resolved.origin)})`);
  logVersion(resolved.path);
  output?.appendLine(`Starting ${resolved.path} lsp`);
  serverBinary = resolved.path;

  const serverOptions: ServerOptions = {
    command: resolved.path,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
    ],
    initializationOptions: currentOptions(),
    // hover links may run this one command only (the server's "Show story timeline" link)
    markdown: { isTrusted: { enabledCommands: ['copydesk.showTimeline'] } },
    outputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,*.txt,.copydesk.toml}'),
    },
    middleware: {
      workspace: {
        // Answer workspace/configuration for our section with the same shape as initializationOptions.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === SECTION ? currentOptions() : result[i]));
        },
      },
    },
  };

  const c = new LanguageClient(SECTION, 'copydesk', serverOptions, clientOptions);
  // The server advertises copydesk.showComparisons / copydesk.checkWorkspace in executeCommandProvider;
  // the client would register them as VS Code commands and clash with ours, which add the editor context.
  const feature = c.getFeature(ExecuteCommandRequest.method);
  const register = feature.register.bind(feature);
  feature.register = (data) =>
    register({
      ...data,
      registerOptions: {
        ...data.registerOptions,
        commands: (data.registerOptions.commands ?? []).filter((cmd) => !OWN_COMMANDS.has(cmd)),
      },
    });
  client = c;
  try {
    await c.start();
    return true;
  } catch (err) {
    const message = `copydesk: the language server failed to start (${resolved.path} lsp): ${errorText(err)}`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return false;
  }
}

/** Writes `copydesk --version` to the output channel (asynchronously: activation does not wait). */
function logVersion(binary: string): void {
  execFile(binary, ['--version'], { timeout: 5000, windowsHide: true }, (err, stdout) => {
    const version = stdout.trim();
    if (err || version === '') output?.appendLine(`${binary} --version failed: ${err ? errorText(err) : 'no output'}`);
    else output?.appendLine(`Server version: ${version}`);
  });
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (err) {
      output?.appendLine(`stop: ${errorText(err)}`);
    }
    await c.dispose().catch(() => undefined);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  if (await start(context)) {
    vscode.window.setStatusBarMessage('copydesk: server restarted', 3000);
  }
}

function isRunning(c: LanguageClient | undefined): boolean {
  return c !== undefined && c.state === State.Running;
}

async function runningClient(): Promise<LanguageClient | undefined> {
  if (isRunning(client)) return client!;
  if (client && client.state === State.Starting) {
    await new Promise<void>((resolve) => {
      const d = client!.onDidChangeState(() => {
        d.dispose();
        resolve();
      });
    });
    if (isRunning(client)) return client!;
  }
  void vscode.window.showErrorMessage('copydesk: the language server is not running. Run "copydesk: Restart Server".');
  return undefined;
}

async function showComparisons(
  context: vscode.ExtensionContext,
  uriArg?: unknown,
  positionArg?: { line: number; character: number },
): Promise<void> {
  // From the server (code actions, links): (uri string, position). From menus: (vscode.Uri) or nothing.
  let uri = typeof uriArg === 'string' ? uriArg : undefined;
  let position = positionArg && typeof positionArg.line === 'number' ? positionArg : undefined;
  if (!uri || !position) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('copydesk: put the cursor on a figure or date in an article first.');
      return;
    }
    uri = editor.document.uri.toString();
    position = { line: editor.selection.active.line, character: editor.selection.active.character };
  }
  const c = await runningClient();
  if (!c) return;
  let markdown: unknown;
  try {
    markdown = await c.sendRequest(ExecuteCommandRequest.type, {
      command: 'copydesk.showComparisons',
      arguments: [uri, position],
    });
  } catch (err) {
    void vscode.window.showErrorMessage(`copydesk: Show Comparisons failed: ${errorText(err)}`);
    return;
  }
  if (typeof markdown !== 'string' || markdown.trim() === '') {
    void vscode.window.showInformationMessage('copydesk: no claim with comparisons at the cursor.');
    return;
  }
  await showMarkdown(context, markdown);
}

async function showMarkdown(context: vscode.ExtensionContext, markdown: string): Promise<void> {
  let html: string | undefined;
  try {
    // Rendered by VS Code's built-in Markdown extension, so the look matches hovers and previews.
    html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
  } catch {
    html = undefined;
  }
  if (typeof html !== 'string') {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => undefined);
    return;
  }
  if (!comparisonsPanel) {
    comparisonsPanel = vscode.window.createWebviewPanel(
      'copydesk.comparisons',
      'copydesk: Comparisons',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, localResourceRoots: [] },
    );
    comparisonsPanel.onDidDispose(() => (comparisonsPanel = undefined), undefined, context.subscriptions);
  }
  comparisonsPanel.webview.html = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1em; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 2px 8px; text-align: left; }
code { font-family: var(--vscode-editor-font-family); }
</style></head><body>${html}</body></html>`;
  comparisonsPanel.reveal(vscode.ViewColumn.Beside, true);
}

async function checkWorkspace(): Promise<void> {
  const c = await runningClient();
  if (!c) return;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'copydesk: checking workspace' },
      () => c.sendRequest(ExecuteCommandRequest.type, { command: 'copydesk.checkWorkspace', arguments: [] }),
    );
    const r = (result ?? {}) as { articles?: unknown; findings?: unknown };
    const articles = typeof r.articles === 'number' ? r.articles : 0;
    const findings = typeof r.findings === 'number' ? r.findings : 0;
    void vscode.window.showInformationMessage(`copydesk checked ${articles} articles: ${findings} findings`);
  } catch (err) {
    void vscode.window.showErrorMessage(`copydesk: Check Workspace failed: ${errorText(err)}`);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
