// Strict decoding of source text (brief.md, figure data): a file must be UTF-8 and hold only
// characters a brief can print. A lossy decode would turn a bad byte into U+FFFD and publish it in
// the title, the PDF metadata and the DOCX, so every such byte or character is an error at its
// line and column instead. A UTF-8 byte order mark is accepted and dropped.

export interface TextProblem {
  reason: string;
  line: number;
  column: number;
  rule: string;
}

export type Decoded = { text: string; problems: [] } | { text?: undefined; problems: TextProblem[] };

/** At most this many character problems are listed; a file in the wrong encoding would give thousands. */
const MAX_LISTED = 10;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode `bytes` as UTF-8 and check every character; `what` names the file's role in messages. */
export function decodeText(bytes: Uint8Array, what: string): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problems: [{ reason: `${what} is saved as UTF-16: expected UTF-8 (save it as “UTF-8” in your editor)`, line: 1, column: 1, rule: 'encoding-utf8' }] };
  }
  let text: string;
  try {
    // The decoder drops a leading BOM (ignoreBOM: false).
    text = fatalUtf8.decode(bytes);
  } catch {
    return { problems: [invalidUtf8(bytes)] };
  }
  const problems = characterProblems(text, what);
  return problems.length > 0 ? { problems } : { text, problems: [] };
}

/** Characters that are never text in a brief: C0/C1 controls other than tab, LF and CR, DEL, U+FFFD, noncharacters. */
export function badCharacter(code: number): string | undefined {
  if (code === 0) return 'a NUL character (U+0000)';
  if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) return `a control character (U+${hex(code)})`;
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (U+${hex(code)})`;
  if (code === 0xfffd) return 'the replacement character U+FFFD (�), which marks text lost in an earlier conversion';
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return `a noncharacter (U+${hex(code)})`;
  return undefined;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** Every bad character of an already decoded text (also YAML values built from escapes), with its place. */
export function characterProblems(text: string, what: string, first: { line: number; column: number } = { line: 1, column: 1 }): TextProblem[] {
  const problems: TextProblem[] = [];
  let line = first.line;
  let column = first.column;
  let more = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let code = unit;
    // A well-formed surrogate pair is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) code = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    }
    const bad = badCharacter(code);
    if (bad) {
      if (problems.length < MAX_LISTED) problems.push({ reason: `${what} contains ${bad}: expected text only (remove it or retype the text around it)`, line, column, rule: 'encoding-character' });
      else more++;
    }
    if (code > 0xffff) i++;
    if (unit === 0x0a) {
      line++;
      column = 1;
    } else column++;
  }
  if (more > 0) problems[problems.length - 1]!.reason += ` (and ${more} more such character${more === 1 ? '' : 's'} after this one)`;
  return problems;
}

/** Where the first byte that is not UTF-8 sits, and what it is. */
function invalidUtf8(bytes: Uint8Array): TextProblem {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = start;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) break;
    i += length;
  }
  const lineStart = bytes.lastIndexOf(0x0a, i - 1) + 1;
  let line = 1;
  for (let j = start; j < lineStart; j++) if (bytes[j] === 0x0a) line++;
  // The bytes before the bad one on its line are valid UTF-8: count their characters.
  const column = [...new TextDecoder().decode(bytes.subarray(Math.max(lineStart, start), i))].length + 1;
  const shown = Array.from(bytes.subarray(i, Math.min(i + 4, bytes.length)), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  return {
    reason: `the file is not valid UTF-8: bytes ${shown} at byte ${i} are not a UTF-8 character (a file saved as Latin-1 or Windows-1252, or damaged): expected UTF-8 text`,
    line,
    column,
    rule: 'encoding-utf8',
  };
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or 0. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const b0 = b[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
