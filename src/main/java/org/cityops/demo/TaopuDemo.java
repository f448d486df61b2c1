package org.cityops.demo;

import org.cityops.grid.GazetteerAddress;
import org.cityops.grid.GridImports;
import org.cityops.grid.GazetteerRoad;
import org.cityops.grid.GridFeature;
import org.cityops.grid.GridLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.grid.geometry.LocalMetric;
import org.cityops.grid.geometry.PolygonSplitter;
import org.cityops.shared.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Generates the demo territory: Putuo district's real boundary, its ten streets and
 * towns, and for Taopu a plausible grid where the real town lies (the district's
 * north-west): 3 areas, 11 blocks, 48 units, 41 committees, 174 compounds, a road
 * gazetteer and three overlay grids. Names come from Taopu's own documents where they
 * give them. Every feature is marked {@code demo}: the polygons are drawn by this class,
 * not surveyed. Deterministic: the same grid at every start.
 */
final class TaopuDemo {

	static final String DISTRICT = "310107";

	static final String TAOPU = "310107103000";

	/**
	 * The part of the district north of this latitude and west of this longitude stands
	 * for Taopu.
	 */
	private static final double NORTH_OF = 31.262;

	private static final double WEST_OF = 121.425;

	private static final double METRES_PER_HOUSE_NUMBER = 4.0;

	private static final String[] REAL_COMPOUNDS = { "莲花公寓", "阳光水岸苑", "紫藤苑", "金光花苑", "连新家园", "石榴苑", "白丽苑", "瑞香苑", "杜鹃苑",
			"李子园公寓", "紫荆苑", "安祁古浪新苑", "合欢苑", "古浪小区", "春光家园", "李园六村", "桃浦新村" };

	private static final String[] NAME_STEMS = { "海棠", "玉兰", "桂花", "丁香", "芙蓉", "香樟", "银杏", "雪松", "绿杨", "绿芳", "金迎", "金迈",
			"祁顺", "祁安", "真金", "桃园", "浦润", "樱花", "蔷薇", "牡丹", "兰馨", "竹韵", "梅林", "松柏", "枫林", "柳岸", "荷风", "湖畔", "景秀", "和馨",
			"怡景", "雅苑", "锦绣", "嘉和", "康乐", "福泰", "祥和", "安居" };

	private static final String[] NAME_SUFFIXES = { "苑", "公寓", "家园", "花园", "新村", "小区" };

	private static final String[] VILLAGES = { "李子园村", "桃浦村", "新杨村", "槎浦村", "祁连村", "红光村", "东方村" };

	/**
	 * East-west roads (numbers rise eastwards) by latitude, north-south roads (rising
	 * northwards) by longitude.
	 */
	private static final Map<String, Double> EAST_WEST = linked("真南路", 31.2665, "白丽路", 31.2712, "古浪路", 31.2758, "武威路",
			31.2800, "桃浦路", 31.2842, "金昌路", 31.2886, "李子园路", 31.2930);

	private static final Map<String, Double> NORTH_SOUTH = linked("敦煌路", 121.3405, "绥德路", 121.3525, "祁连山路", 121.3645,
			"交通路", 121.3765, "常和路", 121.3885, "众仁路", 121.4005, "连亮路", 121.4125);

	/** Compounds known by their address in the seed documents. */
	private static final Object[][] ADDRESSED_COMPOUNDS = { { "武威路", 1082 }, { "武威路", 1087 }, { "真南路", 822 } };

	record Output(byte[] grid, List<GazetteerRoad> roads, List<GazetteerAddress> entrances, List<Layer> layers) {
	}

	record Layer(String code, String name, String kind, byte[] geoJson) {
	}

	private final ObjectMapper json = new ObjectMapper();

	private final Random random = new Random(20210101L);

	private final List<GridFeature> features = new ArrayList<>();

	private final Map<String, GazetteerRoad> roads = new LinkedHashMap<>();

	private final List<GazetteerAddress> entrances = new ArrayList<>();

