/**
 * The pure half of "copydesk: Show Story Timeline": the `copydesk report` command line for the
 * figure at a position, and the arguments a hover link carries.
 */
import * as path from 'path';

/**
 * A figure's position: 0-based line and character, the character counted in Unicode code points
 * as copydesk counts columns (the hover link gives that; the editor's UTF-16 column goes
 * through {@link codePointColumn}).
 */
export interface TimelineTarget {
  file: string;
  line: number;
  character: number;
}

/**
 * `copydesk report WORKSPACE --figure FILE:LINE:COL --html OUT` (LINE and COL 1-based), with the
 * configured source folders.
 */
export function timelineArgs(target: TimelineTarget, workspace: string, out: string, sources: string[] = []): string[] {
  const args = ['report', workspace, '--figure', `${target.file}:${target.line + 1}:${target.character + 1}`, '--html', out];
  for (const s of sources) args.push('--sources', s);
  return args;
}

/**
 * Reads the arguments of a `command:copydesk.showTimeline?…` link: `[{uri, line, character}]`
 * with a file URI. Anything else gives undefined (the command then uses the cursor).
 */
export function targetFromLinkArgs(arg: unknown, fileFromUri: (uri: string) => string | undefined): TimelineTarget | undefined {
  const a = Array.isArray(arg) ? arg[0] : arg;
  if (!a || typeof a !== 'object') return undefined;
  const o = a as Record<string, unknown>;
  if (typeof o.uri !== 'string' || !Number.isInteger(o.line) || !Number.isInteger(o.character)) return undefined;
  const line = o.line as number;
  const character = o.character as number;
  if (line < 0 || character < 0) return undefined;
  const file = fileFromUri(o.uri);
  return file === undefined ? undefined : { file, line, character };
}

/**
 * The code-point column of a UTF-16 column of `lineText` (VS Code counts UTF-16 code units,
 * copydesk characters: an emoji before the figure is two of one and one of the other).
 */
export function codePointColumn(lineText: string, utf16Character: number): number {
  return [...lineText.slice(0, Math.max(0, utf16Character))].length;
}

/**
 * How `copydesk report` runs for a figure of a workspace folder: from the folder, over `.`, with
 * the article's path relative to it when it is inside (the page then names `./a.md`, as the
 * Problems panel does, not a long absolute path), else absolute.
 */
export function reportInvocation(
  target: TimelineTarget,
  folder: string,
  out: string,
  sources: string[] = [],
  paths: Pick<typeof path, 'relative' | 'isAbsolute' | 'sep'> = path,
): { cwd: string; args: string[] } {
  const rel = paths.relative(folder, target.file);
  const inside = rel !== '' && !paths.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${paths.sep}`);
  return { cwd: folder, args: timelineArgs({ ...target, file: inside ? rel : target.file }, '.', out, sources) };
}
