import { Image, Text, View } from '@react-pdf/renderer';
import { artifact, structure } from '../tagging/structure-tag.js';
import { useTheme } from './theme-context.js';
import { Paragraph } from './typography.js';

/** Page margins in points, shared by every document kind. */
export const PAGE_PADDING = { top: 54, bottom: 74, horizontal: 58 } as const;

/** A thin brand-coloured band across the top of every page. */
export function TopBand() {
  const theme = useTheme();
  return (
    <View
      {...artifact('Pagination')}
      fixed
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: 6,
        backgroundColor: theme.colours.primaryRaw,
      }}
    />
  );
}

/** Running footer on every page: practice name and footer note on the left, "Page X of Y" on the right. */
export function RunningFooter({ title }: { title?: string }) {
  const theme = useTheme();
  const { practice } = theme.brandKit;
  const note = theme.brandKit.footerNote;
  return (
    <View
      {...artifact('Pagination')}
      fixed
      style={{
        position: 'absolute',
        bottom: 28,
        left: PAGE_PADDING.horizontal,
        right: PAGE_PADDING.horizontal,
        flexDirection: 'row',
        justifyContent: 'space-between',
        alignItems: 'flex-end',
        borderTopWidth: 0.75,
        borderTopColor: theme.colours.rule,
        paddingTop: 6,
      }}
    >
      <View style={{ flexGrow: 1, flexShrink: 1, paddingRight: 12 }}>
        <Text
          style={{ fontSize: 8, color: theme.colours.muted }}
          hyphenationCallback={theme.hyphenate}
        >
          {title ? `${practice.name} · ${title}` : practice.name}
        </Text>
        {note ? (
          <Text
            style={{ fontSize: 7.5, color: theme.colours.muted }}
            hyphenationCallback={theme.hyphenate}
          >
            {note}
          </Text>
        ) : null}
      </View>
      <Text
        // Its own fontFamily: text only known at layout time gets the whole stack.
        style={{
          fontSize: 8,
          color: theme.colours.muted,
          flexShrink: 0,
          fontFamily: theme.fullFontFamily,
        }}
        render={({ pageNumber, totalPages }) =>
          theme.labels.pageOf(pageNumber, totalPages ?? pageNumber)
        }
      />
    </View>
  );
}

/** The practice letterhead: logo (when the brand kit has one), name and contact lines. */
export function Letterhead() {
  const theme = useTheme();
  const { practice, logo } = theme.brandKit;
  const contacts = [
    practice.address,
    practice.phone ? `${theme.labels.phone} ${practice.phone}` : undefined,
    practice.emergencyPhone ? `${theme.labels.emergency} ${practice.emergencyPhone}` : undefined,
    practice.website,
  ].filter((value): value is string => Boolean(value));
  const logoHeight = 44;
  return (
    <View
      style={{
        flexDirection: 'row',
        alignItems: 'center',
        borderBottomWidth: 1.5,
        borderBottomColor: theme.colours.primary,
        paddingBottom: 10,
        marginBottom: 16,
      }}
    >
      {logo ? (
        <Image
          {...structure('Figure', { alt: practice.name })}
          src={{ data: Buffer.from(logo.bytes), format: logo.format === 'png' ? 'png' : 'jpg' }}
          style={{
            height: logoHeight,
            width: Math.min(160, (logo.width / logo.height) * logoHeight),
            objectFit: 'contain',
            marginRight: 14,
          }}
        />
      ) : null}
      <View style={{ flexGrow: 1, flexShrink: 1 }}>
        <Text
          {...structure('P')}
          hyphenationCallback={theme.hyphenate}
          style={{ fontSize: 14, fontWeight: 700, color: theme.colours.primary, lineHeight: 1.25 }}
        >
          {practice.name}
        </Text>
        {contacts.length > 0 ? (
          <Text
            {...structure('P')}
            hyphenationCallback={theme.hyphenate}
            style={{ fontSize: 8.5, color: theme.colours.muted, lineHeight: 1.35 }}
          >
            {contacts.join('  ·  ')}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/** The facts every clinical document carries: version, review date, reviewer and disclaimer. */
export function ClinicalStatement({
  version,
  reviewedAt,
  reviewer,
  disclaimer,
}: {
  version: string;
  reviewedAt: string;
  reviewer: string;
  disclaimer: string;
}) {
  const theme = useTheme();
  return (
    <View
      {...structure('Div')}
      wrap={false}
      style={{
        marginTop: 14,
        padding: 9,
        backgroundColor: theme.colours.tint,
        borderLeftWidth: 3,
        borderLeftColor: theme.colours.primary,
      }}
    >
      <Paragraph size={8.5} spaceAfter={3}>
        {`${theme.labels.version} ${version}  ·  ${theme.labels.reviewed}: ${reviewedAt}  ·  ${theme.labels.reviewer}: ${reviewer}`}
      </Paragraph>
      <Paragraph size={8.5} spaceAfter={0} muted>
        {disclaimer}
      </Paragraph>
    </View>
  );
}
