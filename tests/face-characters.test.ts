// The static cascade that decides which inlined face sets which characters (face-characters.ts):
// small documents whose answer is known from CSS's rules.
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { faceCharacters, type FaceRule } from '../src/render/html/face-characters.js';

const FACES: FaceRule[] = [
  { family: 'Serif', weight: 400, style: 'normal' },
  { family: 'Serif', weight: 700, style: 'normal' },
  { family: 'Serif', weight: 400, style: 'italic' },
  { family: 'Sans', weight: 700, style: 'italic' },
  { family: 'Sans', weight: 400, style: 'normal', ranges: 'U+0000-00FF' },
  { family: 'Sans', weight: 400, style: 'normal', ranges: 'U+0100-024F' },
];

/** Each face's characters, as a sorted string. */
function used(body: string, css: string): string[] {
  return faceCharacters(fromHtml(`<style>${css}</style><body>${body}</body>`), FACES).map((s) => String.fromCodePoint(...[...s].sort((a, b) => a - b)));
}

const CSS = `:root { --text: 'Serif', serif; --head: "Sans", sans-serif; }
body { font: 12pt/1.4 var(--text); }
h2 { font: 700 1.2rem var(--head); }
.quiet { font-style: normal; }
@media print { .print-bold { font-weight: bold; } }
li::before { content: "»"; }`;

describe('which face sets which characters', () => {
  it('follows the font shorthand, custom properties and the user agent\'s bold and italic', () => {
    const faces = used('<p>ab <strong>c</strong> <em>d</em></p><address class="quiet">e</address><h2>Hx</h2>', CSS);
    expect(faces[0]).toBe(' abe'); // the text, the unstyled address
    expect(faces[1]).toBe('c'); // strong: bolder than 400
    expect(faces[2]).toBe('d'); // em
    expect(faces[3]).toBe(''); // no bold italic sans
    expect(faces[4]).toBe('Hx'); // h2 is bold Sans: its only bold is italic, so CSS takes the upright regular
  });

  it('matches style before weight, as CSS does: bold upright Sans text is set from Sans regular', () => {
    const faces = used('<h2>Hx</h2><h2><em>y</em></h2>', CSS);
    expect(faces[4]).toBe('Hx');
    expect(faces[3]).toBe('y');
  });

  it('splits a family\'s characters by unicode-range', () => {
    const faces = used('<h2>aą</h2>', CSS);
    expect(faces[4]).toBe('a');
    expect(faces[5]).toBe('ą');
  });

  it('keeps both possibilities where a rule may not apply (another medium), and generated content', () => {
    const faces = used('<p class="print-bold">z</p><ul><li>q</li></ul>', CSS);
    expect(faces[0]).toContain('z'); // on screen
    expect(faces[1]).toContain('z'); // in print
    expect(faces[0]).toContain('»');
    expect(faces[0]).toContain('•'); // a list item's own marker
  });

  it('reads a style attribute, its custom properties from the stylesheets', () => {
    const faces = used('<p style="font: 700 10pt var(--head)">w</p>', CSS);
    expect(faces[4]).toBe('w');
    expect(faces[0]).toBe('');
  });

  it('reads an SVG\'s presentation attributes, below any stylesheet rule', () => {
    const faces = used('<svg><g font-family="Sans" font-weight="700" font-style="italic"><text>s</text></g><text font-family="Sans">t</text></svg>', CSS);
    expect(faces[3]).toBe('s');
    expect(faces[4]).toBe('t');
  });
});
