package dev.provenant.bench;

/**
 * One line of the table: a query, how many nodes its answer holds ({@code null} for a mix
 * of queries), and each engine's latencies ({@code null} where the engine does not answer
 * that question, or where the row times a second baseline alone).
 */
record Row(String query, Long answerSize, Measurement service, Measurement raw, Measurement floor) {

	Double serviceOverRaw() {
		return (this.service == null || this.raw == null) ? null : this.service.p50() / this.raw.p50();
	}

	Double serviceOverFloor() {
		return (this.service == null || this.floor == null) ? null : this.service.p50() / this.floor.p50();
	}

}
