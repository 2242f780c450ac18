"""tocsin.ontology."""
