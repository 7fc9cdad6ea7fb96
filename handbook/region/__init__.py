"""The region: the municipality register, offices, maps, municipality, district and welcome-pack pages."""
