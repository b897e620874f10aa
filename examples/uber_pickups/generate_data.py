"""Writes static/uber-raw-data-sep14.csv: a synthetic stand-in for the NYC Uber pickups of
September 2014 that Streamlit's "Create an app" tutorial downloads (this machine and CI are
offline). 10,000 rows, deterministic: run it again and the file is byte for byte the same.

Pickups cluster around Midtown, Lower Manhattan, Brooklyn and the airports; their hours follow
a weekday curve with a morning bump and an evening peak at 17:00-18:00, as the real data does.

    python3 examples/uber_pickups/generate_data.py
"""

import math
import os
import random

ROWS = 10_000
# (latitude, longitude, spread in degrees, weight)
HOTSPOTS = [
    (40.7580, -73.9855, 0.020, 0.40),  # Midtown
    (40.7128, -74.0060, 0.015, 0.20),  # Lower Manhattan
    (40.6782, -73.9442, 0.030, 0.15),  # Brooklyn
    (40.6413, -73.7781, 0.010, 0.10),  # JFK
    (40.7769, -73.8740, 0.008, 0.05),  # LaGuardia
    (40.7831, -73.9712, 0.020, 0.10),  # Upper West/East Side
]
BASES = ["B02512", "B02598", "B02617", "B02682", "B02764"]
# Relative pickups per hour of the day.
HOURS = [5, 3, 2, 2, 3, 5, 8, 11, 12, 10, 9, 9, 10, 10, 11, 13, 15, 17, 17, 15, 13, 12, 10, 7]


def main():
    rng = random.Random(2014)
    rows = []
    for _ in range(ROWS):
        lat, lon, spread, _ = rng.choices(HOTSPOTS, weights=[h[3] for h in HOTSPOTS])[0]
        day = rng.randint(1, 30)
        hour = rng.choices(range(24), weights=HOURS)[0]
        minute, second = rng.randint(0, 59), 0
        lat += rng.gauss(0, spread)
        lon += rng.gauss(0, spread) / math.cos(math.radians(lat))
        base = rng.choice(BASES)
        rows.append((f"2014-09-{day:02d} {hour:02d}:{minute:02d}:{second:02d}", lat, lon, base))
    rows.sort()
    path = os.path.join(os.path.dirname(__file__), "static", "uber-raw-data-sep14.csv")
    with open(path, "w", newline="\n") as out:
        out.write("Date/Time,Lat,Lon,Base\n")
        for time, lat, lon, base in rows:
            out.write(f"{time},{lat:.4f},{lon:.4f},{base}\n")


if __name__ == "__main__":
    main()
