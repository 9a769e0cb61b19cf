/* Inside an embed page (/embed/<name>/): colour scheme from ?theme=light|dark|auto, and the height
   of the content reported to the host page whenever it changes, as
   {"ovc-height": {"<name>": px}} and AMP's {sentinel: "amp", type: "embed-size", height: px}. */
(function () {
  "use strict";
  var body = document.body;
  var root = document.querySelector("[data-ovc-embed]");
  var name = root ? root.getAttribute("data-ovc-embed") : "";
  var theme = new URLSearchParams(location.search).get("theme") || "auto";
  var dark = window.matchMedia ? matchMedia("(prefers-color-scheme: dark)") : null;

  function applyTheme() {
    var isDark = theme === "dark" || (theme !== "light" && dark && dark.matches);
    body.setAttribute("data-md-color-scheme", isDark ? "slate" : "default");
    body.setAttribute("data-md-color-media", "");  // the host decides, not a stored preference
  }
  applyTheme();
  if (theme !== "light" && theme !== "dark" && dark && dark.addEventListener) {
    dark.addEventListener("change", applyTheme);
  }

  if (window.parent === window || !root) { return; }
  var last = 0;
  function report() {
    var inner = root.querySelector(".md-content__inner") || root;
    var box = inner.getBoundingClientRect();
    var margin = parseFloat(getComputedStyle(inner).marginBottom) || 0;
    var height = Math.ceil(box.bottom + window.scrollY + margin);
    if (height === last) { return; }
    last = height;
    var message = {};
    message["ovc-height"] = {};
    message["ovc-height"][name] = height;
    window.parent.postMessage(message, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*");
  }
  function start() {
    report();
    if (window.ResizeObserver) {
      new ResizeObserver(report).observe(root.querySelector(".md-content__inner") || root);
    }
    window.addEventListener("resize", report);
    window.addEventListener("load", report);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
