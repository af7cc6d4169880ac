package dev.provenant.search;

/** Why a node was found, best first: the order of the constants is the ranking. */
public enum SearchMatch {

	/** Its id is the text. */
	ID,
	/** Its id starts with the text. */
	ID_PREFIX,
	/** Its name or id holds the text's words. */
	TEXT

}
