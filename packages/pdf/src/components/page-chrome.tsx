import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { artifact, structure } from '../tagging/structure-tag.js';
import { AddressText, keepPhoneNumbersTogether } from './address-text.js';
import { useTheme } from './theme-context.js';
import { paperDimensions } from '../paper.js';
import { fitLogo, PracticeLogo } from './practice-logo.js';
import { Paragraph } from './typography.js';

/** Page margins in points, shared by every document kind. */
export const PAGE_PADDING = { top: 54, bottom: 74, horizontal: 58 } as const;

/**
 * Between two items of a line: textkit treats a run of two ASCII spaces as
 * part of a word and draws a hyphen when it breaks there, so the extra space
 * is a no-break one, and a line may break only after the dot.
 */
const ITEM_SEPARATOR = '\u00A0·\u00A0 ';

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
        // A fixed, right-aligned box: the number is only known after layout,
        // and sized to its placeholder it ran a few points past the margin.
        style={{
          fontSize: 8,
          color: theme.colours.muted,
          flexShrink: 0,
          width: 72,
          textAlign: 'right',
          fontFamily: theme.fullFontFamily,
        }}
        render={({ pageNumber, totalPages }) =>
          theme.labels.pageOf(pageNumber, totalPages ?? pageNumber)
        }
      />
    </View>
  );
}

/** The box a letterhead logo is fitted into, keeping its aspect: a 4:1 wordmark is 140 x 35, a 1:4 mark 12 x 48. */
export const LETTERHEAD_LOGO_BOX = { width: 140, height: 48, gap: 14 } as const;

/**
 * The practice letterhead: logo (when the brand kit has one), name and
 * contact lines. The text column gets an explicit width, the page's content
 * width less the logo's, so long names and contact lines wrap inside the
 * margins whatever the logo's aspect (yoga otherwise sized it to its text).
 */
export function Letterhead() {
  const theme = useTheme();
  const { practice, logo } = theme.brandKit;
  // A phone number stays on one line with its label; the website breaks only after "/" or ".".
  const phone = (label: string, number: string) =>
    keepPhoneNumbersTogether(`${label}\u00A0${number.replace(/ /g, '\u00A0')}`);
  // One string: a separator in a text run of its own could still be broken before.
  const contactLine = [
    practice.address,
    practice.phone ? phone(theme.labels.phone, practice.phone) : undefined,
    practice.emergencyPhone ? phone(theme.labels.emergency, practice.emergencyPhone) : undefined,
  ]
    .filter(Boolean)
    .join(ITEM_SEPARATOR);
  const contacts: ReactNode[] = [
    contactLine && practice.website ? `${contactLine}${ITEM_SEPARATOR}` : contactLine,
    practice.website ? <AddressText key="website" address={practice.website} /> : undefined,
  ].filter(Boolean);
  const contentWidth = paperDimensions(theme.paper).width - 2 * PAGE_PADDING.horizontal;
  const logoSize = logo ? fitLogo(logo, LETTERHEAD_LOGO_BOX) : undefined;
  const textWidth = contentWidth - (logoSize ? logoSize.width + LETTERHEAD_LOGO_BOX.gap : 0);
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
      <PracticeLogo box={LETTERHEAD_LOGO_BOX} marginRight={LETTERHEAD_LOGO_BOX.gap} />
      <View style={{ width: textWidth }}>
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
            {contacts.flatMap((contact, index) =>
              index === 0 ? [contact] : [ITEM_SEPARATOR, contact],
            )}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/**
 * The facts every clinical document carries: version, review date, reviewer
 * and disclaimer. A `reviewLine` (who reviewed it for the practice) replaces
 * the review date and reviewer.
 */
export function ClinicalStatement({
  version,
  reviewedAt,
  reviewer,
  reviewLine,
  disclaimer,
}: {
  version: string;
  reviewedAt: string;
  reviewer: string;
  reviewLine?: string | undefined;
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
        {(reviewLine
          ? [`${theme.labels.version} ${version}`, reviewLine]
          : [
              `${theme.labels.version} ${version}`,
              `${theme.labels.reviewed}: ${reviewedAt}`,
              `${theme.labels.reviewer}: ${reviewer}`,
            ]
        ).join(ITEM_SEPARATOR)}
      </Paragraph>
      <Paragraph size={8.5} spaceAfter={0} muted>
        {disclaimer}
      </Paragraph>
    </View>
  );
}
