"""The content model: pages, translations, review status, figures, glossary, interface strings and language marks."""
