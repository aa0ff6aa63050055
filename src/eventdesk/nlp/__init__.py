"""NLP stages that touch spaCy: model loading and case restoration."""
