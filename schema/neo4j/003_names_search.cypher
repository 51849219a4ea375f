// Material names and full-text search. Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
// Name lookup (src/graph/material.store.ts): every name of a material (registry id, curated name, alias,
// polymorph name) is a MaterialName node whose key is the name normalised (src/domain/materialNames.ts:
// NFKC, lower case, Greek letters spelled out, dashes and spaces as one '-'); a range index seeks it.
CREATE INDEX material_name_key IF NOT EXISTS FOR (n:MaterialName) ON (n.key);
// Full-text search (src/graph/search.store.ts). Analyzer 'standard-no-stop-words': Lucene's standard
// tokenizer (Unicode word boundaries) keeps a formula such as Li6PS5Cl or Li1.3Al0.3Ti1.7 as one
// lower-cased token and splits at '-', '(', ')', '/' and spaces (Li2S-P2S5 → li2s, p2s5); the English
// stop-word list of the 'standard' analyzer would drop element symbols that are English words ('In',
// 'As', 'At', 'Be', 'No': Li-In would be indexed as 'li' only), so it is not used. 'simple' splits at
// digits (Li6PS5Cl → li, ps, cl) and 'whitespace' is case-sensitive. Keys are indexed beside the text so
// that subscript digits (Li₆PS₅Cl) are found as Li6PS5Cl.
CREATE FULLTEXT INDEX material_name_text IF NOT EXISTS FOR (n:MaterialName) ON EACH [n.text, n.key]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX material_text IF NOT EXISTS FOR (m:Material) ON EACH [m.name, m.formula, m.reducedFormula, m.description]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX publication_title IF NOT EXISTS FOR (p:Publication) ON EACH [p.title]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// Every text a fact carries: the quote, the note, and the fields kept as printed.
CREATE FULLTEXT INDEX fact_text IF NOT EXISTS FOR (x:Fact) ON EACH [x.quote, x.note, x.propertyText, x.methodText,
  x.reductionText, x.oxidationText, x.counterpartText, x.conditions, x.productsText, x.characterText, x.substrateText,
  x.effectText, x.resultText, x.conditionsOther, x.temperatureText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// A claim's statement (its quote and note are in fact_text, as every fact's).
CREATE FULLTEXT INDEX claim_text IF NOT EXISTS FOR (c:Claim) ON EACH [c.statement]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// What each technique showed for an interphase observation (on its EVIDENCE relationship).
CREATE FULLTEXT INDEX evidence_text IF NOT EXISTS FOR ()-[e:EVIDENCE]-() ON EACH [e.text]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
