//! The SQLite page: a database file shipped with the app (`data/cities.sqlite`, made from
//! `data/cities.sql`), filtered by a widget, and a guest book kept in the tab, written through
//! a session and there again after a reload.

use wasmlit::connection::sqlite::SqliteConnection;
use wasmlit::data::Value;
use wasmlit::prelude::*;

/// Loads the page's databases once (fetches the file, reads the guest book from the tab) and
/// makes the guest book's table on its first use. The async entry script awaits it before
/// this page runs.
pub async fn ready(ui: &Ui) -> Result {
    ui.connection::<SqliteConnection>("cities")?.ready(ui).await?;
    let book = ui.connection::<SqliteConnection>("guestbook")?;
    book.ready(ui).await?;
    let tables = book.query("SELECT count(*) FROM sqlite_schema WHERE name = 'entry'", &[], None)?;
    if tables.value(0, 0) == Value::Int(0) {
        book.session(|tx| {
            tx.execute_batch("CREATE TABLE entry (name TEXT NOT NULL, message TEXT, at DATETIME NOT NULL)")
        })?;
    }
    Ok(())
}

pub fn page(ui: &Ui) -> Result {
    ui.title("SQLite in the tab");
    ui.markdown(
        "SQLite compiled to WebAssembly runs inside this page. `cities` is a 2 kB database file \
         shipped beside the app (`[connections.cities] url = \"data/cities.sqlite\"`); its \
         queries are cached like `cache_data`.",
    );
    let cities = ui.connection::<SqliteConnection>("cities")?;
    let countries = cities.query("SELECT DISTINCT country FROM city ORDER BY country", &[], None)?;
    let mut options = vec![String::from("All")];
    options.extend((0..countries.num_rows()).map(|row| countries.cell_text(row, 0)));
    let country = ui.selectbox("Country", options);
    let df = cities.query(
        "SELECT name, country, population, area_km2, founded FROM city \
         WHERE ?1 = 'All' OR country = ?1 ORDER BY population DESC",
        &[Value::Text(country)],
        Some("10m".into()),
    )?;
    ui.caption(format!("{} cities", df.num_rows()));
    ui.dataframe(&df);

    ui.subheader("Guest book");
    ui.markdown(
        "`[connections.guestbook] persist = \"guestbook\"`: a database kept in this tab's \
         storage (IndexedDB). A row added here is written in a session (one transaction) and \
         is still here after a reload.",
    );
    let book = ui.connection::<SqliteConnection>("guestbook")?;
    let form = ui.add(Form::new("sign").clear_on_submit(true));
    let name = form.text_input("Name");
    let message = form.text_input("Message");
    if form.form_submit_button("Add a row") {
        if name.trim().is_empty() {
            ui.warning("A row needs a name.");
        } else {
            book.session(|tx| {
                tx.execute(
                    "INSERT INTO entry VALUES (?1, ?2, datetime('now'))",
                    &[Value::Text(name.trim().into()), Value::Text(message)],
                )
                .map(drop)
            })?;
        }
    }
    let count = book.query("SELECT count(*) FROM entry", &[], None)?;
    ui.metric("Rows in the guest book", count.cell_text(0, 0));
    let entries = book.query("SELECT name, message, at FROM entry ORDER BY rowid DESC LIMIT 20", &[], None)?;
    ui.dataframe(&entries);
    Ok(())
}
