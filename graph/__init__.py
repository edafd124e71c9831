"""The knowledge graph: stable IRIs, an rdflib Dataset over Oxigraph, SPARQL, exports, networkx.

graph/ sees only `newskg.extract.records` (never a spaCy Doc) and never imports spaCy.

The data model (terms from `ontology/newskg.ttl`, namespace `nkg:`):

* one named graph per article; its IRI is the article's IRI (`https://w3id.org/newskg/article/<slug>`)
  and it holds everything that article contributes: the article node, entity labels and types,
  facts, statements and mentions. Queries run with the default graph as the union of all named graphs.
* article: `a nkg:NewsArticle`; `schema:headline`, `schema:text`, `schema:datePublished` (xsd:date),
  `prov:wasDerivedFrom <source>`, `prov:generatedAtTime`, `nkg:extractorVersion`.
* entity (`https://w3id.org/newskg/entity/<key>`): `a nkg:<Class>`; `nkg:entityType "PERSON|ORG|LOC"`;
  `rdfs:label "…"@ko, "…"@en`; `skos:altLabel` aliases; places from the gazetteer:
  `owl:sameAs <https://sws.geonames.org/<id>/>`, `nkg:geonamesId`, `schema:latitude`, `schema:longitude`.
* fact: the direct triple `<s> nkg:<predicate> <o>` plus a statement resource `a nkg:Statement` with
  `rdf:subject/rdf:predicate/rdf:object`, `nkg:confidence`, `nkg:evidenceText`, `nkg:startOffset`,
  `nkg:endOffset`, `nkg:article`.
* mention: `a nkg:Mention`; `nkg:mentionOf <entity>`, `nkg:startOffset`, `nkg:endOffset`, `nkg:article`.
"""
