"""tocsin.lang."""
