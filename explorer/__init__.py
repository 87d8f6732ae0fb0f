"""explorer: read Arabic news articles and see who is in them and who said what."""

__version__ = "0.1.0"
