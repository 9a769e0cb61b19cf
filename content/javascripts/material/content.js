/* Material for MkDocs 9.8.1, partials/javascripts/content.html, as a file, unchanged but for its
   content.tabs.link part, left out (the feature is off). The site runs no inline script;
   overrides/partials/javascripts/content.html loads it where Material had it. Re-copy on upgrade. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
