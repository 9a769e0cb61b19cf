/* Material for MkDocs 9.8.1, partials/javascripts/base.html, as a file (the site's Content Security
   Policy runs no inline script; overrides/partials/javascripts/base.html loads it). One change:
   __md_scope, the site's root, where Material keeps its settings, comes from this file's own
   address (javascripts/material/base.js, two folders below the root) instead of the base_url the
   template wrote into the page; mkdocs.yml extra.scope, given as data-md-scope, still wins.
   Re-copy on a Material upgrade. */
__md_scope=function(s){var g=s.getAttribute("data-md-scope");return g?new URL(g,location):new URL("../../",s.src)}(document.currentScript),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
