/**
 * Paper helpers shared by the side panel and the cards widget: which URLs may become links,
 * a paper's landing page and its byline, as `Paper.abs_url` and `Paper.byline()` compute them.
 *
 * The functions take only the fields they read, so both `IPaper` (wire.ts) and partial
 * paper objects fit. Nothing here touches the DOM or imports JupyterLab.
 */

import { SOURCE_LABELS } from './wire';

/** The fields of a paper that decide its landing page. */
export interface IPaperLinks {
  url?: string | null;
  arxiv_id?: string | null;
  doi?: string | null;
}

/** The fields of a paper that make its byline. */
export interface IPaperAuthors {
  authors?: string[];
  n_authors?: number | null;
  organization?: string | null;
  extra?: { [key: string]: unknown } | null;
}

/** Names as a byline lists them: three, then "+N more". */
function firstNames(names: string[]): string {
  const more = names.length - 3;
  return names.slice(0, 3).join(', ') + (more > 0 ? ` +${more} more` : '');
}

/** How a reading status reads ('to-read' is "To read"), in the panel and the widgets' popovers. */
export const STATUS_LABELS = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read'
} as const;

/** The label of a source name (`SOURCE_LABELS` of the wire schema; the name itself when it has none). */
export function sourceLabel(name: string): string {
  return SOURCE_LABELS[name] ?? name;
}

// C0 controls, DEL and whitespace: browsers drop some of them from URLs, which could turn a
// harmless-looking string into another URL than the one checked.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f]/;

/**
 * The URL, trimmed, if it is an absolute http(s) URL with a host; otherwise null.
 *
 * Only such URLs become links: `javascript:`, `data:`, `vbscript:`, relative and
 * protocol-relative URLs, and URLs with control characters or spaces inside are dropped.
 */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') {
    return null;
  }
  const trimmed = url.trim();
  if (!/^https?:\/\/[^/\\]/i.test(trimmed) || UNSAFE_CHARS.test(trimmed)) {
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  const httpish = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  return httpish && parsed.hostname ? trimmed : null;
}

/** The landing page of a paper (`Paper.abs_url`): its URL, else arXiv, else DOI; null if none is safe. */
export function absUrl(p: IPaperLinks): string | null {
  if (p.url) {
    return safeUrl(p.url);
  }
  if (p.arxiv_id) {
    return `https://arxiv.org/abs/${encodeURIComponent(p.arxiv_id).replace(/%2F/g, '/')}`;
  }
  if (p.doi) {
    return safeUrl(`https://doi.org/${encodeURI(p.doi)}`);
  }
  return null;
}

/** The PDF of a paper: its `pdf_url` if safe, else arXiv's PDF for its arXiv id; null if none. */
export function pdfUrl(
  p: IPaperLinks & { pdf_url?: string | null }
): string | null {
  const given = safeUrl(p.pdf_url);
  if (given || !p.arxiv_id) {
    return given;
  }
  return `https://arxiv.org/pdf/${encodeURIComponent(p.arxiv_id).replace(/%2F/g, '/')}`;
}

/**
 * Authors as `Paper.byline()` shows them: three names ("et al." when the source cut its list short), else an
 * edited volume's editors marked "(ed.)"/"(eds.)", else a count or an organisation.
 */
export function byline(p: IPaperAuthors): string {
  const authors = p.authors ?? [];
  if (authors.length > 0) {
    const cut = authors.length <= 3 && p.extra?.more_authors === true;
    return firstNames(authors) + (cut ? ' et al.' : '');
  }
  // an edited volume's names: entries that are not text are left out (as `Paper.byline()` does)
  const raw = p.extra?.editors;
  const editors = Array.isArray(raw)
    ? raw.filter((e): e is string => typeof e === 'string' && e.trim() !== '')
    : [];
  if (editors.length > 0) {
    return firstNames(editors) + (editors.length === 1 ? ' (ed.)' : ' (eds.)');
  }
  if (p.n_authors) {
    const text = `${p.n_authors} author${p.n_authors !== 1 ? 's' : ''}`;
    return p.organization ? `${text} · ${p.organization}` : text;
  }
  return p.organization ?? '';
}

/**
 * Who presented a paper read from a reading-group schedule, and when (`extra.presenters`, `extra.meeting_date`, else
 * the meeting as written): "Presented by Maria · 2026-02-05", several presenters joined ("Presented by Ada Lovelace,
 * Grace Hopper"); '' for a paper of no meeting. As `presented_text` in paperlab/paper_render.py.
 */
export function presentedText(p: {
  extra?: { [key: string]: unknown } | null;
}): string {
  const extra = p.extra ?? {};
  const raw = extra.presenters;
  const names = (Array.isArray(raw) ? raw : [raw])
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map(n => n.trim());
  const when =
    [extra.meeting_date, extra.meeting]
      .find((w): w is string => typeof w === 'string')
      ?.trim() ?? '';
  if (!names.length && !when) {
    return '';
  }
  if (!names.length) {
    return `Presented ${when}`;
  }
  return `Presented by ${names.join(', ')}` + (when ? ` · ${when}` : '');
}

/** What a paper needs for :func:`shownDate`. */
export interface IPaperDate {
  published?: string | null;
  extra?: { [key: string]: unknown } | null;
}

/**
 * `published` as precise as its source gave it ("2017", "2017-03"), marked when inferred: its year, or (a paper
 * known only by a new-style arXiv id: `date_note` of paperlab/date_precision.py `arxiv_id_month`) its id's month.
 */
export function shownDate(p: IPaperDate): string {
  const precision = p.extra?.date_precision;
  const width = precision === 'year' ? 4 : precision === 'month' ? 7 : 10;
  const date = (p.published ?? '').slice(0, width);
  if (!date || p.extra?.date_inferred !== true) {
    return date;
  }
  const note = p.extra?.date_note;
  const fromId =
    typeof note === 'string' && note.startsWith('month of arXiv id');
  return `${date} (${fromId ? 'month of its arXiv id' : 'year inferred'})`;
}

/**
 * The BibTeX citation keys a paper was imported under, its own first, then those of records merged into it
 * (`paperlab.identity.citation_keys`); `paperlab show KEY` and `paperlab.paper("KEY")` find the paper by any.
 */
export function citationKeys(p: IPaperDate): string[] {
  const own = p.extra?.bibtex_key;
  const merged = p.extra?.bibtex_keys;
  const keys = [own, ...(Array.isArray(merged) ? merged : [])];
  return Array.from(
    new Set(keys.filter((k): k is string => typeof k === 'string' && k !== ''))
  );
}

/**
 * The paper's citation key as the cards and the panel show it, labelled ("key lovelace2025"; "" without one):
 * bare next to the year, a key read like an id. Plain text: callers set it as text content.
 */
export function citationKeyText(p: IPaperDate): string {
  const key = citationKeys(p)[0];
  return key ? `key ${key}` : '';
}
