"""Stage 4, render: validated data in, Markdown, HTML and mermaid out (pages.py, one function per
macro, with templates/), escaped for each place it lands (escape.py), in the order and with the
words and colours every page and export shares (arrange.py, labels.py). Generated HTML goes into the
page after Markdown through the slots of slots.py; glossary.py adds the tooltips."""
