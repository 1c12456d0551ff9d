declare module 'silabea' {
  /** Syllabification of one Spanish word (only the field the tests use). */
  const silabea: { getSilabas(word: string): { numeroSilaba: number } };
  export default silabea;
}
