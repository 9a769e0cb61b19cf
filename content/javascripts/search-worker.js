/* Material's search worker (mkdocs-material 9.8.1; the file is named by the theme's version: a test
   checks that it exists, re-check on an upgrade) with one change. The index splits text into words
   by mkdocs.yml's search `separator`, which keeps hyphenated words whole ("lock-in", "break-even");
   but lunr splits a query by its own default, at hyphens too, so "lock-in" was looked up as "lock*"
   and "in*", and "in*" matched most pages. Here a query is split exactly as the index is.
   overrides/main.html points Material at this file. */
importScripts("../assets/javascripts/workers/search.a7633da7.min.js");
Object.defineProperty(lunr.QueryLexer, "termSeparator", {
  configurable: true,
  get: function () { return lunr.tokenizer.separator; }
});
