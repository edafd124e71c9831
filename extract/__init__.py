"""Article → entities and triples with evidence (the CONTRACT JSON).

Public entry points: `newskg.extract.reader.read_paths` and `newskg.extract.pipeline.Extractor`.
"""
