import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { codePointColumn, reportInvocation, targetFromLinkArgs, TimelineTarget } from './timelineArgs';

let panel: vscode.WebviewPanel | undefined;

/**
 * Registers "copydesk: Show Story Timeline": runs `copydesk report --figure` for the figure under
 * the cursor (or the one a hover link names) over the file's workspace folder, with the
 * `copydesk.sources` folders as the server gets them (`sources`: expanded), and shows the page
 * in a webview. The page carries its own strict Content-Security-Policy (nothing from the
 * network; only its own style and script, by hash), and the webview may load no local resource.
 */
export function registerTimeline(
  context: vscode.ExtensionContext,
  binary: () => string | undefined,
  sources: () => string[],
  output?: vscode.OutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.showTimeline', (arg?: unknown) => showTimeline(binary, sources, arg, output)),
  );
}

function fileFromUri(uri: string): string | undefined {
  try {
    const u = vscode.Uri.parse(uri, true);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

async function showTimeline(binary: () => string | undefined, sources: () => string[], arg: unknown, output?: vscode.OutputChannel): Promise<void> {
  let target: TimelineTarget | undefined = targetFromLinkArgs(arg, fileFromUri);
  const editor = vscode.window.activeTextEditor;
  if (!target && editor && editor.document.uri.scheme === 'file') {
    const p = editor.selection.active;
    const character = codePointColumn(editor.document.lineAt(p.line).text, p.character);
    target = { file: editor.document.uri.fsPath, line: p.line, character };
  }
  if (!target) {
    void vscode.window.showInformationMessage('copydesk: put the cursor on a figure in an article first.');
    return;
  }
  const bin = binary();
  if (!bin) {
    void vscode.window.showErrorMessage('copydesk: the copydesk binary was not found (see "copydesk.path").');
    return;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === target!.file);
  if (doc?.isDirty) await doc.save();
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.file))?.uri.fsPath ?? path.dirname(target.file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-timeline-'));
  const out = path.join(dir, 'timeline.html');
  const { cwd, args } = reportInvocation(target, folder, out, sources());
  output?.appendLine(`timeline (in ${cwd}): ${bin} ${args.join(' ')}`);
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(bin, args, { cwd, timeout: 60000, maxBuffer: 1 << 20 }, (err, _stdout, stderr) => {
        if (err) reject(new Error(stderr.trim() || err.message));
        else resolve();
      });
    });
    const html = fs.readFileSync(out, 'utf8');
    if (!panel) {
      panel = vscode.window.createWebviewPanel('copydesk.timeline', 'Story Timeline', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
      });
      panel.onDidDispose(() => (panel = undefined));
    }
    panel.title = `Timeline: ${path.basename(target.file)}:${target.line + 1}`;
    panel.webview.html = html;
    panel.reveal(vscode.ViewColumn.Beside, true);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    void vscode.window.showInformationMessage(`copydesk: ${msg.replace(/^copydesk: /, '')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
