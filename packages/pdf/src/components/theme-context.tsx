import { createContext, useContext } from 'react';
import type { Theme } from '../theme.js';

const ThemeContext = createContext<Theme | null>(null);

/** Provides the theme to every Groundwork PDF component below it. */
export const ThemeProvider = ThemeContext.Provider;

/** The current theme; throws when a component is used outside a Groundwork document. */
export function useTheme(): Theme {
  const theme = useContext(ThemeContext);
  if (!theme)
    throw new Error('Groundwork PDF components must be rendered inside a Groundwork document');
  return theme;
}
