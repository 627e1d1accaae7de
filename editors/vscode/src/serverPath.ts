// Finds the copydesk binary. Pure: file-system and environment access are injected, so the
// resolution order is unit-tested without touching the machine.
import * as path from 'path';

export interface ResolveEnv {
  /** `copydesk.path` as configured (may be empty). */
  configuredPath?: string;
  /** The PATH environment variable. */
  envPath?: string;
  /** The extension's install folder (context.extensionPath). */
  extensionPath: string;
  /** process.platform. */
  platform: NodeJS.Platform;
  /** Home directory, to expand a leading `~` in copydesk.path. */
  home?: string;
  /** First workspace folder, to resolve a relative copydesk.path and `${workspaceFolder}`. */
  workspaceFolder?: string;
}

export interface FileProbe {
  /** True when `p` is an existing regular file the user may execute. */
  isExecutable(p: string): boolean;
}

export type Resolution =
  | { ok: true; path: string; origin: 'setting' | 'PATH' | 'bundled' }
  | { ok: false; message: string };

export const INSTALL_HINT = 'Install copydesk with `cargo install --path .` or set copydesk.path.';

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

export function resolveServerPath(env: ResolveEnv, fs: FileProbe): Resolution {
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  const exe = binaryName(env.platform);

  const configured = (env.configuredPath ?? '').trim();
  if (configured !== '') {
    let candidate = configured;
    if (env.home && (candidate === '~' || candidate.startsWith('~/'))) candidate = env.home + candidate.slice(1);
    if (env.workspaceFolder) candidate = candidate.split('${workspaceFolder}').join(env.workspaceFolder);
    if (!p.isAbsolute(candidate) && env.workspaceFolder && candidate.includes(p.sep)) {
      candidate = p.join(env.workspaceFolder, candidate);
    }
    if (!candidate.includes(p.sep) && !candidate.includes('/')) {
      // A bare command name: look it up on PATH.
      const onPath = searchPath(candidate, env, fs);
      if (onPath) return { ok: true, path: onPath, origin: 'setting' };
    } else if (fs.isExecutable(candidate)) {
      return { ok: true, path: candidate, origin: 'setting' };
    }
    return {
      ok: false,
      message: `copydesk.path is set to "${configured}", but no executable copydesk is there. ${INSTALL_HINT}`,
    };
  }

  const onPath = searchPath(exe, env, fs);
  if (onPath) return { ok: true, path: onPath, origin: 'PATH' };

  const bundled = p.join(env.extensionPath, 'server', exe);
  if (fs.isExecutable(bundled)) return { ok: true, path: bundled, origin: 'bundled' };

  return { ok: false, message: `The copydesk language server was not found. ${INSTALL_HINT}` };
}

function searchPath(name: string, env: ResolveEnv, fs: FileProbe): string | undefined {
  const p = env.platform === 'win32' ? path.win32 : path.posix;
  const sep = env.platform === 'win32' ? ';' : ':';
  const names = env.platform === 'win32' && !name.toLowerCase().endsWith('.exe') ? [name + '.exe', name] : [name];
  for (const dir of (env.envPath ?? '').split(sep)) {
    if (dir === '') continue;
    for (const n of names) {
      const candidate = p.join(dir, n);
      if (fs.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The real probe, for the extension. */
export function nodeFileProbe(fsMod: typeof import('fs')): FileProbe {
  return {
    isExecutable(candidate: string): boolean {
      try {
        const st = fsMod.statSync(candidate);
        if (!st.isFile()) return false;
        if (process.platform === 'win32') return true;
        fsMod.accessSync(candidate, fsMod.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
