// The `hyphen` package ships no types; these cover the calls we make.
interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'hyphen/en-us/index.js' {
  const hyphen: HyphenModule;
  export = hyphen;
}
declare module 'hyphen/es/index.js' {
  const hyphen: HyphenModule;
  export = hyphen;
}
