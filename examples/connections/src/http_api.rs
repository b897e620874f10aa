//! An HTTP API as a connection: `data/cities.json`, served beside the app (by the e2e harness in
//! tests), read into a frame by `HttpConnection::get_frame` and cached for ten minutes; a
//! widget picks the country, another the minimum population, a third the timeout.

use wasmlit::connection::http::HttpConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::data::{col, lit};
use wasmlit::prelude::*;

/// The page: the cities of one country, filtered by population.
pub async fn page(ui: &Ui) -> Result {
    ui.title("An HTTP API");
    ui.markdown(
        "`ui.connection::<HttpConnection>(\"city_api\")` reads `base_url`, `timeout` and `retries` \
         from `[connections.city_api]` of `wasmlit.toml`; `get_frame` reads JSON, CSV or Arrow into \
         a frame, cached for its `ttl`.",
    );
    let token = ui.add(TextInput::new("API token (optional, stays in this tab)").password().key("token"));
    if !token.is_empty() {
        ui.set_secret("connections.city_api.token", token);
    }
    // Each try may take this long; `?timeout=2s` in the URL picks it too.
    let timeout = ui.add(Selectbox::new("Timeout", ["10s", "2s", "30s"]).key("timeout").bind(Bind::QueryParams));
    let api = ConnectionOptions::<HttpConnection>::new("city_api").param("timeout", timeout).open(ui)?;
    let cities = api.get_frame(ui, "data/cities.json", Some("10m".into())).await?;
    let column = cities.column_index("country")?;
    let mut countries: Vec<String> = (0..cities.num_rows()).map(|row| cities.cell_text(row, column)).collect();
    countries.sort();
    countries.dedup();
    let country = ui.add(Selectbox::new("Country", countries).key("country"));
    let min = ui.add(Slider::new("Minimum population (thousands)", 0..=4000).value(0).step(100).key("min"));
    let shown = cities
        .filter(&col("country").eq(lit(country.as_str())).and(col("population").ge(lit(i64::from(min) * 1000))))?;
    ui.caption(format!("{} of {} cities", shown.num_rows(), cities.num_rows()));
    ui.dataframe(&shown);
    Ok(())
}
