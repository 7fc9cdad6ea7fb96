"""Building the site: the engine, one build per language and its context, search bundles, minifying and the
rendered-site link check."""
