package org.cityops.hotline;

import java.time.Instant;

/**
 * An order that passed every check, in typed fields.
 */
record ParsedOrder(String number, Instant receivedAt, String callerName, String callerPhone, OrderType type,
		boolean urgent, String address, String content, boolean confidential, Integer deadlineDays,
		String centreCategory) {

}
