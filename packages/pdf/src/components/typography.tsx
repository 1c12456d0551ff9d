import { Text } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { type StructureRole, structure } from '../tagging/structure-tag.js';
import { useTheme } from './theme-context.js';

/** Body text size in points. */
export const BODY_SIZE = 10.5;

/** Font sizes of headings by level (1 = document title). */
export const HEADING_SIZES = { 1: 24, 2: 15.5, 3: 12.5, 4: 11 } as const;

/** A paragraph of body text, hyphenated for the document's locale. */
export function Paragraph({
  children,
  size = BODY_SIZE,
  muted = false,
  spaceAfter = 7,
}: {
  children: ReactNode;
  size?: number;
  muted?: boolean;
  spaceAfter?: number;
}) {
  const theme = useTheme();
  return (
    <Text
      {...structure('P')}
      hyphenationCallback={theme.hyphenate}
      style={{
        fontSize: size,
        lineHeight: 1.45,
        color: muted ? theme.colours.muted : theme.colours.ink,
        marginBottom: spaceAfter,
      }}
    >
      {children}
    </Text>
  );
}

/**
 * A heading in the brand's primary colour (levels 1-4), tagged H1-H4, or as
 * `structureRole` where its place in the outline differs from its look.
 */
export function Heading({
  level,
  children,
  id,
  structureRole = `H${level}`,
}: {
  level: 1 | 2 | 3 | 4;
  children: ReactNode;
  id?: string;
  structureRole?: StructureRole;
}) {
  const theme = useTheme();
  const size = HEADING_SIZES[level];
  return (
    <Text
      {...structure(structureRole)}
      {...(id ? { id } : {})}
      hyphenationCallback={theme.hyphenate}
      minPresenceAhead={48}
      style={{
        fontSize: size,
        lineHeight: 1.2,
        fontWeight: 700,
        color: level <= 2 ? theme.colours.primary : theme.colours.ink,
        marginTop: level === 1 ? 0 : level === 2 ? 12 : 8,
        marginBottom: level === 1 ? 10 : 5,
      }}
    >
      {children}
    </Text>
  );
}
