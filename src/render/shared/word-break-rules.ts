// Where Word does not break a line though the Unicode line breaking rules (Chromium's, and other
// readers') allow it: rules about characters, shared by the printed page (html/word-breaks.ts)
// and the DOCX (a non-breaking hyphen for readers other than Word).
const HYPHEN = '-\u2010';
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;
const CLOSING = /[\p{Pe}\p{Pf}\p{Po}\p{S}]/u;
const OPENING = /\p{Ps}/u;
const SPACE = /\s/u;

/** `30-mm`: is `s[k - 1]` a hyphen after a digit and before a letter (no break after it in Word)? */
export function hyphenKeepsTogether(s: string, k: number): boolean {
  return HYPHEN.includes(s[k - 1] ?? ' ') && LETTER.test(s[k] ?? '') && DIGIT.test(s[k - 2] ?? '');
}

/**
 * Is there a break opportunity between `s[k - 1]` and `s[k]` that Chromium would take and Word
 * would not? `s` is a run of running text (one paragraph's, across its inline elements).
 */
export function wordKeepsTogether(s: string, k: number): boolean {
  const prev = s[k - 1];
  const next = s[k];
  if (prev === undefined || next === undefined) return false;
  if (hyphenKeepsTogether(s, k)) return true;
  // (b)(9): closing punctuation straight before an opening bracket.
  if (OPENING.test(next) && CLOSING.test(prev) && !HYPHEN.includes(prev)) return true;
  // area—: no break before an em dash that follows a word.
  if (next === '\u2014' && !SPACE.test(prev) && prev !== '\u2014') return true;
  return false;
}
