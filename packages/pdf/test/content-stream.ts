// Reads a page content stream far enough to tell, for every operator that
// paints, which marked-content sequences enclose it (PDF/UA-1 7.1: all
// content is tagged or an artifact, and the two never nest in each other).

/** A painting operator outside tagged content, or a bad nesting of marked content. */
export interface ContentProblem {
  checkpoint: string;
  message: string;
}

const PAINTING = new Set([
  'Tj',
  'TJ',
  "'",
  '"',
  'Do',
  'f',
  'F',
  'f*',
  'B',
  'B*',
  'b',
  'b*',
  'S',
  's',
  'sh',
  'EI',
]);
const DELIMITERS = '()<>[]{}/%';

type Token = { kind: 'operator'; value: string } | { kind: 'operand'; value: string };

/** Splits content into operands and operators; dictionaries come back whole, as one operand. */
function* tokens(source: string): Generator<Token> {
  let position = 0;
  const length = source.length;
  const isSpace = (character: string) => /\s/.test(character);
  while (position < length) {
    const character = source[position] ?? '';
    if (isSpace(character)) {
      position += 1;
    } else if (character === '%') {
      while (position < length && source[position] !== '\n' && source[position] !== '\r')
        position += 1;
    } else if (character === '(') {
      let depth = 0;
      const start = position;
      for (; position < length; position += 1) {
        const current = source[position];
        if (current === '\\') position += 1;
        else if (current === '(') depth += 1;
        else if (current === ')' && --depth === 0) break;
      }
      position += 1;
      yield { kind: 'operand', value: source.slice(start, position) };
    } else if (character === '<' && source[position + 1] === '<') {
      let depth = 0;
      const start = position;
      while (position < length) {
        if (source.startsWith('<<', position)) {
          depth += 1;
          position += 2;
        } else if (source.startsWith('>>', position)) {
          depth -= 1;
          position += 2;
          if (depth === 0) break;
        } else position += 1;
      }
      yield { kind: 'operand', value: source.slice(start, position) };
    } else if (character === '<') {
      const end = source.indexOf('>', position);
      yield { kind: 'operand', value: source.slice(position, end + 1) };
      position = end + 1;
    } else if (character === '[' || character === ']') {
      position += 1;
      yield { kind: 'operand', value: character };
    } else if (character === '/') {
      const start = position;
      position += 1;
      while (
        position < length &&
        !isSpace(source[position] ?? '') &&
        !DELIMITERS.includes(source[position] ?? '')
      )
        position += 1;
      yield { kind: 'operand', value: source.slice(start, position) };
    } else {
      const start = position;
      while (
        position < length &&
        !isSpace(source[position] ?? '') &&
        !DELIMITERS.includes(source[position] ?? '')
      )
        position += 1;
      if (position === start) position += 1;
      const word = source.slice(start, position);
      yield /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ||
      word === 'true' ||
      word === 'false' ||
      word === 'null'
        ? { kind: 'operand', value: word }
        : { kind: 'operator', value: word };
    }
  }
}

/**
 * Every painting operator that no tagged (MCID) or Artifact sequence
 * encloses (Matterhorn 01-005), every artifact inside tagged content
 * (01-003) and tagged content inside an artifact (01-004), and unbalanced
 * marked content.
 */
export function paintsOutsideMarkedContent(source: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const stack: ('tagged' | 'artifact' | 'other')[] = [];
  let operands: string[] = [];
  let untagged = 0;
  for (const token of tokens(source)) {
    if (token.kind === 'operand') {
      operands.push(token.value);
      continue;
    }
    const operator = token.value;
    if (operator === 'BMC' || operator === 'BDC') {
      const tag = operator === 'BMC' ? operands.at(-1) : operands.at(-2);
      const properties = operator === 'BDC' ? (operands.at(-1) ?? '') : '';
      const kind =
        tag === '/Artifact' ? 'artifact' : /\/MCID\s+\d+/.test(properties) ? 'tagged' : 'other';
      if (kind === 'artifact' && stack.includes('tagged'))
        problems.push({ checkpoint: '01-003', message: 'an artifact inside tagged content' });
      if (kind === 'tagged' && stack.includes('artifact'))
        problems.push({ checkpoint: '01-004', message: 'tagged content inside an artifact' });
      stack.push(kind);
    } else if (operator === 'EMC') {
      if (stack.pop() === undefined)
        problems.push({ checkpoint: '01-005', message: 'EMC without a sequence to end' });
    } else if (PAINTING.has(operator) && !stack.includes('tagged') && !stack.includes('artifact')) {
      untagged += 1;
    }
    operands = [];
  }
  if (untagged > 0)
    problems.push({
      checkpoint: '01-005',
      message: `${untagged} painting operators neither tagged nor artifact`,
    });
  if (stack.length > 0)
    problems.push({
      checkpoint: '01-005',
      message: `${stack.length} marked-content sequences left open`,
    });
  return problems;
}
