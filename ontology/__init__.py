"""The newskg vocabulary: OWL ontology, SHACL shapes and JSON-LD context, and the errors every layer shares.

This is the bottom layer: it imports nothing else from newskg.
"""
