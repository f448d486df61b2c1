package org.cityops.cases;

import java.time.Instant;

/**
 * An event another module publishes when something it saw must become a case (a sensor
 * alarm): the cases module reports, registers and dispatches it, once per
 * {@code sourceRef}, and names the source in {@link CaseEvent.Reported#sourceRef()}.
 * Modules downstream of cases implement it in their own event records.
 */
public interface CaseRequest {

	String channel();

	String categoryCode();

	String description();

	double lon();

	double lat();

	/** Where the request comes from, unique per case, e.g. {@code alarm:42}. */
	String sourceRef();

	Instant at();

}
