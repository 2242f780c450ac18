"""tocsin.store."""
