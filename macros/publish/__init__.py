"""Stage 5, publish: what the site offers beyond its pages. The registry of embeddable components
(components.py) with their rows (tables.py), the export and API files (exports.py), the embed boxes
and catalogues (embeds.py), and the diagrams drawn ahead of time that replace mermaid source in the
pages (drawings.py, with the drawings in prerendered/)."""
