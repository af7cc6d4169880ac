// Which of these events are kept already: a replayed event is recognised by its digest and changes nothing.
UNWIND $digests AS digest
MATCH (e:LineageEvent {sha256: digest})
RETURN e.sha256 AS sha256
