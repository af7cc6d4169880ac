"""A refund agent that asks Provenant before it acts and records its run as an OpenTelemetry trace.

    pip install -r requirements.txt
    PROVENANT_URL=http://localhost:8080 PROVENANT_KEY=pvn_… python agent.py order-1042 0.97

The run is one trace under the GenAI semantic conventions: ``invoke_agent`` for the run, a decision span with
``provenant.decision.*`` attributes, a ``chat`` span for the model call, a ``retrieval`` and a database span for
what it read, and an ``execute_tool`` span per action it takes. The SDK's OTLP HTTP exporter sends it to
Provenant's ``/v1/traces``, which records the decision, its reads and its actions (docs/opentelemetry.md).

Before acting, the agent asks ``assess`` (gate.py). Only an AUTONOMOUS answer lets it issue the refund; anything
else — HUMAN_REVIEW, an error, no answer within the timeout — routes the decision to a person, and the decision is
recorded as HUMAN_REVIEW with no action.
"""

import os
import sys
import uuid
from datetime import datetime, timezone

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from gate import assess

URL = os.environ.get("PROVENANT_URL", "http://localhost:8080")
KEY = os.environ["PROVENANT_KEY"]
TIMEOUT = float(os.environ.get("PROVENANT_TIMEOUT_SECONDS", "0.5"))

MODEL = ("openai", "gpt-4o", "gpt-4o-2024-08-06")
KNOWLEDGE_BASE = "kb:refund-policy"
POLICY = os.environ.get("PROVENANT_POLICY", "policy:refunds")


def tracer_provider() -> TracerProvider:
    provider = TracerProvider(resource=Resource.create({"service.name": "refund-agent"}))
    provider.add_span_processor(BatchSpanProcessor(
        OTLPSpanExporter(endpoint=URL.rstrip("/") + "/v1/traces", headers={"x-api-key": KEY})))
    return provider


def decide(tracer, order: str, confidence: float) -> str:
    """The model's call: here a rule standing in for a chat completion."""
    provider, requested, answered = MODEL
    with tracer.start_as_current_span(f"chat {requested}", kind=trace.SpanKind.CLIENT, attributes={
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": provider,
            "gen_ai.request.model": requested, "gen_ai.response.model": answered}):
        return "refund" if confidence >= 0.5 else "deny"


def run(order: str, confidence: float) -> None:
    provider = tracer_provider()
    tracer = provider.get_tracer("refund-agent")
    decision_id = f"dec:{order}:{uuid.uuid4().hex[:8]}"
    with tracer.start_as_current_span("invoke_agent refund-agent", attributes={
            "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.id": "refund-agent",
            "gen_ai.agent.name": "Refund agent"}):
        with tracer.start_as_current_span("decide refund") as decision_span:
            with tracer.start_as_current_span(f"retrieval {KNOWLEDGE_BASE}", kind=trace.SpanKind.CLIENT, attributes={
                    "gen_ai.operation.name": "retrieval", "gen_ai.data_source.id": KNOWLEDGE_BASE}):
                pass  # the policy documents would be fetched here
            with tracer.start_as_current_span("SELECT shop.orders", kind=trace.SpanKind.CLIENT, attributes={
                    "db.system.name": "postgresql", "server.address": "orders-db",
                    "db.namespace": "shop|public", "db.collection.name": "orders"}):
                pass  # the order would be read here
            outcome = decide(tracer, order, confidence)

            verdict = assess(URL, KEY, {
                "id": decision_id, "occurredAt": datetime.now(timezone.utc).isoformat(), "subject": order,
                "outcome": outcome, "confidence": confidence, "route": "AUTONOMOUS",
                "policy": POLICY}, TIMEOUT)
            route = "AUTONOMOUS" if verdict.may_act_alone else "HUMAN_REVIEW"
            decision_span.set_attributes({
                "provenant.decision.id": decision_id, "provenant.decision.outcome": outcome,
                "provenant.decision.subject": order, "provenant.decision.confidence": confidence,
                "provenant.decision.route": route, "provenant.decision.policy": POLICY})

            if verdict.may_act_alone:
                with tracer.start_as_current_span("execute_tool issue_refund", attributes={
                        "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "issue_refund",
                        "gen_ai.tool.call.id": f"{decision_id}:refund", "provenant.action.type": "refund",
                        "provenant.action.reversible": True}):
                    pass  # the payment provider would be called here
                print(f"{decision_id}: {outcome}, sent out alone")
            else:
                why = "; ".join(r.get("detail", r.get("code", "")) for r in verdict.reasons) or "review required"
                closed = " (failed closed)" if verdict.failed_closed else ""
                print(f"{decision_id}: {outcome}, waiting for a human{closed}: {why}")
    provider.shutdown()  # exports what is left


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "order-1042", float(sys.argv[2]) if len(sys.argv) > 2 else 0.97)
