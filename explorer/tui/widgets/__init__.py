"""The app's widgets: virtual lists for articles, entities, quotes and actors; the text view."""
