-- The SQLite page's shipped database (cities.sqlite), made from this script:
--   rm -f cities.sqlite && python3 -c "import sqlite3; c = sqlite3.connect('cities.sqlite'); c.executescript(open('cities.sql').read()); c.close()"
-- Population: the city proper, rounded; the year a city was founded or first recorded.
PRAGMA page_size = 1024;
CREATE TABLE city (
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    population INTEGER,
    area_km2 REAL,
    founded DATE
);
INSERT INTO city VALUES
    ('Paris', 'France', 2103000, 105.4, NULL),
    ('Marseille', 'France', 873000, 240.6, '0600-01-01'),
    ('Lyon', 'France', 522000, 47.9, NULL),
    ('Berlin', 'Germany', 3755000, 891.1, '1237-01-01'),
    ('Hamburg', 'Germany', 1892000, 755.2, NULL),
    ('Munich', 'Germany', 1512000, 310.7, '1158-06-14'),
    ('Madrid', 'Spain', 3332000, 604.3, NULL),
    ('Barcelona', 'Spain', 1636000, 101.9, NULL),
    ('Valencia', 'Spain', 792000, 134.6, NULL),
    ('Rome', 'Italy', 2749000, 1285.0, NULL),
    ('Milan', 'Italy', 1371000, 181.8, NULL),
    ('Naples', 'Italy', 914000, 119.0, NULL),
    ('Lisbon', 'Portugal', 545000, 100.1, NULL),
    ('Porto', 'Portugal', 232000, 41.4, NULL),
    ('Amsterdam', 'Netherlands', 918000, 219.3, NULL),
    ('Rotterdam', 'Netherlands', 655000, 324.1, '1270-01-01');
VACUUM;
