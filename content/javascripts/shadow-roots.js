/* Diagrams drawn ahead of time (macros/publish/drawings.py) sit in a declarative shadow root. Browsers
   without declarative shadow DOM (before Chrome 111, Safari 16.4, Firefox 123) attach it here. */
document.querySelectorAll(".ovc-diagram>template[shadowrootmode]").forEach(function (t) {
  var host = t.parentNode;
  if (host.shadowRoot) { return; }
  host.attachShadow({ mode: "open" }).appendChild(t.content);
  t.remove();
});
