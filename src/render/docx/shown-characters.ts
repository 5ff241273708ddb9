// Every character a Word package shows, for the embedded fonts (fonts.ts): the text of its runs in
// the body, headers, footers and notes (deleted text too: a reader shows tracked deletions), list
// labels (bullets; digits for the numbers the reader counts), and the hyphens Word writes as
// elements (w:noBreakHyphen, w:softHyphen) rather than as text.
const STORY = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments|numbering)\.xml$/;

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

export function shownCharacters(parts: ReadonlyMap<string, string | Uint8Array>): Set<number> {
  const chars = new Set<number>();
  const add = (s: string) => {
    for (const ch of decode(s)) chars.add(ch.codePointAt(0)!);
  };
  for (const [name, xml] of parts) {
    if (typeof xml !== 'string' || !STORY.test(name)) continue;
    for (const m of xml.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)) add(m[1]!);
    for (const m of xml.matchAll(/<w:lvlText w:val="([^"]*)"/g)) add(m[1]!.replace(/%\d/g, '0123456789'));
    if (/<w:noBreakHyphen\/>/.test(xml)) chars.add(0x2011);
    if (/<w:softHyphen\/>/.test(xml)) chars.add(0x00ad);
  }
  return chars;
}
