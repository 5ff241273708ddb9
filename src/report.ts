// One place that turns vfile messages into what people read: `file:line:col: severity: reason`,
// the form compilers use, so editors and CI logs link straight to the spot.
import path from 'node:path';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

export function formatMessage(msg: VFileMessage, cwd = process.cwd()): string {
  const file = msg.file ? path.relative(cwd, msg.file) || msg.file : '<unknown>';
  const where = msg.place
    ? 'start' in msg.place
      ? `${msg.place.start.line}:${msg.place.start.column}`
      : `${msg.place.line}:${msg.place.column}`
    : '1:1';
  const severity = msg.fatal === true ? 'error' : msg.fatal === false ? 'warning' : 'info';
  const rule = msg.ruleId ? ` [${msg.source ? msg.source + ':' : ''}${msg.ruleId}]` : '';
  return `${file}:${where}: ${severity}: ${msg.reason}${rule}`;
}

export function errorsOf(file: VFile): VFileMessage[] {
  return file.messages.filter((m) => m.fatal === true);
}

/** Thrown when one or more briefs have errors; carries every message, not just the first. */
export class BriefError extends Error {
  /**
   * `written`: how many files a run that went on past these problems wrote (a build writes every
   * brief that has none); undefined when nothing was written.
   */
  constructor(
    readonly messages: VFileMessage[],
    readonly written?: number,
  ) {
    super(messages.map((m) => formatMessage(m)).join('\n'));
    this.name = 'BriefError';
  }
}

/** Record an error on a file without stopping, so one run reports every problem. */
export function fail(
  file: VFile,
  reason: string,
  place: { line: number; column: number } | { start: { line: number; column: number }; end: { line: number; column: number } } | undefined,
  ruleId: string,
): VFileMessage {
  const msg = file.message(reason, { place, ruleId, source: 'brief' });
  msg.fatal = true;
  return msg;
}

/** A fatal message about a file known only by its path (checks that run outside the pipeline). */
export function fatalMessage(filePath: string, cwd: string, reason: string, line: number, ruleId: string): VFileMessage {
  const msg = new VFileMessage(reason, { place: { line, column: 1 }, ruleId, source: 'brief' });
  msg.file = path.relative(cwd, filePath);
  msg.fatal = true;
  return msg;
}
