package dev.provenant.bench;

/**
 * How many decisions and actions an engine counted in a blast radius, for checking that
 * the engines agree on each.
 */
record Counts(int decisions, int actions) {

	int total() {
		return this.decisions + this.actions;
	}

}
