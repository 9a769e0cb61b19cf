/* The What's new page's filter by kind of change: shows the filter (hidden without scripts, when
every change shows), keeps the chosen kind in the address (?kind=...), hides the other entries and
the months left empty, and says how many changes show. Idle on every other page. */
(function () {
  "use strict";

  function init() {
    var filter = document.querySelector(".ovc-change-filter");
    if (!filter) return;
    var entries = Array.prototype.slice.call(document.querySelectorAll(".ovc-change"));
    var links = Array.prototype.slice.call(filter.querySelectorAll("a[data-kind]"));
    var status = filter.querySelector(".ovc-change-filter__status");
    var known = links.map(function (a) { return a.getAttribute("data-kind"); });

    function show(kind) {
      if (known.indexOf(kind) < 0) kind = "";
      var shown = 0;
      entries.forEach(function (entry) {
        var match = !kind || entry.getAttribute("data-kind") === kind;
        entry.hidden = !match;
        if (match) shown += 1;
      });
      /* a month whose entries are all hidden: hide its heading too */
      document.querySelectorAll(".md-typeset h2").forEach(function (heading) {
        var next = heading.nextElementSibling, any = false, own = false;
        while (next && next.tagName !== "H2") {
          if (next.classList.contains("ovc-change")) { own = true; if (!next.hidden) any = true; }
          next = next.nextElementSibling;
        }
        if (own) heading.hidden = !any;
      });
      links.forEach(function (a) {
        if (a.getAttribute("data-kind") === kind) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      });
      status.textContent = shown + (shown === 1 ? " change" : " changes") + " shown.";
    }

    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        event.preventDefault();
        var kind = a.getAttribute("data-kind");
        var query = kind ? "?kind=" + encodeURIComponent(kind) : "";
        window.history.replaceState(null, "", window.location.pathname + query);
        show(kind);
      });
    });
    filter.hidden = false;
    show(new URLSearchParams(window.location.search).get("kind") || "");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
