import type { ListItem } from '@groundwork/content';
import { Text, View } from '@react-pdf/renderer';
import { structure } from '../tagging/structure-tag.js';
import { InlineContent } from './inline-content.js';
import { keyed } from './keyed.js';
import { useTheme } from './theme-context.js';
import { BODY_SIZE } from './typography.js';

const BULLETS = ['•', '–', '·'];
/** Takes the rest of an item's row next to its bullet. */
const ITEM_BODY = { flexGrow: 1, flexShrink: 1, flexBasis: 0 } as const;

/** A bulleted or numbered list, nested lists indented under their item. */
export function ListView({
  ordered,
  items,
  depth = 0,
}: {
  ordered: boolean;
  items: readonly ListItem[];
  depth?: number;
}) {
  const theme = useTheme();
  const bulletStyle = {
    width: ordered ? 18 : 12,
    fontSize: BODY_SIZE,
    lineHeight: 1.45,
    color: theme.colours.primary,
  };
  const textStyle = { fontSize: BODY_SIZE, lineHeight: 1.45, color: theme.colours.ink };
  return (
    <View
      {...structure('L')}
      style={{ marginBottom: depth === 0 ? 7 : 0, marginLeft: depth === 0 ? 2 : 0 }}
    >
      {keyed(items).map(({ key, item, position }) => (
        <View key={key} {...structure('LI')} style={{ flexDirection: 'row', marginBottom: 2.5 }}>
          <Text {...structure('Lbl')} style={bulletStyle}>
            {ordered ? `${position + 1}.` : (BULLETS[depth % BULLETS.length] ?? '•')}
          </Text>
          {item.list ? (
            <View {...structure('LBody')} style={ITEM_BODY}>
              <Text hyphenationCallback={theme.hyphenate} style={textStyle}>
                <InlineContent content={item.content} />
              </Text>
              <ListView ordered={item.list.ordered} items={item.list.items} depth={depth + 1} />
            </View>
          ) : (
            // Without a nested list the text takes the column's place itself: one node fewer to lay out.
            <Text
              {...structure('LBody')}
              hyphenationCallback={theme.hyphenate}
              style={{ ...textStyle, ...ITEM_BODY }}
            >
              <InlineContent content={item.content} />
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
