/* On the site's own pages: embed codes are written for the configured address (mkdocs.yml
   site_url). When the site is served from another address, show codes for the real one. */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol)) { return; }
  var boxes = document.querySelectorAll("[data-ovc-site-url]");
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    var configured = box.getAttribute("data-ovc-site-url");
    var actual = new URL(box.getAttribute("data-ovc-root") || "./", location.href).href;
    if (!configured || configured === actual) { continue; }
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (node.nodeValue.indexOf(configured) !== -1) {
        node.nodeValue = node.nodeValue.split(configured).join(actual);
      }
    }
  }
})();
