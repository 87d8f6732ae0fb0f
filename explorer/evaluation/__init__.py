"""Scoring the analysis against annotated data (``explorer eval ner|quotes``)."""
