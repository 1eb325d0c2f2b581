"""Versioned prompt files (YAML), shipped as package data so an installed Cifra finds them."""
