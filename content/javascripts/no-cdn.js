/* Material for MkDocs fetches a script from unpkg.com when it finds one missing: mermaid, when a page
   draws a diagram in the browser and the site's own mermaid.min.js did not load, and a ResizeObserver
   polyfill in browsers without ResizeObserver. This site makes no request to another server,
   whatever fails, so both get a harmless stand-in here before Material looks for them. Loaded in
   <head> (overrides/partials/javascripts/base.html), before Material's bundle.
   Material also fetches a sitemap.xml beside every <link rel="alternate"> of a page (for its language
   switcher), the pages' oEmbed and Atom feed discovery links among them: from /oembed/sitemap.xml at
   site_url, which is another server wherever the site is served from elsewhere, and from
   /feeds/sitemap.xml, a 404. Those links are for wikis and feed readers that read the page's HTML,
   not for the browser, so they leave the live page here, before Material looks for them. */
(function () {
  "use strict";
  if (typeof window.ResizeObserver === "undefined") {
    // Tells of each element when it is first observed and whenever the window is resized: enough
    // for Material's sidebars and for the embeds' height reports (assets/embed/frame.js).
    window.ResizeObserver = function (callback) {
      var targets = [], self = this;
      function report() {
        if (targets.length) {
          callback(targets.map(function (t) { return { target: t, contentRect: t.getBoundingClientRect() }; }), self);
        }
      }
      this.observe = function (target) {
        if (targets.indexOf(target) === -1) { targets.push(target); }
        setTimeout(report, 0);
      };
      this.unobserve = function (target) {
        targets = targets.filter(function (t) { return t !== target; });
      };
      this.disconnect = function () {
        targets = [];
        window.removeEventListener("resize", report);
      };
      window.addEventListener("resize", report);
    };
  }
  // Deferred scripts (mermaid.min.js among them) have all run by now, and this listener runs before
  // Material's own, which its bundle, at the end of the body, registers later.
  document.addEventListener("DOMContentLoaded", function () {
    var discovery = document.querySelectorAll('link[rel="alternate"][type="application/json+oembed"], ' +
                                              'link[rel="alternate"][type="application/atom+xml"]');
    for (var i = 0; i < discovery.length; i++) {
      discovery[i].parentNode.removeChild(discovery[i]);
    }
    if (typeof window.mermaid === "undefined" || window.mermaid instanceof Element) {
      window.mermaid = {
        initialize: function () {},
        render: function () {
          return Promise.resolve({ svg: "<p>This diagram could not be drawn: its script did not load.</p>" });
        }
      };
    }
  });
})();
