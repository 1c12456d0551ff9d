import { Text, View } from '@react-pdf/renderer';
import { isValidElement, type ReactNode } from 'react';
import { structure } from '../tagging/structure-tag.js';
import { keyed } from './keyed.js';
import { useTheme } from './theme-context.js';

/** A table column: header text and relative width. */
export interface TableColumn {
  header: string;
  /** Relative width (flex grow); defaults to 1. */
  weight?: number;
}

/**
 * A cell of running text (strings, inline runs): drawn as one padded text
 * node, which lays out faster than arbitrary content in a cell box.
 */
export interface TableTextCell {
  text: ReactNode;
  align?: 'left' | 'center' | 'right';
}

/** What a table cell holds: plain text, a {@link TableTextCell}, or any react-pdf content. */
export type TableCell = ReactNode | TableTextCell;

function isTextCell(cell: TableCell): cell is TableTextCell {
  return typeof cell === 'object' && cell !== null && !isValidElement(cell) && 'text' in cell;
}

/**
 * A ruled table with a brand-coloured header row that repeats on every page
 * the table spans. Rows never split across pages. Cells take strings, text
 * cells or nodes.
 */
export function Table({
  columns,
  rows,
  size = 9,
  minRowHeight,
}: {
  columns: TableColumn[];
  rows: TableCell[][];
  size?: number;
  /** Smallest height of a body row, such as room to write in a blank row of a form. */
  minRowHeight?: number;
}) {
  const theme = useTheme();
  const cell = (weight = 1) => ({
    flexGrow: weight,
    flexShrink: 1,
    flexBasis: 0,
    paddingVertical: 4,
    paddingHorizontal: 5,
  });
  // Text cells carry the cell box themselves (padding on the text node), so a
  // cell is one node to lay out rather than a box holding a text.
  const header = (
    <View
      {...structure('TR')}
      fixed
      style={{ flexDirection: 'row', backgroundColor: theme.colours.primary }}
      wrap={false}
    >
      {keyed(columns).map(({ key, item: column }) => (
        <Text
          key={key}
          {...structure('TH', { scope: 'Column' })}
          hyphenationCallback={theme.hyphenate}
          style={{
            ...cell(column.weight),
            fontSize: size,
            lineHeight: 1.3,
            fontWeight: 700,
            color: '#FFFFFF',
          }}
        >
          {column.header}
        </Text>
      ))}
    </View>
  );
  const textStyle = { fontSize: size, lineHeight: 1.35, color: theme.colours.ink };
  return (
    <View
      {...structure('Table')}
      style={{ marginBottom: 9, borderWidth: 0.75, borderColor: theme.colours.rule }}
    >
      {header}
      {keyed(rows).map(({ key, item: row, position: rowIndex }) => (
        <View
          key={key}
          {...structure('TR')}
          wrap={false}
          style={{
            flexDirection: 'row',
            ...(minRowHeight ? { minHeight: minRowHeight } : {}),
            borderTopWidth: rowIndex === 0 ? 0 : 0.5,
            borderTopColor: theme.colours.rule,
            backgroundColor: rowIndex % 2 === 1 ? theme.colours.tint : '#FFFFFF',
          }}
        >
          {keyed(columns).map(({ key: cellKey, item: column, position: columnIndex }) => {
            const content = row[columnIndex];
            if (typeof content === 'string' || content === undefined || isTextCell(content)) {
              const text = isTextCell(content) ? content : { text: content ?? '' };
              return (
                <Text
                  key={cellKey}
                  {...structure('TD')}
                  hyphenationCallback={theme.hyphenate}
                  style={{
                    ...cell(column.weight),
                    ...textStyle,
                    ...(text.align ? { textAlign: text.align } : {}),
                  }}
                >
                  {text.text}
                </Text>
              );
            }
            return (
              <View key={cellKey} {...structure('TD')} style={cell(column.weight)}>
                {content}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
