package org.cityops.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The grid versions held in memory: the one in force, and a few older ones that were
 * asked for. Rebuilt from the database, never the other way round: after an import here,
 * and, for other instances on the same database, when a periodic check sees another
 * version in force.
 */
@Component
class GridSnapshots {

	private static final Logger log = LoggerFactory.getLogger(GridSnapshots.class);

	private static final int OLD_VERSIONS_KEPT = 4;

	private final GridStore store;

	private volatile GridSnapshot current;

	private final Map<Long, GridSnapshot> older = new LinkedHashMap<>(8, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, GridSnapshot> eldest) {
			return size() > OLD_VERSIONS_KEPT;
		}
	};

	GridSnapshots(GridStore store) {
		this.store = store;
	}

	/** The grid in force, or empty before the first import. */
	Optional<GridSnapshot> current() {
		GridSnapshot snapshot = this.current;
		if (snapshot == null) {
			snapshot = reload();
		}
		return Optional.ofNullable(snapshot);
	}

	GridSnapshot require() {
		return current().orElseThrow(GridNotFound::noGrid);
	}

	GridSnapshot version(long version) {
		GridSnapshot snapshot = this.current;
		if (snapshot != null && snapshot.version() == version) {
			return snapshot;
		}
		synchronized (this.older) {
			GridSnapshot old = this.older.get(version);
			if (old == null) {
				if (!this.store.versionExists(version)) {
					throw GridNotFound.version(version);
				}
				old = new GridSnapshot(version, this.store.features(version));
				this.older.put(version, old);
			}
			return old;
		}
	}

	@TransactionalEventListener
	void on(GridVersionActivated event) {
		reload();
	}

	@Scheduled(fixedDelayString = "${cityops.grid.refresh-interval:30s}",
			initialDelayString = "${cityops.grid.refresh-interval:30s}")
	void refreshIfChangedElsewhere() {
		Optional<Long> active = this.store.activeVersion();
		GridSnapshot snapshot = this.current;
		if (active.isPresent() && (snapshot == null || snapshot.version() != active.get())) {
			reload();
		}
	}

	synchronized GridSnapshot reload() {
		Optional<Long> active = this.store.activeVersion();
		if (active.isEmpty()) {
			return null;
		}
		if (this.current == null || this.current.version() != active.get()) {
			long started = System.nanoTime();
			this.current = new GridSnapshot(active.get(), this.store.features(active.get()));
			log.info("Grid version {} loaded ({} units) in {} ms", active.get(), this.current.units().size(),
					(System.nanoTime() - started) / 1_000_000);
		}
		return this.current;
	}

}