	private final Set<String> usedAddresses = new HashSet<>();

	private LocalMetric metric;

	static Output generate() {
		return new TaopuDemo().build();
	}

	private Output build() {
		Geometry district = readDistrict();
		this.metric = LocalMetric.around(district);
		Map<String, String> towns = readTowns();
		feature(DISTRICT, GridLevel.DISTRICT, towns.remove(DISTRICT), null, district, Map.of());
		Geometry taopu = PolygonSplitter.polygonal(district.intersection(
				GeoJsonGeometry.FACTORY.toGeometry(new Envelope(district.getEnvelopeInternal().getMinX() - 0.01,
						WEST_OF, NORTH_OF, district.getEnvelopeInternal().getMaxY() + 0.01))));
		String taopuName = towns.remove(TAOPU);
		feature(TAOPU, GridLevel.TOWN, taopuName, DISTRICT, taopu, Map.of("note", "北部片区规划中 (north area planned)"));
		List<Geometry> others = PolygonSplitter.split(PolygonSplitter.polygonal(district.difference(taopu)),
				towns.size());
		int t = 0;
		for (Map.Entry<String, String> town : towns.entrySet()) {
			feature(town.getKey(), GridLevel.TOWN, town.getValue(), DISTRICT, others.get(t++), Map.of());
		}
		buildRoads(taopu);
		List<GridFeature> units = buildAreasBlocksUnits(taopu);
		buildCompounds(units);
		List<Layer> layers = List.of(
				layer("police", "派出所警务责任区", "police", PolygonSplitter.split(taopu, new double[] { 3, 2, 2, 3, 2, 2 }),
						"桃浦派出所第%d警务责任区"),
				layer("party", "党建网格", "party-building", PolygonSplitter.split(taopu, 12), "党建网格第%d支部"),
				layer("city-management", "城管单元网格 (约1万平方米)", "city-management", standardCells(taopu), "单元网格%s"));
		return new Output(write(), List.copyOf(this.roads.values()), List.copyOf(this.entrances), layers);
	}

	private List<GridFeature> buildAreasBlocksUnits(Geometry taopu) {
		Geometry[] southNorth = PolygonSplitter.cut(taopu, 0.3, false);
		Geometry[] westEast = PolygonSplitter.cut(southNorth[1], 0.5, true);
		Object[][] areas = { { "1", "东部片区", "东部", westEast[1], new int[] { 5, 4, 4, 4 } },
				{ "2", "西部片区", "西部", westEast[0], new int[] { 5, 4, 4, 4 } },
				{ "3", "南部片区", "南部", southNorth[0], new int[] { 5, 5, 4 } } };
		List<GridFeature> units = new ArrayList<>();
		int block = 0;
		int unitNumber = 0;
		for (Object[] a : areas) {
			String areaCode = TAOPU + "P" + a[0];
			feature(areaCode, GridLevel.AREA, (String) a[1], TAOPU, (Geometry) a[3],
					Map.of("serviceCentre", "TOP Life 网格化综合管理服务片区中心"));
			int[] unitsPerBlock = (int[]) a[4];
			List<Geometry> blocks = PolygonSplitter.split((Geometry) a[3], unitsPerBlock.length);
			for (int b = 0; b < blocks.size(); b++) {
				block++;
				String blockCode = TAOPU + String.format(Locale.ROOT, "K%02d", block);
				feature(blockCode, GridLevel.BLOCK, a[1] + "第" + (b + 1) + "责任块", areaCode, blocks.get(b), Map.of());
				for (Geometry cell : PolygonSplitter.split(blocks.get(b), unitsPerBlock[b])) {
					units.add(unit(unitNumber++, blockCode, (String) a[2], cell));
				}
			}
		}
		return units;
	}

