"""tocsin.actors."""
