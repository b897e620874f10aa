//! The gallery's "Connections" section: `ui.connection` to an HTTP API (a JSON file served
//! beside the gallery, in `www/static/`), its reads cached like `cache_data`, and a bad path
//! (behind a button) shown as an error in place.

use wasmlit::connection::http::HttpConnection;
use wasmlit::connection::ConnectionOptions;
use wasmlit::data::{col, lit};
use wasmlit::prelude::*;

/// The section: the planets of `app/static/planets.json`, read through an `HttpConnection`.
pub async fn connections(ui: &Ui, index: usize) -> Result {
    ui.header(crate::SECTIONS[index].0);
    ui.write(
        "`ui.connection::<T>(name)` is Streamlit's `st.connection`: the connection is cached like \
         `cache_resource`, each read like `cache_data` with its own `ttl`. A static app can reach \
         HTTP APIs, SQL engines that speak HTTP (ClickHouse) and SQLite in the tab; \
         `examples/connections` has one page for each.",
    );
    let api = ConnectionOptions::<HttpConnection>::new("planets").param("base_url", "app/static").open(ui)?;
    let planets = api.get_frame(ui, "planets.json", Some("10m".into())).await?;
    let kind = ui.add(Radio::new("Kind of planet", ["all", "rocky", "gas giant", "ice giant"]).horizontal(true));
    let shown = if kind == "all" { planets.clone() } else { planets.filter(&col("kind").eq(lit(kind)))? };
    ui.caption(format!("{} of {} planets, read from `app/static/planets.json`", shown.num_rows(), planets.num_rows()));
    ui.dataframe(&shown);
    // A path the API does not have: the error names the connection, the URL and the status.
    if ui.button("Read a file that is not there") {
        if let Err(error) = api.get_json(ui, "no-such-file.json", None).await {
            ui.error(format!("A read that fails shows its error in place: {error}"));
        }
    }
    Ok(())
}
