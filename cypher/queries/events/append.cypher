// Appends a write's governance events to the event log, inside that write's transaction. The head's sequence is
// raised first, which locks it until the write commits: sequences follow commit order, so a reader that has seen
// sequence n never later finds a smaller one. An event already in the log (announced again) keeps its entry; its
// sequence number is then skipped.
MERGE (h:EventLogHead {id: 'events'})
  ON CREATE SET h.sequence = 0
SET h.sequence = h.sequence + size($rows)
WITH h.sequence - size($rows) AS first
UNWIND range(0, size($rows) - 1) AS i
WITH first + i + 1 AS sequence, $rows[i] AS row
MERGE (e:GovernanceEventEntry {id: row.id})
  ON CREATE SET e.sequence = sequence, e.type = row.type, e.at = row.at, e.subjectId = row.subjectId,
                e.detail = row.detail, e.recordedAt = datetime()
