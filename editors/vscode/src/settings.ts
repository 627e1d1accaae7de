// Maps the `copydesk.*` VS Code settings to the server's initializationOptions.
// Pure: no `vscode` import, so it is unit-tested under plain Node.

export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint', 'off'];

/** What `copydesk lsp` accepts as initializationOptions and in `{settings: {copydesk: ...}}`. */
export interface InitializationOptions {
  sources: string[];
  rules: Record<string, Severity>;
  inlayHints: boolean;
}

/** The raw values of the `copydesk` configuration section (anything a user may have typed). */
export interface RawSettings {
  sources?: unknown;
  rules?: unknown;
  inlayHints?: unknown;
}

export interface ExpandContext {
  /** First workspace folder's file-system path, for `${workspaceFolder}`. */
  workspaceFolder?: string;
  /** The user's home directory, for a leading `~`. */
  home?: string;
}

/** Expands a leading `~` and `${workspaceFolder}` in a configured folder. */
export function expandPath(p: string, ctx: ExpandContext): string {
  let out = p.trim();
  if (ctx.home && (out === '~' || out.startsWith('~/'))) {
    out = ctx.home + out.slice(1);
  }
  if (ctx.workspaceFolder) {
    out = out.split('${workspaceFolder}').join(ctx.workspaceFolder);
  }
  return out;
}

function normalizeSeverity(value: unknown): Severity | undefined {
  if (typeof value === 'boolean') return value ? undefined : 'off';
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'information') return 'info';
  if (v === 'warn') return 'warning';
  return (SEVERITIES as readonly string[]).includes(v) ? (v as Severity) : undefined;
}

/**
 * Builds the initializationOptions from the settings. Invalid entries are dropped (and reported
 * through `problems`) rather than sent, so a typo in settings.json never breaks the server.
 */
export function toInitializationOptions(
  raw: RawSettings,
  ctx: ExpandContext = {},
  problems: string[] = [],
): InitializationOptions {
  const sources: string[] = [];
  if (Array.isArray(raw.sources)) {
    for (const s of raw.sources) {
      if (typeof s === 'string' && s.trim() !== '') {
        const expanded = expandPath(s, ctx);
        if (!sources.includes(expanded)) sources.push(expanded);
      } else {
        problems.push(`copydesk.sources: ignoring ${JSON.stringify(s)} (expected a folder path)`);
      }
    }
  } else if (raw.sources !== undefined && raw.sources !== null) {
    problems.push('copydesk.sources: expected an array of folder paths');
  }

  const rules: Record<string, Severity> = {};
  if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      const sev = normalizeSeverity(value);
      if (id.trim() !== '' && sev) {
        rules[id.trim()] = sev;
      } else if (!(value === true)) {
        problems.push(`copydesk.rules: ignoring ${JSON.stringify(id)}: ${JSON.stringify(value)} (expected one of ${SEVERITIES.join(', ')})`);
      }
    }
  } else if (raw.rules !== undefined && raw.rules !== null) {
    problems.push('copydesk.rules: expected an object of rule id -> severity');
  }

  const inlayHints = typeof raw.inlayHints === 'boolean' ? raw.inlayHints : true;
  return { sources, rules, inlayHints };
}

/** The payload of workspace/didChangeConfiguration. */
export function toDidChangeConfigurationSettings(opts: InitializationOptions): { copydesk: InitializationOptions } {
  return { copydesk: opts };
}
