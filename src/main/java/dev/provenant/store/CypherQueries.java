package dev.provenant.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The named Cypher statements the service runs, read once at startup from
 * {@code cypher/queries/<feature>/<name>.cypher} (packaged into the jar at the same
 * path). A statement is looked up by {@code "<feature>/<name>"}.
 */
@Component
public class CypherQueries {

	private static final Logger log = LoggerFactory.getLogger(CypherQueries.class);

	private static final String ROOT = "cypher/queries/";

	private final Map<String, String> statements;

	public CypherQueries() {
		this.statements = Map.copyOf(load());
		log.info("Loaded {} named Cypher queries from {}", this.statements.size(), ROOT);
	}

	/**
	 * The statement named {@code feature/name}; fails fast on a typo so that no request
	 * ever runs a missing one.
	 */
	public String get(String name) {
		String statement = this.statements.get(name);
		if (statement == null) {
			throw new IllegalStateException("No Cypher query named " + name + " under " + ROOT);
		}
		return statement;
	}

	/** Every statement's name, e.g. for checking their plans. */
	public Set<String> names() {
		return this.statements.keySet();
	}

	/**
	 * The statement with each {@code {{placeholder}}} replaced by an integer. Only for
	 * the few places Cypher takes no parameter (variable-length bounds); callers pass
	 * values they have range-checked, never client text.
	 */
	public String render(String name, Map<String, Integer> literals) {
		String statement = get(name);
		for (Map.Entry<String, Integer> literal : literals.entrySet()) {
			String placeholder = "{{" + literal.getKey() + "}}";
			if (!statement.contains(placeholder)) {
				throw new IllegalStateException("Cypher query " + name + " has no placeholder " + placeholder);
			}
			statement = statement.replace(placeholder, Integer.toString(literal.getValue()));
		}
		return statement;
	}

	private static Map<String, String> load() {
		try {
			Map<String, String> loaded = new HashMap<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + ROOT + "**/*.cypher")) {
				String url = resource.getURL().toString();
				String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length(), url.length() - ".cypher".length());
				loaded.put(name, resource.getContentAsString(StandardCharsets.UTF_8).strip());
			}
			return loaded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Cypher queries under " + ROOT, ex);
		}
	}

}