	/**
	 * 48 units, 41 committees: the first seven committees have two units each, the others
	 * one.
	 */
	private GridFeature unit(int index, String blockCode, String areaShort, Geometry geometry) {
		int committee = (index < 14) ? index / 2 : index - 7;
		int sequence = (index < 14) ? index % 2 + 1 : 1;
		boolean village = committee >= 34;
		String committeeCode = TAOPU.substring(0, 9)
				+ String.format(Locale.ROOT, "%03d", village ? 201 + committee - 34 : committee + 1);
		if (sequence == 1) {
			String name = village ? VILLAGES[committee - 34] + "村委会"
					: ((committee < REAL_COMPOUNDS.length) ? REAL_COMPOUNDS[committee] : "桃浦第" + (committee + 1))
							+ "居委会";
			Coordinate office = geometry.getInteriorPoint().getCoordinate();
			feature(committeeCode, GridLevel.COMMITTEE, name.replace("村村", "村"), TAOPU,
					GeoJsonGeometry.FACTORY.createPoint(round(office)), Map.of("kind", village ? "村委会" : "居委会"));
		}
		String code = committeeCode + String.format(Locale.ROOT, "%03d", sequence);
		return feature(code, GridLevel.UNIT, areaShort + "第" + (index + 1) + "责任单元", blockCode, geometry, Map.of());
	}

	private void buildRoads(Geometry taopu) {
		Envelope e = taopu.getEnvelopeInternal();
		EAST_WEST.forEach((name, lat) -> road(name, taopu, new Coordinate(e.getMinX() - 0.01, lat),
				new Coordinate(e.getMaxX() + 0.01, lat)));
		NORTH_SOUTH.forEach((name, lon) -> road(name, taopu, new Coordinate(lon, e.getMinY() - 0.01),
				new Coordinate(lon, e.getMaxY() + 0.01)));
	}

	private void road(String name, Geometry taopu, Coordinate from, Coordinate to) {
		Geometry clipped = taopu.intersection(GeoJsonGeometry.FACTORY.createLineString(new Coordinate[] { from, to }));
		LineString longest = null;
		for (int i = 0; i < clipped.getNumGeometries(); i++) {
			if (clipped.getGeometryN(i) instanceof LineString line
					&& (longest == null || line.getLength() > longest.getLength())) {
				longest = line;
			}
		}
		if (longest == null) {
			return;
		}
		int maxNumber = (int) Math.round(this.metric.toMetres(longest).getLength() / METRES_PER_HOUSE_NUMBER);
		this.roads.put(name, new GazetteerRoad(name, longest, maxNumber + maxNumber % 2));
	}

	private void buildCompounds(List<GridFeature> units) {
		List<Geometry> placed = new ArrayList<>();
		int made = 0;
		for (Object[] addressed : ADDRESSED_COMPOUNDS) {
			GazetteerRoad road = this.roads.get((String) addressed[0]);
			int number = (Integer) addressed[1];
			Geometry rect = null;
			GridFeature unit = null;
			// Keep the compound beside its number but slide it along the road until it
			// lies inside one unit.
			for (int shift = 0; unit == null && shift < 80; shift++) {
				int along = number + ((shift % 2 == 0) ? shift : -shift - 1) / 2 * 2 * 2;
				GeoPoint centre = road.pointAt(Math.max(1, along), 70);
				rect = rectangle(new Coordinate(centre.lon(), centre.lat()), 120, 90);
				unit = containing(units, rect);
			}
			if (unit == null) {
				throw new IllegalStateException("Demo compound " + road.name() + number + "弄 does not fit in a unit");
			}
			compound(unit, road.name() + number + "弄", rect, road.name(), number);
			placed.add(rect);
			made++;
		}
		int[] perUnit = new int[units.size()];
		for (int i = 0; i < perUnit.length; i++) {
			perUnit[i] = (i < 30) ? 4 : 3;
		}
		int nameIndex = 0;
		for (int u = 0; u < units.size(); u++) {
			GridFeature unit = units.get(u);
			int wanted = perUnit[u] - (int) placed.stream().filter((p) -> unit.geometry().contains(p)).count();
			for (int k = 0; k < wanted && made < 174; k++) {
				Geometry rect = findSpot(unit.geometry(), placed);
				placed.add(rect);
				compound(unit, compoundName(nameIndex++), rect, null, 0);
				made++;
			}
		}
		if (made != 174) {
			throw new IllegalStateException("Demo placed " + made + " compounds instead of 174");
		}
	}

