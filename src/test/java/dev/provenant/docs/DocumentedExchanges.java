package dev.provenant.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a page shows and the answers it shows for them: every {@code ```bash}
 * block, in page order, with the {@code ```json} block that follows it (the answer of its
 * last command), if any.
 */
record DocumentedExchanges(List<Exchange> exchanges) {

	private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```\\s*$", Pattern.DOTALL);

	static DocumentedExchanges of(String page) {
		List<Exchange> exchanges = new ArrayList<>();
		Matcher block = FENCE.matcher(page);
		int end = 0;
		Exchange pending = null;
		while (block.find()) {
			String language = block.group(1);
			String text = block.group(2);
			boolean adjacent = page.substring(end, block.start()).isBlank();
			if ("json".equals(language) && pending != null && adjacent) {
				exchanges.set(exchanges.size() - 1, new Exchange(pending.commands(), text.strip(), pending.line()));
				pending = null;
			}
			else if ("bash".equals(language)) {
				pending = new Exchange(text, null, lineOf(page, block.start()));
				exchanges.add(pending);
			}
			else {
				pending = null;
			}
			end = block.end();
		}
		return new DocumentedExchanges(List.copyOf(exchanges));
	}

	/** Every {@code ```log} block's lines, which the service's own log must show. */
	static List<String> logLines(String page) {
		List<String> lines = new ArrayList<>();
		Matcher block = FENCE.matcher(page);
		while (block.find()) {
			if ("log".equals(block.group(1))) {
				block.group(2).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
			}
		}
		return lines;
	}

	private static int lineOf(String page, int offset) {
		return (int) page.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}

	/**
	 * @param commands the bash block as shown
	 * @param answer the JSON shown as its last command's answer, or null
	 * @param line where the block starts in the page
	 */
	record Exchange(String commands, String answer, int line) {
	}

}
