"""Site features: the plan, the employers' link catalogue, the editors' reports and the operator's details."""
