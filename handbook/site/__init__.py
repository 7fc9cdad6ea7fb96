"""Site features: the plan, the employers' link catalogue, the operator's details and public addresses."""
