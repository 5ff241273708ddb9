// What every HTML file we write shares: a Content-Security-Policy that lets the page load nothing
// but its own inline styles and data: fonts and images, and runs no script; and escaping for text
// put into markup by hand.

export const SEALED_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
