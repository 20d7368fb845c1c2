/** Entities: catalog, matcher and candidate discovery (see each module). */
export { defaultCatalog, parseCatalog, type Alias, type Catalog, type CatalogEntry } from './catalog';
export { EntityMatcher, defaultEntityMatcher, type EntityMention } from './match-entities';
export { discoverCandidates, type CandidateKind, type EntityCandidate } from './discover-candidates';
export { catalogKey, defaultCatalogKey, matcherFor } from './catalog-key';
