import { execFileSync } from 'node:child_process';

/** One structure element of a tagged PDF, as a reader (screen reader, PDF/UA checker) sees it. */
export interface StructNode {
  type: string;
  /** The /T entry, if any. */
  title?: string;
  /** The /Alt entry (a figure's text alternative), if any. */
  alt?: string;
  children: StructNode[];
  /** How many marked-content pieces (MCIDs) this element holds directly. */
  mcids: number;
  /** Object numbers of the pages those pieces are on. */
  pages: string[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Test helper: read the structure tree of a PDF with `qpdf --json=2` (qpdf from apt), following
 * /StructTreeRoot → /K in order. Returns the document element, the catalog's /Lang and whether the
 * viewer shows the title (/ViewerPreferences /DisplayDocTitle).
 */
export function readStructTree(file: string): { root: StructNode; lang: string; displayDocTitle: boolean } {
  const out = execFileSync('/usr/bin/qpdf', ['--json=2', '--json-key=qpdf', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const objects = (JSON.parse(out) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Json } }>] })
    .qpdf[1];
  const deref = (v: Json | undefined): Json | undefined => {
    if (typeof v === 'string' && / R$/.test(v)) {
      const o = objects[`obj:${v}`];
      return o?.value ?? o?.stream?.dict;
    }
    return v;
  };
  const dict = (v: Json | undefined) => deref(v) as Record<string, Json>;
  const str = (v: Json | undefined) => (typeof v === 'string' ? v.replace(/^[ub]:/, '').replace(/^\//, '') : '');
  const trailer = objects.trailer.value as Record<string, Json>;
  const catalog = dict(trailer['/Root']);
  const treeRoot = dict(catalog['/StructTreeRoot']);

  const node = (ref: Json): StructNode | null => {
    const d = dict(ref);
    if (!d || typeof d !== 'object' || Array.isArray(d)) return null;
    const kids = d['/K'] === undefined ? [] : Array.isArray(d['/K']) ? d['/K'] : [d['/K']];
    const children: StructNode[] = [];
    const pages: string[] = [];
    let mcids = 0;
    for (const k of kids) {
      if (typeof k === 'number') {
        mcids++;
        pages.push(String(d['/Pg']));
        continue;
      }
      const kd = dict(k);
      if (kd && kd['/Type'] === '/MCR') {
        mcids++;
        pages.push(String(kd['/Pg']));
        continue;
      }
      const child = node(k);
      if (child) children.push(child);
    }
    return {
      type: str(d['/S']),
      ...(d['/T'] !== undefined ? { title: str(d['/T']) } : {}),
      ...(d['/Alt'] !== undefined ? { alt: str(d['/Alt']) } : {}),
      children,
      mcids,
      pages,
    };
  };
  const top = Array.isArray(treeRoot['/K']) ? treeRoot['/K'][0] : treeRoot['/K'];
  const prefs = dict(catalog['/ViewerPreferences']) ?? {};
  return { root: node(top)!, lang: str(catalog['/Lang']), displayDocTitle: prefs['/DisplayDocTitle'] === true };
}
