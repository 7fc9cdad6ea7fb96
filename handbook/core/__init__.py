"""Foundations every other package uses: problems as `path:line: what — fix`, YAML and front matter read with
their lines, plain-text and slug rules, addresses, environment variables, the registry of generated pages and a
local server. Imports nothing else of the handbook."""
