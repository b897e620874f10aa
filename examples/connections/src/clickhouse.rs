//! ClickHouse over HTTP: taxi trips filtered by a borough and a minimum fare, counted first
//! (`SELECT count()`), then queried with `ClickHouseConnection::query_with_progress` (a bar
//! with the rows received of that count while the answer streams in), both cached for a minute. The server's URL comes from `[connections.warehouse]`, or the
//! `server` query parameter (`?server=http://127.0.0.1:18123`), which the e2e test uses: a
//! server on this machine only, so a link cannot send the query (and a visitor's password) elsewhere.

use wasmlit::connection::clickhouse::ClickHouseConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::prelude::*;

/// The table this page reads, as the e2e test (or you) creates it.
pub const CREATE_TABLE: &str = "CREATE TABLE trips (pickup DateTime, borough String, \
    passengers UInt8, fare Float64, tip Nullable(Float64)) ENGINE = MergeTree ORDER BY pickup";

/// The most rows the page asks for.
const LIMIT: u32 = 10_000;

/// How long answers are cached.
fn ttl() -> Option<wasmlit::cache::Ttl> {
    Some("1m".into())
}

/// Boroughs the filter offers.
pub const BOROUGHS: [&str; 5] = ["All", "Manhattan", "Brooklyn", "Queens", "Bronx"];

/// Whether `url` is a server on this machine (`http://127.0.0.1:<port>`, `http://localhost:<port>`).
pub fn is_local(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = host.rsplit_once(':').filter(|(_, port)| port.parse::<u16>().is_ok()).map_or(host, |(name, _)| name);
    name == "127.0.0.1" || name == "localhost" || name == "[::1]"
}

/// The page: the trips of a borough above a fare.
pub async fn page(ui: &Ui) -> Result {
    ui.title("ClickHouse over HTTP");
    ui.markdown(
        "The tab sends SQL to ClickHouse's HTTP interface and reads the answer into a frame: \
         the data stays where it lives.",
    );
    let server = ui.add(TextInput::new("Server").key("server").bind(Bind::QueryParams));
    let borough = ui.add(Selectbox::new("Borough", BOROUGHS).key("borough"));
    let min_fare = ui.add(Slider::new("Minimum fare ($)", 0..=100).value(0).key("min_fare"));
    let mut options = ConnectionOptions::<ClickHouseConnection>::new("warehouse");
    if !server.is_empty() {
        if !is_local(&server) {
            ui.error(format!("`{server}` is not on this machine: the server field takes `http://127.0.0.1:<port>` or `http://localhost:<port>`."));
            return Ok(());
        }
        options = options.param("url", server);
    }
    let db = options.open(ui)?;
    let mut filter = format!("fare >= {min_fare}");
    if borough != "All" {
        // The borough comes from a fixed list; quotes are escaped all the same.
        filter.push_str(&format!(" AND borough = '{}'", borough.replace('\\', "\\\\").replace('\'', "\\'")));
    }
    let bar = ui.progress_with_text(0, "Querying ClickHouse…");
    let shown = bar.clone();
    let answer = async {
        // ClickHouse sends rows without a length: the count gives the bar its end.
        let count =
            db.query(ui, &format!("SELECT least(count(), {LIMIT}) AS n FROM trips WHERE {filter}"), ttl()).await?;
        let total = count.value(0, 0).as_f64().unwrap_or_default() as u64;
        let sql = format!(
            "SELECT pickup, borough, passengers, fare, tip FROM trips WHERE {filter} ORDER BY pickup LIMIT {LIMIT}"
        );
        db.query_with_progress(ui, &sql, ttl(), move |p| {
            let fraction = (p.rows as f64 / total.max(1) as f64).min(1.0);
            shown.progress_with_text(fraction, format!("Receiving rows… {} of {total}", p.rows));
        })
        .await
    };
    let trips = match answer.await {
        Ok(trips) => trips,
        Err(error) => {
            bar.empty();
            ui.error(format!(
                "{error}\n\nIs ClickHouse up? Start one with `clickhouse-server --config-file=/etc/clickhouse-server/config.xml` \
                 (Debian: `apt-get install clickhouse-server`), create the table with `{CREATE_TABLE}`, and allow \
                 this page's origin (the connection asks with `add_http_cors_header=1`)."
            ));
            return Ok(());
        }
    };
    bar.empty();
    ui.caption(format!("{} trips", trips.num_rows()));
    ui.dataframe(&trips);
    Ok(())
}
