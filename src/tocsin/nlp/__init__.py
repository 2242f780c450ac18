"""tocsin.nlp."""
