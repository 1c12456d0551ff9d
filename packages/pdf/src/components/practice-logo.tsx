import { Image } from '@react-pdf/renderer';
import type { Logo } from '../brand/brand-kit.js';
import { structure } from '../tagging/structure-tag.js';
import { useTheme } from './theme-context.js';

/** A logo's size fitted into `box`, keeping its aspect (a 4:1 wordmark in 140 x 48 is 140 x 35). */
export function fitLogo(
  logo: Pick<Logo, 'width' | 'height'>,
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(box.width / logo.width, box.height / logo.height);
  return { width: logo.width * scale, height: logo.height * scale };
}

/**
 * The practice's logo fitted into `box`, or nothing when the brand kit has
 * none. Its alternative text is the practice name (the one place to attach
 * it when the PDF is tagged). Used by the letterhead and the guide's title page.
 */
export function PracticeLogo({
  box,
  marginRight = 0,
  marginBottom = 0,
}: {
  box: { width: number; height: number };
  marginRight?: number;
  marginBottom?: number;
}) {
  const theme = useTheme();
  const { logo } = theme.brandKit;
  if (!logo) return null;
  return (
    <Image
      {...structure('Figure', { alt: theme.brandKit.practice.name })}
      src={{ data: Buffer.from(logo.bytes), format: logo.format === 'png' ? 'png' : 'jpg' }}
      style={{ ...fitLogo(logo, box), objectFit: 'contain', marginRight, marginBottom }}
    />
  );
}
