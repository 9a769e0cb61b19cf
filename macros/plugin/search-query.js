/* Appended to Material's search worker (mkdocs-material 9.8.1), which the build serves as
   javascripts/search-worker.js (macros/plugin/hooks.py, on_files; overrides/main.html points
   Material at it). The index splits text into words by mkdocs.yml's search `separator`, which keeps
   hyphenated words whole ("lock-in", "break-even"); but lunr splits a query by its own default, at
   hyphens too, so "lock-in" was looked up as "lock*" and "in*", and "in*" matched most pages. Here a
   query is split exactly as the index is. */
Object.defineProperty(lunr.QueryLexer, "termSeparator", {
  configurable: true,
  get: function () { return lunr.tokenizer.separator; }
});
