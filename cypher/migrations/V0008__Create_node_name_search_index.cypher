// Search by name (and by the words of an id) as the user types, across every kind.
// standard-no-stop-words: a name such as "The Open Book" stays findable by each of its words.
CREATE FULLTEXT INDEX node_name_search IF NOT EXISTS FOR (n:Node) ON EACH [n.name, n.id]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
