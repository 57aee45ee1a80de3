#!/usr/bin/env python3
"""Check GeoJSON files against RFC 7946, independently of the platform's (Swift) exporter.

Checked, for every GeoJSON object in the file:
  * the structure: `type` is one of RFC 7946's nine; a FeatureCollection has a `features` list of
    Features; a Feature has `geometry` (a geometry or null) and `properties` (an object or null) and an
    `id` that is a string or number when present; each geometry's `coordinates` nest as its type needs
    (a GeometryCollection has `geometries` instead); a position is 2 or 3 numbers;
  * no `crs` member (RFC 7946 removed it: coordinates are WGS 84);
  * every position is [lon, lat] with lon in [-180, 180] and lat in [-90, 90], and lies in the
    region the file is for (by default Sweden: lon 10 to 25, lat 55 to 70), which catches
    [lat, lon] written by mistake;
  * at most 6 decimals per coordinate (about 0.1 m; more is noise);
  * linear rings have at least 4 positions, are closed (the first position repeated last), enclose an
    area, and follow the right-hand rule: exterior rings counterclockwise, holes clockwise (§3.1.6);
  * a `bbox`, when present, has 2 × n numbers with south <= north and west <= east, and holds every
    position of its object.

Usage:
    python3 scripts/check-geojson.py [options] FILE...
        Every FILE must be valid. Prints `ok FILE` or `FAIL FILE` with the problems.
    python3 scripts/check-geojson.py --expect-invalid [--expect-error TEXT]... FILE...
        Every FILE must be rejected; with --expect-error, for a reason that contains every TEXT.

Options:
    --bounds W,S,E,N   the region positions must lie in (default 10,55,25,70: Sweden)
    --world            no region: only the WGS 84 ranges

The last line is `N passed, M failed`. Exit status: 0 when nothing failed, 1 when something did,
2 on a usage error. Needs only the Python standard library.
"""

import argparse
import decimal
import json
import sys

GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                  "GeometryCollection"}
TYPES = GEOMETRY_TYPES | {"Feature", "FeatureCollection"}
SWEDEN = (10.0, 55.0, 25.0, 70.0)
MAX_DECIMALS = 6
MAX_REPORTED = 12


class Problems:
    """The problems found in one file, each with a JSON path."""

    def __init__(self):
        self.items = []

    def add(self, path, message):
        self.items.append(f"{path}: {message}")


def is_number(value):
    return isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool)


