package org.bawaba.participation.poll;

/** When a poll's results may be read: while it runs, or only once it is closed. */
enum ResultsVisibility {

	LIVE, AFTER_CLOSE

}
