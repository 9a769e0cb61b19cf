/* For host pages (wikis, intranet pages) that frame components of this site and allow scripts:
   sizes each iframe to the height its embed reports, so it shows no inner scrollbar.
   Add once per page (the embed codes give it with its integrity= hash):
     <script src=".../assets/embed/resizer.js" integrity="sha384-..." crossorigin="anonymous" async></script>
   Listens for {"ovc-height": {"<name>": px}} and AMP's {sentinel: "amp", type: "embed-size", height},
   and believes a message only when it comes from this site (its origin is the origin this script was
   loaded from) and from an iframe of the page whose src is one of this site's embeds,
   /embed/<name>/ (for "ovc-height", the name the message gives). Anything else is ignored: any
   frame, and any page it navigates to, may post messages. Heights are clamped to a sane range. */
(function () {
  "use strict";
  var MIN_HEIGHT = 50, MAX_HEIGHT = 30000;
  var script = document.currentScript;
  if (!script || !script.src) { return; }
  // This script is /assets/embed/resizer.js of the site: the site's root is two folders up.
  var root = new URL("../../", script.src);
  var origin = root.origin;
  // Opened from disk (the offline copy), pages have an opaque origin; messages then say "null" (or,
  // in some browsers, "file://"). A page from disk frames only files, so the src check still holds.
  var local = root.protocol === "file:";
  var seen = window.__ovcResizer = window.__ovcResizer || {};
  if (seen[root.href]) { return; }  // once per site, however often the page adds the script
  seen[root.href] = true;

  /* The component an iframe shows, if its src is an embed of this site; else null. */
  function embedName(frame) {
    var url;
    try { url = new URL(frame.src); } catch (e) { return null; }
    if (url.origin !== origin || url.href.indexOf(root.href) !== 0) { return null; }
    var rest = url.pathname.slice(root.pathname.length);
    var match = /^embed\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/(?:index\.html)?|\.html)$/.exec(rest);
    return match ? match[1] : null;
  }

  /* {name: the component the message names, or null for AMP's, height}, or null. */
  function parse(data) {
    if (!data || typeof data !== "object") { return null; }
    var ours = data["ovc-height"];
    if (ours && typeof ours === "object") {
      var keys = Object.keys(ours);
      return keys.length === 1 ? { name: keys[0], height: ours[keys[0]] } : null;
    }
    if (data.sentinel === "amp" && data.type === "embed-size") { return { name: null, height: data.height }; }
    return null;
  }

  function fromThisSite(event) {
    if (local) { return event.origin === "null" || event.origin === "file://"; }
    return event.origin === origin;
  }

  window.addEventListener("message", function (event) {
    if (!fromThisSite(event)) { return; }
    var message = parse(event.data);
    if (!message || typeof message.height !== "number" || !isFinite(message.height) ||
        message.height <= 0) { return; }
    var height = Math.min(Math.max(Math.ceil(message.height), MIN_HEIGHT), MAX_HEIGHT);
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) { continue; }
      var name = embedName(frames[i]);
      if (name === null || (message.name !== null && message.name !== name)) { return; }
      frames[i].style.height = height + "px";
      frames[i].setAttribute("height", String(height));
      return;
    }
  });
})();
