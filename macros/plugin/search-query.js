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

/* lunr 2.3.9 (inside the worker) merges equal states of the automaton that lists the index's words
   by a key of each state's edges, written as label and target id with nothing between them: an edge
   "1" to state 234 and edges "1" to state 2 and "3" to state 4 both read "01234". Words with digits
   (prices, versions) make such keys meet; two different states are then merged, and a prefix query
   expands to words the index does not hold, which throws ("v" threw on "v2.0.40"). Here each edge's
   key ends with a ";": a label is one character and an id only digits, so keys no longer meet. */
lunr.TokenSet.prototype.toString = function () {
  if (this._str) return this._str;
  var str = this.final ? "1" : "0";
  var labels = Object.keys(this.edges).sort();
  for (var i = 0; i < labels.length; i++) {
    str += labels[i] + this.edges[labels[i]].id + ";";
  }
  return str;
};
