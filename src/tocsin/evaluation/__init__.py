"""tocsin.evaluation."""
