"""Language identification and spaCy pipelines."""

from tocsin.nlp.pipelines import Pipelines, load_pipeline, model_name

__all__ = ["Pipelines", "load_pipeline", "model_name"]
