package dev.provenant.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.SimpleQueryRunner;

/**
 * Statements that return nothing, waiting in one write transaction to be sent with its
 * next statement, each as a unit subquery ahead of it ({@link GraphStore#runLater}). A
 * small write is a handful of round trips to the database, each of them latency and CPU
 * on both sides (messages, thread hand-offs); a statement whose answer no one reads need
 * not be one of them.
 * <p>
 * Cypher runs a statement's clauses in order, so what the carried statements write is
 * there for the statement that carries them, as if each had run alone before it. In a
 * statement whose top level is a {@code UNION} they join its first part, which Neo4j runs
 * before the second: both see what they wrote (CarriedStatementsIT checks it).
 */
final class CarriedStatements {

	/**
	 * At most this many wait; the next one sends them first. Each count of carried
	 * statements is another statement text for the database to plan and cache, so a group
	 * of many batches must not make a new one per size.
	 */
	static final int MAX_WAITING = 4;

	private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

	/** Each statement's text with its parameters renamed for a position, by both. */
	private static final Map<String, String> RENAMED = new ConcurrentHashMap<>();

	private final SimpleQueryRunner transaction;

	private final List<Carried> waiting = new ArrayList<>();

	CarriedStatements(SimpleQueryRunner transaction) {
		this.transaction = transaction;
	}

	boolean isFor(SimpleQueryRunner transaction) {
		return this.transaction == transaction;
	}

	/** The transaction the statements wait in. */
	SimpleQueryRunner transaction() {
		return this.transaction;
	}

	boolean isEmpty() {
		return this.waiting.isEmpty();
	}

	boolean isFull() {
		return this.waiting.size() >= MAX_WAITING;
	}

	void add(String name, String statement, Map<String, Object> parameters) {
		this.waiting.add(new Carried(name, statement, parameters));
	}

	/**
	 * The waiting statements, then {@code statement} (null: none), as one statement;
	 * nothing waits afterwards.
	 */
	Composed take(String statement, Map<String, Object> parameters) {
		StringBuilder text = new StringBuilder();
		Map<String, Object> all = new HashMap<>();
		List<String> names = new ArrayList<>(this.waiting.size());
		for (int i = 0; i < this.waiting.size(); i++) {
			Carried carried = this.waiting.get(i);
			String prefix = "carried" + i + "_";
			text.append("CALL () {\n").append(renamed(carried, i, prefix)).append("\n}\n");
			carried.parameters().forEach((key, value) -> all.put(prefix + key, value));
			names.add(carried.name());
		}
		if (statement != null) {
			text.append(statement);
			all.putAll(parameters);
		}
		this.waiting.clear();
		return new Composed(names, text.toString(), all);
	}

	private static String renamed(Carried carried, int position, String prefix) {
		return RENAMED.computeIfAbsent(position + " " + carried.name(), key -> {
			Matcher matcher = PARAMETER.matcher(carried.statement());
			return matcher.replaceAll(match -> Matcher.quoteReplacement("$" + prefix + match.group(1)));
		});
	}

	/** A statement waiting to be sent, as {@link GraphStore#runLater} was given it. */
	private record Carried(String name, String statement, Map<String, Object> parameters) {
	}

	/**
	 * What to send: the text and parameters of the statements as one, and the names of
	 * those that were carried (for the statement counter).
	 */
	record Composed(List<String> carried, String statement, Map<String, Object> parameters) {
	}

}
