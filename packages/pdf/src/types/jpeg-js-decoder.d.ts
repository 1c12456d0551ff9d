// jpeg-js's decoder on its own (its index also loads the encoder, which browser bundles do not need).
declare module 'jpeg-js/lib/decoder.js' {
  export default function decode(
    jpegData: Uint8Array,
    options: {
      useTArray: true;
      formatAsRGBA?: boolean;
      tolerantDecoding?: boolean;
      maxResolutionInMP?: number;
      maxMemoryUsageInMB?: number;
    },
  ): { width: number; height: number; data: Uint8Array };
}
