//! Connections in the browser, as `st.connection` in Streamlit: each page opens one kind of
//! connection and queries it. Parameters come from `wasmlit.toml` (`[connections.<name>]`),
//! compiled in at build time; a visitor's token is typed in at run time and never persisted.

use wasmlit::prelude::*;

pub mod clickhouse;
pub mod http_api;
mod sqlite;

/// The entry script: the home page, then one page per kind of connection. Async pages have an
/// empty body in the navigation and run here, by path.
pub async fn app(ui: Ui) -> Result {
    let page = ui.navigation(vec![
        Page::new("Connections", home).icon("🔌").default(true),
        Page::new("SQLite", sqlite::page).icon("🗃️"),
        Page::new("HTTP API", |_: &Ui| ()).icon("🌐").url_path("http_api"),
        Page::new("ClickHouse", |_: &Ui| ()).icon("🗄️").url_path("clickhouse"),
    ]);
    match page.path() {
        "http_api" => http_api::page(&ui).await,
        "clickhouse" => clickhouse::page(&ui).await,
        "sqlite" => {
            sqlite::ready(&ui).await?;
            page.run(&ui)
        }
        _ => page.run(&ui),
    }
}

fn home(ui: &Ui) {
    ui.title("Connections");
    ui.markdown(
        "A static app has no server of its own, so it cannot open a database socket, and \
         nothing shipped to the browser is secret. Each page here opens a connection that a \
         tab *can* use, with Streamlit's model: `ui.connection::<T>(name)` is cached like \
         `cache_resource`, and its reads like `cache_data`.",
    );
}
