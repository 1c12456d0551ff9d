import type { ListItem } from '@groundwork/content';
import { Text, View } from '@react-pdf/renderer';
import { InlineContent } from './inline-content.js';
import { keyed } from './keyed.js';
import { useTheme } from './theme-context.js';
import { BODY_SIZE } from './typography.js';

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
  const bullets = ['•', '–', '·'];
  return (
    <View style={{ marginBottom: depth === 0 ? 7 : 0, marginLeft: depth === 0 ? 2 : 0 }}>
      {keyed(items).map(({ key, item, position }) => (
        <View key={key} style={{ flexDirection: 'row', marginBottom: 2.5 }}>
          <Text
            style={{
              width: ordered ? 18 : 12,
              fontSize: BODY_SIZE,
              lineHeight: 1.45,
              color: theme.colours.primary,
            }}
          >
            {ordered ? `${position + 1}.` : (bullets[depth % bullets.length] ?? '•')}
          </Text>
          <View style={{ flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>
            <Text
              hyphenationCallback={theme.hyphenate}
              style={{ fontSize: BODY_SIZE, lineHeight: 1.45, color: theme.colours.ink }}
            >
              <InlineContent content={item.content} />
            </Text>
            {item.list ? (
              <ListView ordered={item.list.ordered} items={item.list.items} depth={depth + 1} />
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
