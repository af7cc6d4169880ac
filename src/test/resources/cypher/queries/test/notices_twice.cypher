// Tests only: the notices under the given ids, once from each part of a union.
UNWIND $ids AS id
MATCH (n:OverdueNotice {decisionId: id})
RETURN n.decisionId AS id
UNION ALL
UNWIND $ids AS id
MATCH (n:OverdueNotice {decisionId: id})
RETURN n.decisionId AS id
