/**
 * The citation graph's nodes, colours and words, without sigma: the node as the kernel sends it, the header's
 * hint and count line, colour mixing and the theme's colours as `#rrggbb`, the stable start positions.
 */

export interface INode {
  id: string;
  title: string;
  authors: string;
  year: number | null;
  venue: string;
  url: string;
  in_library: boolean;
  citations: number | null;
  size: number;
  status: string;
  color_year: string;
  color_status: string;
}

export type Legend = Array<[string, string]>;

/** The header's hint when no citation is cached: `name` is the user's variable of the library, if known. */
export function emptyHint(name: string): string {
  return `No citations fetched yet — run ${name || '<library>'}.fetch_citations() (cached offline afterwards)`;
}
/** The bar's count: "1 library paper · 2 neighbours · 1 citation" (each noun singular for one). */
export function countLine(
  library: number,
  neighbours: number,
  citations: number
): string {
  const n = (k: number, one: string, many: string) =>
    `${k} ${k === 1 ? one : many}`;
  return [
    n(library, 'library paper', 'library papers'),
    n(neighbours, 'neighbour', 'neighbours'),
    n(citations, 'citation', 'citations')
  ].join(' · ');
}
export const FAINT = 0.5; // how far a neighbour's colour is mixed into the background

/** `#rrggbb` mixed with `#rrggbb` (share `t` of the second); other colour forms are returned unchanged. */
export function mix(color: string, into: string, t: number): string {
  const rgb = (c: string) =>
    /^#[0-9a-f]{6}$/i.test(c)
      ? [1, 3, 5].map(i => parseInt(c.slice(i, i + 2), 16))
      : null;
  const a = rgb(color);
  const b = rgb(into);
  if (!a || !b) {
    return color;
  }
  return (
    '#' +
    a
      .map((v, i) => Math.round(v * (1 - t) + b[i] * t))
      .map(v => v.toString(16).padStart(2, '0'))
      .join('')
  );
}

/** A CSS colour as `#rrggbb` (the browser resolves names, rgb() and theme variables). */
export function hex(el: Element, css: string): string {
  const probe = document.createElement('span');
  probe.style.color = css;
  el.appendChild(probe);
  const parts = (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).map(
    Number
  );
  probe.remove();
  return parts.length >= 3
    ? '#' +
        parts
          .slice(0, 3)
          .map(v => Math.round(v).toString(16).padStart(2, '0'))
          .join('')
    : '#ffffff';
}

/** A stable pseudo-random number in [0, 1) for a string (initial positions before the layout). */
export function unit(text: string, salt: number): number {
  let x = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) {
    x = Math.imul(x ^ text.charCodeAt(i), 16777619);
  }
  return ((x >>> 0) % 100000) / 100000;
}

/** A theme variable's value on `el`, else `fallback`. */
export function themeColor(
  el: Element,
  name: string,
  fallback: string
): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}
