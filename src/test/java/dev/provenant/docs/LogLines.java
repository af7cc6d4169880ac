package dev.provenant.docs;

/**
 * Whether a log line is the one a page shows: the shown line's parts between ellipses
 * ({@code …}, what differs on the reader's machine) appear in the log line in order.
 */
final class LogLines {

	private LogLines() {
	}

	static boolean shows(String logLine, String shown) {
		int from = 0;
		for (String part : shown.split("…", -1)) {
			String text = part.strip();
			if (text.isEmpty()) {
				continue;
			}
			int at = logLine.indexOf(text, from);
			if (at < 0) {
				return false;
			}
			from = at + text.length();
		}
		return true;
	}

}
