"""Golden-set evaluation: bilingual cases, expected values computed from the raw mirror, and a scorer."""
