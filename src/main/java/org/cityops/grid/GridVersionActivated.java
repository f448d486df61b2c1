package org.cityops.grid;

import java.time.Instant;

/**
 * A new grid version became the one in force. The previous one is kept for what was
 * located on it.
 */
public record GridVersionActivated(long version, int features, String source, String activatedBy, Instant at) {

}
