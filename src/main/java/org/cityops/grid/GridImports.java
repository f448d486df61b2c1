package org.cityops.grid;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityops.grid.geometry.GeoJsonGeometry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import and export of the whole grid as GeoJSON. An import is all or nothing: a file
 * with any problem is rejected with every problem listed; a valid one becomes a new
 * version in force in one transaction, and the previous version is kept.
 */
@Service
public class GridImports {

	private final GridStore store;

	private final GridSnapshots snapshots;

	private final GridProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Gazetteer gazetteer;

	GridImports(GridStore store, GridSnapshots snapshots, GridProperties properties, ApplicationEventPublisher events,
			Clock clock, Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
		this.store = store;
		this.snapshots = snapshots;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Validates a GeoJSON FeatureCollection and, if it is valid, makes it the grid in
	 * force.
	 * @throws GridImportRejected listing every problem, when anything is wrong; nothing
	 * is changed then
	 */
	@Transactional
	public GridVersionInfo importGeoJson(byte[] content, String source, String importedBy, boolean demo) {
		FeatureFileReader reader = new FeatureFileReader(new GeoJsonGeometry(this.properties.jurisdiction()),
				this.properties);
		List<GridFeature> features = new GridValidator(this.properties.toleranceM2()).validate(reader.read(content));
		var now = this.clock.instant();
		long version = this.store.insertVersion(source, importedBy, demo, features, now);
		this.store.activate(version, now);
		this.events.publishEvent(new GridVersionActivated(version, features.size(), source, importedBy, now));
		return this.store.versions().stream().filter((v) -> v.id() == version).findFirst().orElseThrow();
	}

	/**
	 * Replaces the gazetteer — the roads with their house-number ranges and the addresses
	 * with their entrances — that geocoding reads.
	 */
	public void replaceGazetteer(List<GazetteerRoad> roads, List<GazetteerAddress> addresses, boolean demo) {
		this.gazetteer.replace(roads, addresses, demo);
	}

	/** Whether a grid is in force. */
	public boolean hasGridInForce() {
		return this.store.activeVersion().isPresent();
	}

	public List<GridVersionInfo> versions() {
		return this.store.versions();
	}

	/**
	 * The grid as a GeoJSON FeatureCollection that {@link #importGeoJson} accepts back.
	 * @param version the version, or null for the one in force
	 * @param levels the levels to include, or empty for all
	 */
	public ObjectNode export(Long version, Set<GridLevel> levels) {
		GridSnapshot snapshot = (version != null) ? this.snapshots.version(version) : this.snapshots.require();
		return featureCollection(snapshot.features(), levels, snapshot.version());
	}

	public static ObjectNode featureCollection(Collection<GridFeature> features, Set<GridLevel> levels, long version) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode collection = nodes.objectNode();
		collection.put("type", "FeatureCollection");
		collection.put("gridVersion", version);
		ArrayNode array = collection.putArray("features");
		features.stream()
			.filter((f) -> levels.isEmpty() || levels.contains(f.level()))
			.sorted(java.util.Comparator.comparing(GridFeature::level).thenComparing(GridFeature::code))
			.forEach((f) -> {
				ObjectNode feature = array.addObject();
				feature.put("type", "Feature");
				ObjectNode props = feature.putObject("properties");
				props.put("code", f.code());
				props.put("level", f.level().key());
				props.put("name", f.name());
				if (f.parentCode() != null) {
					props.put("parent", f.parentCode());
				}
				f.properties().forEach(props::put);
				feature.set("geometry", GeoJsonGeometry.write(f.geometry()));
			});
		return collection;
	}

}
