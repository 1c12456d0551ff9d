import { Link, Text, View } from '@react-pdf/renderer';
import type { Reference } from '@groundwork/content';
import { AddressText } from './address-text.js';
import { languageStyle, structure } from '../tagging/structure-tag.js';
import { referenceAnchor } from './document-context.js';
import { useTheme } from './theme-context.js';
import { Heading } from './typography.js';

/** Language of the references registry: one English list serves every translation. */
const REFERENCES_LANGUAGE = 'en';

/** The numbered list of works a document cites, each with its link or DOI and the date it was read. */
export function ReferencesList({
  references,
  title,
  compact = false,
}: {
  references: readonly Reference[];
  /** Heading text; `null` prints the list without one (when the content already has a References section). */
  title?: string | null;
  compact?: boolean;
}) {
  const theme = useTheme();
  if (references.length === 0) return null;
  const size = compact ? 7.5 : 8.5;
  return (
    <View style={{ marginTop: compact ? 10 : 4 }}>
      {title === null ? null : compact ? (
        <Text
          {...structure('H2')}
          style={{ fontSize: 9, fontWeight: 700, color: theme.colours.primary, marginBottom: 3 }}
          minPresenceAhead={30}
        >
          {title ?? theme.labels.references}
        </Text>
      ) : (
        <Heading level={2}>{title ?? theme.labels.references}</Heading>
      )}
      {references.map((reference, index) => {
        const href =
          reference.url ?? (reference.doi ? `https://doi.org/${reference.doi}` : undefined);
        return (
          <View
            key={reference.id}
            {...structure('Note', { id: referenceAnchor(reference.id) })}
            id={referenceAnchor(reference.id)}
            style={{ flexDirection: 'row', marginBottom: compact ? 2 : 4 }}
            wrap={false}
          >
            <Text
              style={{ width: 20, fontSize: size, lineHeight: 1.35, color: theme.colours.muted }}
            >{`${index + 1}.`}</Text>
            <Text
              hyphenationCallback={theme.hyphenate}
              style={{
                flexGrow: 1,
                flexShrink: 1,
                flexBasis: 0,
                fontSize: size,
                lineHeight: 1.35,
                color: theme.colours.ink,
              }}
            >
              <Text style={languageStyle(REFERENCES_LANGUAGE)}>{reference.citation}</Text>
              {href ? ' ' : ''}
              {href ? (
                <Link src={href} style={{ color: theme.colours.accent }}>
                  <AddressText address={reference.doi ? `doi:${reference.doi}` : href} />
                </Link>
              ) : null}
              {reference.accessed ? ` (${theme.labels.accessed} ${reference.accessed})` : ''}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
