package org.cityops.grid;

import java.time.Instant;

/**
 * One imported version of the grid and when it was in force.
 */
public record GridVersionInfo(long id, String source, String importedBy, Instant importedAt, int features, boolean demo,
		boolean active, Instant activatedAt, Instant supersededAt) {

}