	private GridFeature containing(List<GridFeature> units, Geometry rect) {
		return units.stream().filter((u) -> u.geometry().contains(rect)).findFirst().orElse(null);
	}

	private Geometry findSpot(Geometry unit, List<Geometry> placed) {
		Envelope e = unit.getEnvelopeInternal();
		for (double size = 1.0; size > 0.3; size -= 0.1) {
			for (int attempt = 0; attempt < 400; attempt++) {
				Coordinate c = new Coordinate(e.getMinX() + this.random.nextDouble() * e.getWidth(),
						e.getMinY() + this.random.nextDouble() * e.getHeight());
				Geometry rect = rectangle(c, 140 * size, 100 * size);
				if (unit.contains(rect.buffer(20 / this.metric.metresPerDegreeLat()))
						&& placed.stream()
							.noneMatch((p) -> p.isWithinDistance(rect, 30 / this.metric.metresPerDegreeLat()))
						&& this.roads.values().stream().noneMatch((r) -> r.line().intersects(rect))) {
					return rect;
				}
			}
		}
		throw new IllegalStateException("No room for another demo compound in a unit");
	}

	private void compound(GridFeature unit, String name, Geometry rect, String roadName, int number) {
		String committee = unit.committeeCode();
		long siblings = this.features.stream()
			.filter((f) -> f.level() == GridLevel.COMPOUND && committee.equals(f.parentCode()))
			.count();
		String code = committee + String.format(Locale.ROOT, "C%02d", siblings + 1);
		Coordinate centre = round(rect.getInteriorPoint().getCoordinate());
		GazetteerRoad road = (roadName != null) ? this.roads.get(roadName) : nearestRoad(centre);
		int n = (roadName != null) ? number : road.numberAt(centre);
		n = freeNumber(road, n);
		String address = road.name() + n + "弄";
		this.entrances.add(new GazetteerAddress(road.name(), n, "弄", centre.x, centre.y, code));
		feature(code, GridLevel.COMPOUND, name, committee, rect, Map.of("address", address));
	}

