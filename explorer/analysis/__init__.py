"""Analysis: Article text → entities, quotes with speakers, and actors.

Importing this package must not import Textual or torch.
"""
