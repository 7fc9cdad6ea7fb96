"""Building the site: the engine, one build per language and its context, the generated pages' registry, search
bundles and the rendered-site link check."""
