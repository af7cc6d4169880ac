package dev.provenant.bench;

import java.util.List;

/**
 * What an engine answered, for checking that the three agree: lineage and blast radius
 * compare as sets, a rollback plan as a sequence.
 */
record Answers(List<String> decisions, List<String> actions) {

	int size() {
		return this.decisions.size() + this.actions.size();
	}

}
