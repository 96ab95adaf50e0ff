// Draws the background of the member-city map (France, Sweden and their neighbours)
// from Natural Earth data, once, into static/img/alliance-map.svg.
// Run: node tools/make_map.mjs   (needs `npm install`). Keep the projection in step with
// cities/map.py, which places the cities on top of this picture.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const LON_MIN = -5.5, LON_MAX = 25.0, LAT_MIN = 41.0, LAT_MAX = 69.5, SCALE = 20;
const COS = Math.cos((55 * Math.PI) / 180);
const x = (lon) => ((lon - LON_MIN) * COS * SCALE).toFixed(1);
const y = (lat) => ((LAT_MAX - lat) * SCALE).toFixed(1);
const width = ((LON_MAX - LON_MIN) * COS * SCALE).toFixed(0);
const height = ((LAT_MAX - LAT_MIN) * SCALE).toFixed(0);

const load = (name) => {
  const topo = JSON.parse(readFileSync(`node_modules/world-atlas/${name}`, "utf8"));
  return feature(topo, topo.objects.countries).features;
};
const members = { "250": "fr", "752": "se" };
// Member countries in detail, neighbours coarse: the picture stays small.
const countries = [
  ...load("countries-50m.json").filter((c) => members[c.id]),
  ...load("countries-110m.json").filter((c) => !members[c.id]),
];
function ringPath(ring) {
  const inside = ring.some(([lon, lat]) => lon > LON_MIN - 8 && lon < LON_MAX + 8 && lat > LAT_MIN - 6 && lat < LAT_MAX + 6);
  const lons = ring.map(([lon]) => lon);
  // Rings that wrap round the globe (Russia, Antarctica) would smear across the picture.
  if (!inside || Math.max(...lons) - Math.min(...lons) > 90) return "";
  return "M" + ring.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join("L") + "Z";
}

function geometryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
}

const paths = [];
for (const country of countries) {
  if (!country.geometry) continue;
  const d = geometryPath(country.geometry);
  if (!d) continue;
  const cls = members[country.id] ? `member member-${members[country.id]}` : "neighbour";
  paths.push(`<path class="${cls}" d="${d}"/>`);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<style>.neighbour{fill:#e6e9ec;stroke:#fff;stroke-width:.6}.member{stroke:#fff;stroke-width:.6}.member-fr{fill:#c9d8ef}.member-se{fill:#cde6d3}</style>
<rect width="100%" height="100%" fill="#f4f8fb"/>
${paths.join("\n")}
</svg>
`;
writeFileSync("static/img/alliance-map.svg", svg);
console.log(`static/img/alliance-map.svg ${width}x${height}, ${paths.length} shapes`);
