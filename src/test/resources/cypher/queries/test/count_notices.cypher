// Tests only: how many of the given decision ids have an overdue notice.
UNWIND $ids AS id
MATCH (n:OverdueNotice {decisionId: id})
RETURN count(n) AS found
