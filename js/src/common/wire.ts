/**
 * The wire shape of a paper: `Paper.to_dict()` and `SourceRecord.to_dict()` in paperlab/paper.py.
 *
 * Generated from the Python dataclasses by paperlab/schema.py: do not edit by hand. Regenerate with
 *   python -m paperlab.schema --ts js/src/common/wire.ts
 * tests/test_wire_schema.py fails when this file, openapi.yaml and the Python model disagree.
 */

/** Where one record of a paper came from (`SourceRecord.to_dict()`). */
export interface ISourceRecord {
  name: string;
  location: string;
  /** ISO timestamp with offset. */
  retrieved: string;
  record: string | null;
}

/** A paper: exactly the keys of `Paper.to_dict()`. */
export interface IPaper {
  title: string;
  id: string;
  arxiv_id: string | null;
  version: number | null;
  authors: string[];
  n_authors: number | null;
  organization: string | null;
  abstract: string | null;
  /** ISO date (YYYY-MM-DD). */
  published: string | null;
  /** ISO date (YYYY-MM-DD). */
  updated: string | null;
  categories: string[];
  primary_category: string | null;
  comment: string | null;
  journal_ref: string | null;
  doi: string | null;
  url: string | null;
  pdf_url: string | null;
  code_url: string | null;
  project_url: string | null;
  upvotes: number | null;
  github_stars: number | null;
  ai_summary: string | null;
  keywords: string[];
  tags: string[];
  sources: ISourceRecord[];
  extra: { [key: string]: unknown };
  external_ids: { [key: string]: unknown };
  title_text: string | null;
  abstract_text: string | null;
}

/** How each source (`SourceRecord.name`) is named to a reader: `SOURCE_LABELS` in paperlab/schema.py. */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  arxiv: 'arXiv',
  arxiv_oai: 'arXiv OAI',
  arxiv_rss: 'arXiv listing',
  bibtex: 'BibTeX',
  csl: 'CSL-JSON',
  dailyarxiv: 'DailyArXiv',
  hf: 'Hugging Face',
  hf_page: 'HF page',
  json_list: 'JSON list',
  kaggle: 'Kaggle',
  openalex: 'OpenAlex',
  paper_list: 'Paper list',
  paperlab: 'paperlab',
  ris: 'RIS',
  schedule: 'Schedule',
  semantic_scholar: 'Semantic Scholar',
  session: 'Session',
  wos: 'Web of Science',
  zotero: 'Zotero'
};