def decimals(value):
    if isinstance(value, int):
        return 0
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class Checker:
    def __init__(self, region):
        self.region = region

    def check_text(self, text):
        problems = Problems()
        if text.startswith("\ufeff"):
            problems.add("$", "starts with a byte order mark (RFC 8259 §8.1 forbids it)")
            text = text[1:]

        def no_constants(name):
            raise ValueError(f"{name} is not a JSON number")

        try:
            document = json.loads(text, parse_float=decimal.Decimal, parse_constant=no_constants)
        except ValueError as error:
            problems.add("$", f"not JSON: {error}")
            return problems, 0
        if not isinstance(document, dict):
            problems.add("$", "a GeoJSON text is an object")
            return problems, 0
        features = self.check_object(document, "$", problems)
        return problems, features

    # Objects ---------------------------------------------------------------------------------------

    def check_object(self, obj, path, problems):
        """Checks a GeoJSON object; returns the number of Features in it."""
        kind = obj.get("type")
        if kind not in TYPES:
            problems.add(path, f"type {json.dumps(kind, default=str)} is not a GeoJSON type")
            return 0
        if "crs" in obj:
            problems.add(path, "has a 'crs' member; RFC 7946 removed it (coordinates are WGS 84 [lon, lat])")
        positions = []
        features = 0
        if kind == "FeatureCollection":
            items = obj.get("features")
            if not isinstance(items, list):
                problems.add(path, "a FeatureCollection needs a 'features' list")
                items = []
            for index, feature in enumerate(items):
                where = f"{path}.features[{index}]"
                if not isinstance(feature, dict) or feature.get("type") != "Feature":
                    problems.add(where, "each member of 'features' is a Feature")
                    continue
                features += self.check_object(feature, where, problems)
                positions += self.positions_of(feature)
        elif kind == "Feature":
            features = 1
            if "geometry" not in obj:
                problems.add(path, "a Feature needs a 'geometry' member (a geometry or null)")
            elif obj["geometry"] is not None:
                if not isinstance(obj["geometry"], dict) or obj["geometry"].get("type") not in GEOMETRY_TYPES:
                    problems.add(f"{path}.geometry", "is not a geometry")
                else:
                    self.check_object(obj["geometry"], f"{path}.geometry", problems)
            if "properties" not in obj:
                problems.add(path, "a Feature needs a 'properties' member (an object or null)")
            elif obj["properties"] is not None and not isinstance(obj["properties"], dict):
                problems.add(f"{path}.properties", "is an object or null")
            if "id" in obj and not (isinstance(obj["id"], str) or is_number(obj["id"])):
                problems.add(f"{path}.id", "a Feature's id is a string or a number")
            positions = self.positions_of(obj)
        elif kind == "GeometryCollection":
            geometries = obj.get("geometries")
            if not isinstance(geometries, list):
                problems.add(path, "a GeometryCollection needs a 'geometries' list")
                geometries = []
            if "coordinates" in obj:
                problems.add(path, "a GeometryCollection has 'geometries', not 'coordinates'")
            for index, geometry in enumerate(geometries):
                where = f"{path}.geometries[{index}]"
                if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
                    problems.add(where, "is not a geometry")
                    continue
                self.check_object(geometry, where, problems)
            positions = self.positions_of(obj)
        else:
            self.check_coordinates(kind, obj.get("coordinates"), f"{path}.coordinates", problems)
            positions = self.positions_of(obj)
        if "bbox" in obj:
            self.check_bbox(obj["bbox"], positions, f"{path}.bbox", problems)
        return features

    def positions_of(self, obj):
        """Every well-formed position in a GeoJSON object, for the bbox check."""
        if not isinstance(obj, dict):
            return []
        kind = obj.get("type")
        if kind == "Feature":
            return self.positions_of(obj.get("geometry"))
        if kind == "FeatureCollection":
            return [p for feature in obj.get("features") or [] for p in self.positions_of(feature)]
        if kind == "GeometryCollection":
            return [p for geometry in obj.get("geometries") or [] for p in self.positions_of(geometry)]
        found = []

        def walk(value):
            if isinstance(value, list) and value and all(is_number(v) for v in value):
                found.append(value)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(obj.get("coordinates"))
        return found

    # Geometry --------------------------------------------------------------------------------------

    def check_coordinates(self, kind, coordinates, path, problems):
        if kind == "Point":
            self.check_position(coordinates, path, problems)
        elif kind in ("MultiPoint", "LineString"):
            if self.expect_list(coordinates, path, problems, "a list of positions"):
                if kind == "LineString" and len(coordinates) < 2:
                    problems.add(path, "a LineString has at least 2 positions")
                for index, position in enumerate(coordinates):
                    self.check_position(position, f"{path}[{index}]", problems)
        elif kind == "MultiLineString":
            if self.expect_list(coordinates, path, problems, "a list of LineStrings"):
                for index, line in enumerate(coordinates):
                    self.check_coordinates("LineString", line, f"{path}[{index}]", problems)
        elif kind == "Polygon":
            if self.expect_list(coordinates, path, problems, "a list of linear rings"):
                if not coordinates:
                    problems.add(path, "a Polygon has at least its exterior ring")
                for index, ring in enumerate(coordinates):
                    self.check_ring(ring, f"{path}[{index}]", problems, exterior=index == 0)
        elif kind == "MultiPolygon":
            if self.expect_list(coordinates, path, problems, "a list of Polygons"):
                for index, polygon in enumerate(coordinates):
                    self.check_coordinates("Polygon", polygon, f"{path}[{index}]", problems)

    @staticmethod
    def expect_list(value, path, problems, what):
        if isinstance(value, list):
            return True
        problems.add(path, f"expected {what}, found {json.dumps(value, default=str)[:60]}")
        return False

    def check_position(self, position, path, problems):
        if not isinstance(position, list) or len(position) not in (2, 3) or not all(is_number(v) for v in position):
            problems.add(path, f"a position is [lon, lat] or [lon, lat, height] in numbers, found "
                               f"{json.dumps(position, default=str)[:60]}")
            return False
        lon, lat = float(position[0]), float(position[1])
        shown = f"[{position[0]}, {position[1]}]"
        ok = True
        if not -180 <= lon <= 180:
            problems.add(path, f"longitude {position[0]} of {shown} is outside [-180, 180]")
            ok = False
        if not -90 <= lat <= 90:
            hint = " (is it [lat, lon]? GeoJSON is [lon, lat])" if -90 <= lon <= 90 and -180 <= lat <= 180 else ""
            problems.add(path, f"latitude {position[1]} of {shown} is outside [-90, 90]{hint}")
            ok = False
        if ok and self.region and not self.in_region(lon, lat):
            west, south, east, north = self.region
            swapped = self.in_region(lat, lon)
            hint = ": longitude and latitude are swapped (GeoJSON is [lon, lat])" if swapped else ""
            problems.add(path, f"{shown} is outside the region lon {west:g}–{east:g}, lat {south:g}–{north:g}{hint}")
            ok = False
        for axis, value in (("longitude", position[0]), ("latitude", position[1])):
            if decimals(value) > MAX_DECIMALS:
                problems.add(path, f"{axis} {value} has more than {MAX_DECIMALS} decimals")
                ok = False
        return ok

    def in_region(self, lon, lat):
        west, south, east, north = self.region
        return west <= lon <= east and south <= lat <= north

    def check_ring(self, ring, path, problems, exterior):
        if not self.expect_list(ring, path, problems, "a linear ring (a list of positions)"):
            return
        valid = [self.check_position(position, f"{path}[{index}]", problems) for index, position in enumerate(ring)]
        if len(ring) < 4:
            problems.add(path, f"a linear ring has at least 4 positions, found {len(ring)}")
            return
        if not all(valid):
            return
        if [float(v) for v in ring[0][:2]] != [float(v) for v in ring[-1][:2]]:
            problems.add(path, "the ring is not closed: its last position must repeat the first")
            return
        area = signed_area(ring)
        which = "exterior ring" if exterior else "hole"
        if area == 0:
            problems.add(path, f"the {which} encloses no area")
        elif exterior and area < 0:
            problems.add(path, "the exterior ring is clockwise; RFC 7946 §3.1.6 wants it counterclockwise")
        elif not exterior and area > 0:
            problems.add(path, "the hole is counterclockwise; RFC 7946 §3.1.6 wants holes clockwise")

    def check_bbox(self, bbox, positions, path, problems):
        if not isinstance(bbox, list) or len(bbox) not in (4, 6) or not all(is_number(v) for v in bbox):
            problems.add(path, "a bbox is 4 (or 6, with heights) numbers: [west, south, east, north]")
            return
        half = len(bbox) // 2
        west, south, east, north = (float(v) for v in (bbox[0], bbox[1], bbox[half], bbox[half + 1]))
        if south > north:
            problems.add(path, f"south {bbox[1]} is above north {bbox[half + 1]}")
        if west > east:
            problems.add(path, f"west {bbox[0]} is east of east {bbox[half]} (only right for a box across the antimeridian)")
        outside = [p for p in positions if not (west <= float(p[0]) <= east and south <= float(p[1]) <= north)]
        if outside:
            problems.add(path, f"{len(outside)} position(s) lie outside the bbox, such as [{outside[0][0]}, {outside[0][1]}]")


