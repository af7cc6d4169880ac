// Tests only: overdue notices under made-up decision ids, one per id (their ids are unique, so a second fails).
UNWIND $ids AS id
CREATE (:OverdueNotice {decisionId: id, at: datetime()})
