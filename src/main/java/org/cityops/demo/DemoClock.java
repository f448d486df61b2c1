package org.cityops.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock in demo mode, which one thread may pin to another instant for a
 * while: the history generator walks cases through the domain's own code at the times
 * they would have happened. Unpinned, and on every other thread, it is the clock it
 * wraps. Without the demo the application has the plain system clock.
 */
final class DemoClock extends Clock {

	private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

	private final Clock clock;

	DemoClock(Clock clock) {
		this.clock = clock;
	}

	/** Runs {@code work} on this thread with the clock showing {@code at}. */
	static <T> T at(Instant at, Supplier<T> work) {
		Instant before = PINNED.get();
		PINNED.set(at);
		try {
			return work.get();
		}
		finally {
			if (before != null) {
				PINNED.set(before);
			}
			else {
				PINNED.remove();
			}
		}
	}

	@Override
	public Instant instant() {
		Instant pinned = PINNED.get();
		return (pinned != null) ? pinned : this.clock.instant();
	}

	@Override
	public ZoneId getZone() {
		return this.clock.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new DemoClock(this.clock.withZone(zone));
	}

}
