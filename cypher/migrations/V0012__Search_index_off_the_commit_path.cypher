// The name search index, as V0008 made it, but eventually consistent: a synchronous full-text index reopens its
// Lucene reader inside every commit (and leaves a tiny segment for merges to fold), which was more than half of a
// small write's commit; eventually consistent, its updates are applied beside the writers, in batches.
// search/find_nodes waits for what is pending before it reads, so a search still sees every committed write.
// A full-text index's options cannot be altered: it is made again. On a store that already holds records, Neo4j fills
// it in the background; until it is online, searches fail (every other question is answered meanwhile).
DROP INDEX node_name_search IF EXISTS;
CREATE FULLTEXT INDEX node_name_search IF NOT EXISTS FOR (n:Node) ON EACH [n.name, n.id]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true } };
