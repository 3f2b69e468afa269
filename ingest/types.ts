/** One citable unit of text inside a section: a sentence group, bullet or numbered item. */
export interface Block {
  /** Normalised text of the block, footnote markers removed. */
  text: string;
  /** Nesting depth for display (0 = paragraph, 1+ = bullet or sub-item). */
  depth: number;
  /** What a person checks: "MO ST § 455.040(1)" or "para. 3.5.d.(3)(g), p. 41". */
  locator: string;
  /** Statute or note references the block rests on, in order of appearance. */
  cites: string[];
  /** Page in the source PDF, where the document has pages. */
  page?: number;
  /** True for an in-answer heading ("Renewing an order", "1. Ex parte orders of protection"). */
  heading?: boolean;
  /** List marker shown before the text ("(g)", "1.", "•"), kept out of the text itself. */
  marker?: string;
  /** Index of the source paragraph or item the block came from, so sentences can be rejoined. */
  paragraph: number;
}

/** The unit of citation: one WomensLaw question, one DoDI paragraph, one glossary entry. */
export interface Section {
  /** Stable id: the same after re-chunking or after edits elsewhere in the document. */
  id: string;
  docId: string;
  /** Heading path from the document's top group down to this section's own title. */
  path: string[];
  title: string;
  /** Plain text of the whole section (blocks joined, bullets marked). */
  text: string;
  blocks: Block[];
  /** Section-level locator: statutes cited in the section, or the paragraph and first page. */
  locator: string;
  /** Every reference cited anywhere in the section, de-duplicated. */
  cites: string[];
  pages?: number[];
  kind: 'question' | 'paragraph' | 'definition' | 'acronyms' | 'references' | 'page';
  /** Title of another section with near-identical text, when this one repeats it. */
  duplicateOf?: string;
}

/**
 * A retrievable, quotable piece of a section: one sentence, list item or numbered item (never spans two
 * sections). Retrieval scores these; the answer quotes them; citations point at their locator.
 */
export interface Chunk {
  id: string;
  sectionId: string;
  docId: string;
  /** The quotable text. */
  text: string;
  /** Text that was embedded and indexed: heading context, list lead-in, then the text. */
  indexText: string;
  /** Position within the section, for document order. */
  position: number;
  /** The locator of the block it came from ("MO ST § 455.040(1)", "para. 3.5.d.(3)(g), p. 41"). */
  locator: string;
  /** Statute or note references of its block. */
  cites: string[];
  /** List depth (0 = paragraph). */
  depth: number;
  /** Source paragraph of its block: sentences of one paragraph share it. */
  paragraph: number;
  /** Ends with ":" so the list items after it complete it. */
  leadIn: boolean;
  /** In the section's first paragraph of text (with its list): where a Q&A section answers its own question. */
  opening: boolean;
}

/** An acronym from the DoD glossary, used for query expansion and "what is X" answers. */
export interface Acronym {
  acronym: string;
  meaning: string;
}

/** A parsed document: its sections and any data mined from it. */
export interface ParsedDocument {
  docId: string;
  sections: Section[];
  acronyms: Acronym[];
}
