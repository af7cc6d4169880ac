// What is already stored under the ids a batch creates or references: kind and content digest.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, n.kind AS kind, n.contentSha256 AS digest
