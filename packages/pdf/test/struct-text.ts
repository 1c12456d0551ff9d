// Reads a tagged PDF's structure back with poppler (`pdfinfo -struct-text`),
// the way a screen reader's PDF engine would, as a tree of roles and text.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A structure element as poppler prints it: role, ID if any, and its children or text in order. */
export interface StructTextNode {
  role: string;
  id?: string;
  children: (StructTextNode | string)[];
}

/** Runs `pdfinfo -struct-text` and parses its indented listing. */
export async function structText(bytes: Uint8Array): Promise<StructTextNode> {
  const folder = await mkdtemp(join(tmpdir(), 'struct-text-'));
  try {
    const file = join(folder, 'document.pdf');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)('pdfinfo', ['-struct-text', file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseStructText(stdout);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Parses poppler's listing: two spaces of indent per level, quoted text, `Object n 0` for annotations. */
export function parseStructText(listing: string): StructTextNode {
  const root: StructTextNode = { role: 'root', children: [] };
  const stack: { depth: number; node: StructTextNode }[] = [{ depth: -1, node: root }];
  for (const line of listing.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const content = line.trim();
    while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop();
    const parent = stack.at(-1)?.node ?? root;
    if (content.startsWith('"')) {
      parent.children.push(content.slice(1, content.endsWith('"') ? -1 : undefined));
      continue;
    }
    // Annotations (`Object 12 0`) and attribute lines (`/Scope /Column`) are not text.
    if (/^Object \d+ \d+$/.test(content) || content.startsWith('/')) continue;
    const match = /^([^\s:]+):?(?: <([^>]*)>)?/.exec(content);
    const node: StructTextNode = {
      role: match?.[1] ?? content,
      ...(match?.[2] ? { id: match[2] } : {}),
      children: [],
    };
    parent.children.push(node);
    stack.push({ depth, node });
  }
  return root;
}

/** All text of an element; `skip` leaves out descendants of those roles (a nested list, say). */
export function textOf(node: StructTextNode, skip: readonly string[] = []): string {
  return node.children
    .map((child) =>
      typeof child === 'string' ? child : skip.includes(child.role) ? '' : textOf(child, skip),
    )
    .join('');
}

/** Every element with one of `roles`, in document order. */
export function findAll(node: StructTextNode, roles: readonly string[]): StructTextNode[] {
  const found: StructTextNode[] = [];
  const visit = (current: StructTextNode) => {
    if (roles.includes(current.role)) found.push(current);
    for (const child of current.children) if (typeof child !== 'string') visit(child);
  };
  visit(node);
  return found;
}
