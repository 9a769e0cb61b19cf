/* For host pages (wikis, intranet pages) that frame components of this site and allow scripts:
   sizes each iframe to the height its embed reports, so it shows no inner scrollbar.
   Add once per page: <script src=".../assets/embed/resizer.js" async></script>
   Listens for {"ovc-height": {"<name>": px}} and AMP's {sentinel: "amp", type: "embed-size"}. */
(function () {
  "use strict";
  if (window.__ovcResizer) { return; }
  window.__ovcResizer = true;

  function heightOf(data) {
    if (!data || typeof data !== "object") { return null; }
    var ours = data["ovc-height"];
    if (ours && typeof ours === "object") {
      for (var key in ours) {
        if (Object.prototype.hasOwnProperty.call(ours, key)) { return ours[key]; }
      }
    }
    if (data.sentinel === "amp" && data.type === "embed-size") { return data.height; }
    return null;
  }

  window.addEventListener("message", function (event) {
    var height = heightOf(event.data);
    if (typeof height !== "number" || !isFinite(height) || height <= 0) { return; }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 100000) + "px";
        frames[i].setAttribute("height", String(Math.min(Math.ceil(height), 100000)));
      }
    }
  });
})();
