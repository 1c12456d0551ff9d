import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { keyed } from './keyed.js';
import { useTheme } from './theme-context.js';

/** A table column: header text and relative width. */
export interface TableColumn {
  header: string;
  /** Relative width (flex grow); defaults to 1. */
  weight?: number;
}

/**
 * A ruled table with a brand-coloured header row that repeats on every page
 * the table spans. Rows never split across pages. Cells take strings or nodes.
 */
export function Table({
  columns,
  rows,
  size = 9,
}: {
  columns: TableColumn[];
  rows: ReactNode[][];
  size?: number;
}) {
  const theme = useTheme();
  const cell = (weight = 1) => ({
    flexGrow: weight,
    flexShrink: 1,
    flexBasis: 0,
    paddingVertical: 4,
    paddingHorizontal: 5,
  });
  const header = (
    <View
      fixed
      style={{ flexDirection: 'row', backgroundColor: theme.colours.primary }}
      wrap={false}
    >
      {keyed(columns).map(({ key, item: column }) => (
        <View key={key} style={cell(column.weight)}>
          <Text
            hyphenationCallback={theme.hyphenate}
            style={{ fontSize: size, lineHeight: 1.3, fontWeight: 700, color: '#FFFFFF' }}
          >
            {column.header}
          </Text>
        </View>
      ))}
    </View>
  );
  return (
    <View style={{ marginBottom: 9, borderWidth: 0.75, borderColor: theme.colours.rule }}>
      {header}
      {keyed(rows).map(({ key, item: row, position: rowIndex }) => (
        <View
          key={key}
          wrap={false}
          style={{
            flexDirection: 'row',
            borderTopWidth: rowIndex === 0 ? 0 : 0.5,
            borderTopColor: theme.colours.rule,
            backgroundColor: rowIndex % 2 === 1 ? theme.colours.tint : '#FFFFFF',
          }}
        >
          {keyed(columns).map(({ key: cellKey, item: column, position: columnIndex }) => (
            <View key={cellKey} style={cell(column.weight)}>
              {typeof row[columnIndex] === 'string' || row[columnIndex] === undefined ? (
                <Text
                  hyphenationCallback={theme.hyphenate}
                  style={{ fontSize: size, lineHeight: 1.35, color: theme.colours.ink }}
                >
                  {row[columnIndex] ?? ''}
                </Text>
              ) : (
                row[columnIndex]
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