def signed_area(ring):
    """Twice the signed area (shoelace), lon as x and lat as y: positive when counterclockwise."""
    x0, y0 = float(ring[0][0]), float(ring[0][1])
    total = 0.0
    for a, b in zip(ring, ring[1:]):
        ax, ay, bx, by = float(a[0]) - x0, float(a[1]) - y0, float(b[0]) - x0, float(b[1]) - y0
        total += ax * by - bx * ay
    return total


def parse_bounds(text):
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4 or values[0] > values[2] or values[1] > values[3]:
        raise argparse.ArgumentTypeError("expected W,S,E,N such as 10,55,25,70")
    return tuple(values)


def main(argv):
    parser = argparse.ArgumentParser(description="Check GeoJSON files against RFC 7946.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--expect-invalid", action="store_true", help="every FILE must be rejected")
    parser.add_argument("--expect-error", action="append", default=[], metavar="TEXT",
                        help="with --expect-invalid: the problems must mention TEXT (repeatable)")
    region = parser.add_mutually_exclusive_group()
    region.add_argument("--bounds", type=parse_bounds, default=SWEDEN, metavar="W,S,E,N",
                        help="the region positions must lie in (default: Sweden, 10,55,25,70)")
    region.add_argument("--world", action="store_true", help="no region, only the WGS 84 ranges")
    args = parser.parse_args(argv)
    if args.expect_error and not args.expect_invalid:
        parser.error("--expect-error goes with --expect-invalid")

    checker = Checker(None if args.world else args.bounds)
    passed = failed = 0
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print(f"FAIL {path}: cannot read it as UTF-8: {error}")
            failed += 1
            continue
        problems, features = checker.check_text(text)
        found = problems.items
        if args.expect_invalid:
            missing = [t for t in args.expect_error if not any(t in problem for problem in found)]
            if not found:
                print(f"FAIL {path}: accepted ({features} features), but it must be rejected")
                failed += 1
            elif missing:
                print(f"FAIL {path}: rejected, but not for: " + "; ".join(repr(t) for t in missing))
                for problem in found[:MAX_REPORTED]:
                    print(f"    {problem}")
                failed += 1
            else:
                print(f"ok {path}: rejected: {found[0]}" + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""))
                passed += 1
        elif found:
            print(f"FAIL {path}: {len(found)} problem(s)")
            for problem in found[:MAX_REPORTED]:
                print(f"    {problem}")
            if len(found) > MAX_REPORTED:
                print(f"    … and {len(found) - MAX_REPORTED} more")
            failed += 1
        else:
            print(f"ok {path}: {features} features")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
