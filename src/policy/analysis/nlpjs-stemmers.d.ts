// @nlpjs/lang-sv and @nlpjs/lang-en-min ship no types; only their Snowball stemmers are used.
interface SnowballStemmer {
  setCurrent(word: string): void;
  innerStem(): void;
  getCurrent(): string;
}
declare module "@nlpjs/lang-sv/src/stemmer-sv" {
  const StemmerSv: new () => SnowballStemmer;
  export = StemmerSv;
}
declare module "@nlpjs/lang-en-min/src/stemmer-en" {
  const StemmerEn: new () => SnowballStemmer;
  export = StemmerEn;
}
