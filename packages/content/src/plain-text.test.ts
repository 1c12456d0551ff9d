import { type Block, type Inline, plainText } from '@groundwork/content';
import { describe, expect, it } from 'vitest';

const run: Inline[] = [
  { type: 'text', value: 'Call ' },
  { type: 'strong', children: [{ type: 'placeholder', name: 'practice.emergencyPhone' }] },
  { type: 'text', value: ' now ' },
  { type: 'citation', referenceIds: ['spravato-label'] },
  { type: 'text', value: '. See ' },
  {
    type: 'link',
    url: 'https://example.org',
    children: [{ type: 'emphasis', children: [{ type: 'text', value: 'the site' }] }],
  },
];

describe('plainText', () => {
  it('drops marks and citations and writes placeholders as {{name}}', () => {
    expect(plainText(run)).toBe('Call {{practice.emergencyPhone}} now. See the site');
  });

  it('lets the caller write placeholders and citations', () => {
    expect(
      plainText(run, { placeholder: () => '555-0199', citation: (ids) => `[${ids.join(', ')}]` }),
    ).toBe('Call 555-0199 now [spravato-label]. See the site');
  });

  it('takes one inline node', () => {
    expect(plainText({ type: 'strong', children: [{ type: 'text', value: 'Stop' }] })).toBe('Stop');
  });

  it('writes each list item, table row and definition on its own line', () => {
    const list: Block = {
      type: 'list',
      id: 'a.1',
      ordered: true,
      items: [
        {
          content: [{ type: 'text', value: 'One' }],
          list: { ordered: false, items: [{ content: [{ type: 'text', value: 'One a' }] }] },
        },
        { content: [{ type: 'text', value: 'Two' }] },
      ],
    };
    expect(plainText(list)).toBe('One\nOne a\nTwo');
    const table: Block = {
      type: 'table',
      id: 'a.2',
      align: [null, null],
      header: [[{ type: 'text', value: 'Dose' }], [{ type: 'text', value: 'When' }]],
      rows: [[[{ type: 'text', value: '1' }], [{ type: 'text', value: 'Monday' }]]],
    };
    expect(plainText(table)).toBe('Dose | When\n1 | Monday');
    const callout: Block = {
      type: 'callout',
      id: 'a.3',
      tone: 'urgent',
      title: 'Call 911',
      blocks: [
        {
          type: 'paragraph',
          id: 'a.3.1',
          content: [{ type: 'text', value: 'If you have chest pain.' }],
        },
      ],
    };
    expect(plainText(callout)).toBe('Call 911\nIf you have chest pain.');
    expect(plainText({ type: 'signature', id: 'a.4', parties: ['patient'], date: true })).toBe('');
  });
});
