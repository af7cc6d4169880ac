"""Ask Provenant before acting, and fail closed.

An agent calls ``assess`` with the decision it is about to take. Provenant answers AUTONOMOUS (it may go out
alone) or HUMAN_REVIEW (it must wait for a person), with the reasons. When Provenant cannot be reached, answers
an error, or answers later than the agent can wait, the decision is routed to human review: an outage of the
governance service must never let decisions through ungoverned.

Only the standard library, so that the gate has nothing to break.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field

ASSESS = """query($decision: DecisionInput!) {
  assess(decision: $decision) { route reasons { code detail } requiredRoles reviewDeadline }
}"""


@dataclass
class Verdict:
    route: str                      # "AUTONOMOUS" or "HUMAN_REVIEW"
    reasons: list = field(default_factory=list)
    failed_closed: bool = False     # True when Provenant gave no usable answer in time

    @property
    def may_act_alone(self) -> bool:
        return self.route == "AUTONOMOUS"


def assess(url: str, api_key: str, decision: dict, timeout_seconds: float = 0.5) -> Verdict:
    """Provenant's route for ``decision`` (a DecisionInput), or HUMAN_REVIEW when there is none in time."""
    body = json.dumps({"query": ASSESS, "variables": {"decision": decision}}).encode()
    request = urllib.request.Request(url.rstrip("/") + "/graphql", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-API-Key": api_key})
    try:
        with urllib.request.urlopen(request, timeout=timeout_seconds) as response:
            answer = json.load(response)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        return Verdict("HUMAN_REVIEW", [{"code": "UNASSESSED", "detail": f"Provenant did not answer: {error}"}], True)
    assessment = (answer.get("data") or {}).get("assess")
    if answer.get("errors") or not assessment or assessment.get("route") not in ("AUTONOMOUS", "HUMAN_REVIEW"):
        detail = "; ".join(e.get("message", "?") for e in answer.get("errors") or []) or "no assessment"
        return Verdict("HUMAN_REVIEW", [{"code": "UNASSESSED", "detail": detail}], True)
    return Verdict(assessment["route"], assessment.get("reasons") or [])
