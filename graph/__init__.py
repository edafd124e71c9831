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

Details added by the builder (`graph.build`), all inside the article's graph:

* the article also carries `nkg:contentHash` (SHA-256 of its extraction) and `nkg:inputHash` (of the
  article as read plus the extractor version): a rebuild skips unchanged articles and replaces
  changed ones, so building is idempotent and incremental;
* symmetric predicates (meets, accompanies, signsAgreementWith, sisterCityOf, cooperatesWith) are
  written in both directions, with one statement resource (in the direction the extractor gave);
* statement IRIs are `<article>#f-<hash of s, p, o, evidence offsets>`, mention IRIs
  `<article>#m-<entity key>-<start>-<end>`: deterministic, so a rebuild gives the same graph;
* entity keys (`graph.resolve`): GeoNames id (`gn5391811`), else the extractor's gazetteer key
  (`kr-KR-41-siheung-si`), else the normalised Korean name; places also get
  `owl:sameAs <https://sws.geonames.org/<id>/>`.

Two graphs are the store's, not an article's: reviews (`graph.review`, `…/newskg/reviews`) and the
summary (`graph.summary`, `…/newskg/summary`): per entity `nkg:degree` and `nkg:degreeRank`, the
Overview's counts and a stamp, recomputed at the end of every build and left out of exports.
"""