	/**
	 * The number itself or the nearest free one on the same side of the road (same
	 * parity).
	 */
	private int freeNumber(GazetteerRoad road, int wanted) {
		for (int step = 0; step <= road.maxNumber(); step += 2) {
			for (int candidate : new int[] { wanted + step, wanted - step }) {
				if (candidate >= 1 && candidate <= road.maxNumber()
						&& this.usedAddresses.add(road.name() + candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("No free house number left on " + road.name());
	}

	private GazetteerRoad nearestRoad(Coordinate c) {
		Geometry point = GeoJsonGeometry.FACTORY.createPoint(c);
		return this.roads.values()
			.stream()
			.min((a, b) -> Double.compare(a.line().distance(point), b.line().distance(point)))
			.orElseThrow();
	}

	private String compoundName(int index) {
		if (index < REAL_COMPOUNDS.length) {
			return REAL_COMPOUNDS[index];
		}
		int i = index - REAL_COMPOUNDS.length;
		return NAME_STEMS[i % NAME_STEMS.length] + NAME_SUFFIXES[(i / NAME_STEMS.length) % NAME_SUFFIXES.length];
	}

	private Geometry rectangle(Coordinate centre, double widthM, double heightM) {
		double dx = widthM / 2 / this.metric.metresPerDegreeLon();
		double dy = heightM / 2 / this.metric.metresPerDegreeLat();
		Coordinate c = round(centre);
		return GeoJsonGeometry.FACTORY.toGeometry(new Envelope(c.x - dx, c.x + dx, c.y - dy, c.y + dy));
	}

	/**
	 * The standard ~10,000 m² cells of digital city management (GB/T 30428), clipped to
	 * the town.
	 */
	private List<Geometry> standardCells(Geometry taopu) {
		Envelope e = taopu.getEnvelopeInternal();
		double dx = 100 / this.metric.metresPerDegreeLon();
		double dy = 100 / this.metric.metresPerDegreeLat();
		List<Geometry> cells = new ArrayList<>();
		for (double y = e.getMinY(); y < e.getMaxY(); y += dy) {
			for (double x = e.getMinX(); x < e.getMaxX(); x += dx) {
				Geometry cell = GeoJsonGeometry.FACTORY.toGeometry(new Envelope(x, x + dx, y, y + dy));
				if (taopu.intersects(cell)) {
					Geometry clipped = PolygonSplitter.polygonal(taopu.intersection(cell));
					if (!clipped.isEmpty() && this.metric.areaM2(clipped) > 100) {
						cells.add(clipped);
					}
				}
			}
		}
		return cells;
	}

	private Layer layer(String code, String name, String kind, List<Geometry> cells, String cellName) {
		List<GridFeature> out = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String label = code.equals("city-management") ? String.format(Locale.ROOT, "%04d", i + 1)
					: String.valueOf(i + 1);
			out.add(new GridFeature(code + "-" + String.format(Locale.ROOT, "%04d", i + 1), GridLevel.UNIT,
					String.format(cellName, code.equals("city-management") ? label : i + 1), null,
					snapped(cells.get(i)), Map.of()));
		}
		try {
			return new Layer(code, name, kind,
					this.json.writeValueAsBytes(GridImports.featureCollection(out, Set.of(), 0)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private GridFeature feature(String code, GridLevel level, String name, String parent, Geometry geometry,
			Map<String, String> properties) {
		Map<String, String> props = new LinkedHashMap<>(properties);
		props.put("demo", "true");
		GridFeature feature = new GridFeature(code, level, name, parent, snapped(geometry), props);
		this.features.add(feature);
		return feature;
	}

	private byte[] write() {
		try {
			return this.json.writeValueAsBytes(GridImports.featureCollection(this.features, Set.of(), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Geometry readDistrict() {
		try (InputStream in = TaopuDemo.class.getResourceAsStream("/grid/putuo-district.geojson")) {
			JsonNode root = this.json.readTree(in);
			Geometry raw = new GeoJsonGeometry(new Envelope(-180, 180, -90, 90))
				.read(root.path("features").get(0).path("geometry"));
			Geometry fixed = GeometryFixer.fix(raw);
			Polygon largest = null;
			for (int i = 0; i < fixed.getNumGeometries(); i++) {
				if (fixed.getGeometryN(i) instanceof Polygon p
						&& (largest == null || p.getArea() > largest.getArea())) {
					largest = p;
				}
			}
			return GeoJsonGeometry.FACTORY.createPolygon(largest.getExteriorRing().getCoordinates());
		}
		catch (IOException | GeoJsonGeometry.InvalidGeometry ex) {
			throw new IllegalStateException("The bundled Putuo boundary cannot be read", ex);
		}
	}

	private Map<String, String> readTowns() {
		try (InputStream in = TaopuDemo.class.getResourceAsStream("/grid/putuo-towns.csv")) {
			Map<String, String> towns = new LinkedHashMap<>();
			List<List<String>> rows = org.cityops.shared.Csv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					10_000);
			for (int i = 1; i < rows.size(); i++) {
				List<String> cells = rows.get(i);
				if (cells.size() >= 2) {
					towns.put(cells.get(0).trim(), cells.get(1).trim());
				}
			}
			return towns;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Snapped to the 7 decimals that files carry, so that what is written is exactly what
	 * was validated.
	 */
	private static Geometry snapped(Geometry geometry) {
		return GeometryPrecisionReducer.reduce(geometry, new PrecisionModel(1e7));
	}

	private static Coordinate round(Coordinate c) {
		return new Coordinate(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7);
	}

	private static Map<String, Double> linked(Object... pairs) {
		Map<String, Double> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Double) pairs[i + 1]);
		}
		return map;
	}

}
