// Finds the copydesk binary. Pure: file-system and environment access are injected, so the
// resolution order is unit-tested without touching the machine.
//
// Order: the `copydesk.path` setting, the binary bundled in a platform package (server/), `copydesk`
// on PATH, then Cargo's install folder (~/.cargo/bin, or $CARGO_HOME/bin), where `cargo install` puts
// it: VS Code started from a desktop menu does not get the shell's PATH, so that folder is often
// missing from the extension host's PATH even when `copydesk` works in a terminal.
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
  /** Home directory (os.homedir(): %USERPROFILE% on Windows): expands `~`, and holds .cargo/bin. */
  home?: string;
  /** The CARGO_HOME environment variable, when set: its bin/ replaces ~/.cargo/bin. */
  cargoHome?: string;
  /** First workspace folder, to resolve a relative copydesk.path and `${workspaceFolder}`. */
  workspaceFolder?: string;
}

export interface FileProbe {
  /** True when `p` is an existing regular file the user may execute. */
  isExecutable(p: string): boolean;
}

/** Where the binary was found, in resolution order. */
export type Origin = 'setting' | 'bundled' | 'PATH' | 'cargo';

export type Resolution =
  | { ok: true; path: string; origin: Origin }
  | { ok: false; message: string; searched: string[] };

export const INSTALL_HINT =
  'Install the platform package of the extension (copydesk-<platform>.vsix, which bundles the server), ' +
  'or install copydesk with `cargo install --path .`, or set copydesk.path.';

/** How the output channel names each origin. */
export function describeOrigin(origin: Origin): string {
  switch (origin) {
    case 'setting':
      return 'the copydesk.path setting';
    case 'bundled':
      return 'the binary bundled with the extension';
    case 'PATH':
      return 'PATH';
    case 'cargo':
      return "Cargo's install folder (~/.cargo/bin)";
  }
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

function pathApi(platform: NodeJS.Platform): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Cargo's bin folder: $CARGO_HOME/bin, else <home>/.cargo/bin; undefined without either. */
export function cargoBinDir(env: ResolveEnv): string | undefined {
  const p = pathApi(env.platform);
  const cargoHome = (env.cargoHome ?? '').trim();
  if (cargoHome !== '') return p.join(cargoHome, 'bin');
  if (env.home) return p.join(env.home, '.cargo', 'bin');
  return undefined;
}

export function resolveServerPath(env: ResolveEnv, fs: FileProbe): Resolution {
  const p = pathApi(env.platform);
  const exe = binaryName(env.platform);

  const configured = (env.configuredPath ?? '').trim();
  if (configured !== '') return resolveSetting(configured, env, fs);

  const searched: string[] = [];
  const bundled = p.join(env.extensionPath, 'server', exe);
  searched.push(bundled);
  if (fs.isExecutable(bundled)) return { ok: true, path: bundled, origin: 'bundled' };

  const onPath = searchPath(exe, env, fs);
  if (onPath) return { ok: true, path: onPath, origin: 'PATH' };
  searched.push('PATH');

  const cargoBin = cargoBinDir(env);
  if (cargoBin) {
    const candidate = p.join(cargoBin, exe);
    searched.push(candidate);
    if (fs.isExecutable(candidate)) return { ok: true, path: candidate, origin: 'cargo' };
  }

  return {
    ok: false,
    searched,
    message: `The copydesk language server was not found (looked in: ${searched.join(', ')}). ${INSTALL_HINT}`,
  };
}

/** An explicit setting is used or reported as wrong: never a silent fallback to another binary. */
function resolveSetting(configured: string, env: ResolveEnv, fs: FileProbe): Resolution {
  const p = pathApi(env.platform);
  let candidate = configured;
  if (env.home && (candidate === '~' || candidate.startsWith('~/') || candidate.startsWith('~\\'))) {
    candidate = env.home + candidate.slice(1);
  }
  if (env.workspaceFolder) candidate = candidate.split('${workspaceFolder}').join(env.workspaceFolder);
  if (!p.isAbsolute(candidate) && env.workspaceFolder && (candidate.includes(p.sep) || candidate.includes('/'))) {
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
    searched: [candidate],
    message: `copydesk.path is set to "${configured}", but no executable copydesk is there. ${INSTALL_HINT}`,
  };
}

function searchPath(name: string, env: ResolveEnv, fs: FileProbe): string | undefined {
  const p = pathApi(env.platform);
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
