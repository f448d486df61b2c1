package org.cityops.grid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.grid.geometry.LocalMetric;
import org.cityops.grid.geometry.Overlaps;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.index.strtree.STRtree;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overlay grids and the grid merge (多格合一): the police, party-building, city-management
 * and other grids each kept as a layer, and for every comprehensive unit the cells of
 * each layer that overlap it, by how much.
 */
@Service
public class GridLayers {

	private final GridStore store;

	private final GridSnapshots snapshots;

	private final GridProperties properties;

	private final Clock clock;

	private final Map<String, List<UnitOverlap>> merged = new ConcurrentHashMap<>();

	GridLayers(GridStore store, GridSnapshots snapshots, GridProperties properties, Clock clock) {
		this.store = store;
		this.snapshots = snapshots;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Replaces (or creates) a layer from a GeoJSON FeatureCollection of polygons with
	 * {@code code} and {@code name} properties. Cells must be valid, inside the
	 * jurisdiction, uniquely coded and must not overlap each other.
	 */
	@Transactional
	public GridLayerInfo importLayer(String code, String name, String kind, byte[] content, String importedBy,
			boolean demo) {
		if (code == null || !code.matches("[a-z0-9_-]{1,40}")) {
			throw new IllegalArgumentException("A layer code is 1 to 40 lower-case letters, digits, '_' or '-'");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("A layer needs a name of 1 to 100 characters");
		}
		FeatureFileReader.Result file = new FeatureFileReader(new GeoJsonGeometry(this.properties.jurisdiction()),
				this.properties)
			.read(content);
		List<ImportProblem> problems = new ArrayList<>(file.problems());
		List<GridLayerCell> cells = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (FeatureFileReader.Parsed parsed : file.features()) {
			if (!(parsed.geometry() instanceof Polygonal)) {
				problems.add(new ImportProblem(parsed.index(), parsed.code(), "a layer cell needs a polygon"));
			}
			else if (!codes.add(parsed.code())) {
				problems.add(new ImportProblem(parsed.index(), parsed.code(), "repeats a code; codes must be unique"));
			}
			else {
				cells.add(new GridLayerCell(parsed.code(), parsed.name(), parsed.geometry()));
			}
		}
		if (problems.isEmpty()) {
			problems.addAll(overlaps(cells, file.features()));
		}
		if (!problems.isEmpty()) {
			throw GridImportRejected.of(problems);
		}
		GridLayerInfo layer = new GridLayerInfo(code, name.trim(), (kind == null || kind.isBlank()) ? "other" : kind,
				importedBy, this.clock.instant(), cells.size(), demo);
		this.store.replaceLayer(layer, cells);
		this.merged.keySet().removeIf((key) -> key.endsWith("|" + code));
		return layer;
	}

	private List<ImportProblem> overlaps(List<GridLayerCell> cells, List<FeatureFileReader.Parsed> parsed) {
		if (cells.isEmpty()) {
			return List.of();
		}
		LocalMetric metric = LocalMetric.around(cells.get(0).geometry());
		return Overlaps
			.find(cells.stream().map(GridLayerCell::geometry).toList(), metric, this.properties.toleranceM2())
			.stream()
			.map((pair) -> new ImportProblem(parsed.get(pair.second()).index(), cells.get(pair.second()).code(),
					(pair.areaM2() < 0) ? "could not be compared with cell " + cells.get(pair.first()).code()
							: String.format(java.util.Locale.ROOT, "overlaps cell %s by %.0f m²",
									cells.get(pair.first()).code(), pair.areaM2())))
			.toList();
	}

	public List<GridLayerInfo> layers() {
		return this.store.layers();
	}

	public ObjectNode cellsAsGeoJson(String layer) {
		requireLayer(layer);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode collection = nodes.objectNode();
		collection.put("type", "FeatureCollection");
		collection.put("layer", layer);
		ArrayNode features = collection.putArray("features");
		for (GridLayerCell cell : this.store.cells(layer)) {
			ObjectNode feature = features.addObject();
			feature.put("type", "Feature");
			feature.putObject("properties").put("code", cell.code()).put("name", cell.name());
			feature.set("geometry", GeoJsonGeometry.write(cell.geometry()));
		}
		return collection;
	}

	/**
	 * For every unit of the grid in force, the cells of the layer that overlap it,
	 * largest first.
	 */
	public List<UnitOverlap> merge(String layer) {
		GridLayerInfo info = requireLayer(layer);
		GridSnapshot grid = this.snapshots.require();
		String key = grid.version() + "|" + info.importedAt() + "|" + layer;
		return this.merged.computeIfAbsent(key, (k) -> compute(grid, layer));
	}

	/** The overlaps of one unit with every layer. */
	public List<UnitOverlap> overlapsOf(String unitCode) {
		List<UnitOverlap> out = new ArrayList<>();
		for (GridLayerInfo layer : layers()) {
			merge(layer.code()).stream().filter((o) -> o.unit().equals(unitCode)).forEach(out::add);
		}
		return out;
	}

	private List<UnitOverlap> compute(GridSnapshot grid, String layer) {
		List<GridLayerCell> cells = this.store.cells(layer);
		STRtree tree = new STRtree();
		cells.forEach((c) -> tree.insert(c.geometry().getEnvelopeInternal(), c));
		List<UnitOverlap> out = new ArrayList<>();
		if (grid.units().isEmpty()) {
			return out;
		}
		LocalMetric metric = LocalMetric.around(grid.units().get(0).geometry());
		for (GridFeature unit : grid.units()) {
			double unitArea = metric.areaM2(unit.geometry());
			List<UnitOverlap> forUnit = new ArrayList<>();
			for (Object item : tree.query(unit.geometry().getEnvelopeInternal())) {
				GridLayerCell cell = (GridLayerCell) item;
				double shared = sharedArea(metric, unit.geometry(), cell.geometry());
				if (shared > this.properties.toleranceM2()) {
					forUnit.add(new UnitOverlap(unit.code(), layer, cell.code(), cell.name(), Math.round(shared),
							ratio(shared, unitArea), ratio(shared, metric.areaM2(cell.geometry()))));
				}
			}
			forUnit.sort((a, b) -> Double.compare(b.overlapM2(), a.overlapM2()));
			out.addAll(forUnit);
		}
		return List.copyOf(out);
	}

	private static double sharedArea(LocalMetric metric, Geometry a, Geometry b) {
		try {
			return metric.areaM2(a.intersection(b));
		}
		catch (TopologyException ex) {
			return metric.areaM2(a.buffer(0).intersection(b.buffer(0)));
		}
	}

	private static double ratio(double part, double whole) {
		return (whole > 0) ? Math.round(part / whole * 10000) / 10000.0 : 0;
	}

	private GridLayerInfo requireLayer(String layer) {
		return layers().stream()
			.filter((l) -> l.code().equals(layer))
			.findFirst()
			.orElseThrow(() -> GridNotFound.layer(layer));
	}

}
