use serde::Deserialize;

use super::*;
use crate::config::AppConfig;
use crate::prelude::*;
use crate::storage::StoragePort;

#[derive(Debug, Deserialize, PartialEq)]
struct Db {
    host: String,
    port: u16,
}

fn file() -> AppConfig {
    crate::config!("tests/support/config/public.toml")
}

#[test]
fn the_compiled_in_file_gives_dotted_keys_sections_and_its_theme() {
    let config = file();
    assert_eq!(config.error(), None);
    let session = crate::Session::new(|_: &Ui| {}).with_config(config.clone());
    assert_eq!(session.theme().and_then(|t| t.primary_color.as_deref()), Some("#7c3aed"));
    let mut at = AppTest::new(|_: &Ui| {});
    at.config(config);
    let secrets = at.secrets();
    assert_eq!(secrets.get::<String>("region").as_deref(), Ok("eu"));
    assert_eq!(secrets.get::<u16>("db.port"), Ok(5432));
    assert_eq!(secrets.section::<Db>("db"), Ok(Db { host: "db.example.com".into(), port: 5432 }));
    assert_eq!(secrets.get::<String>("connections.maps.api_key").as_deref(), Ok("pk_public_123"));
    assert!(secrets.contains("connections.maps") && !secrets.contains("public") && !secrets.contains("theme"));
    let shown = format!("{secrets:?}");
    assert!(shown.contains("\"db\"") && !shown.contains("db.example.com"), "{shown}");
}

#[test]
fn missing_keys_and_wrong_shapes_are_errors_that_name_the_key() {
    let mut at = AppTest::new(|_: &Ui| {});
    at.config(AppConfig::parse("[secrets]\nregion = \"eu\"\n[secrets.db]\nport = \"x\""));
    let secrets = at.secrets();
    let missing = secrets.get::<String>("nope").unwrap_err();
    assert_eq!(missing, SecretsError::Missing { key: "nope".into(), missing: "nope".into() });
    assert!(missing.to_string().contains("ui.set_secret(\"nope\""), "{missing}");
    let deeper = secrets.get::<String>("db.user.name").unwrap_err().to_string();
    assert!(deeper.starts_with("no secret `db.user.name`: `db.user` is not there (set it"), "{deeper}");
    let through_value = secrets.get::<String>("region.x").unwrap_err().to_string();
    assert!(through_value.contains("`region.x` is not there"), "{through_value}");
    let typed = secrets.get::<u16>("db.port").unwrap_err().to_string();
    assert!(typed.starts_with("secret `db.port`: invalid type"), "{typed}");
    let not_section = secrets.section::<Db>("region").unwrap_err().to_string();
    assert!(not_section.contains("not a section"), "{not_section}");
}

#[test]
fn a_refused_file_is_reported_and_gives_no_secrets() {
    let refused = AppConfig::parse("[secrets]\nregion = \"eu\"\ngithub_token = \"ghp_x\"");
    assert!(refused.error().unwrap().contains("`secrets.github_token` looks secret"));
    let session = crate::Session::new(|_: &Ui| {}).with_config(refused.clone());
    assert!(session.theme_error().unwrap().contains("nothing in it is secret"));
    let mut at = AppTest::new(|_: &Ui| {});
    at.config(refused);
    assert!(!at.secrets().contains("region"));
    assert!(AppConfig::parse("[secrets\n").error().unwrap().starts_with("wasmlit.toml:"));
}

#[test]
fn visitor_secrets_win_over_the_file_and_can_be_forgotten() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        if ui.button("forget") {
            ui.clear_secret("db.host");
        }
        let db: Db = ui.secrets().section("db")?;
        ui.write(format!("{}:{}", db.host, db.port));
        Ok(())
    });
    at.config(file());
    at.run();
    assert_eq!(at.markdown(0).text(), "db.example.com:5432");
    at.set_secret("db.host", "10.0.0.1").run();
    assert_eq!(at.markdown(0).text(), "10.0.0.1:5432");
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "db.example.com:5432");
    at.set_secret("region.zone", "a").run();
    assert_eq!(at.secrets().get::<String>("region.zone").as_deref(), Ok("a"), "a value becomes a table");
}

/// Whether `needle` occurs in `bytes`.
fn contains_bytes(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn visitor_secrets_never_reach_session_state_snapshots_or_persisted_caches() {
    const TOKEN: &str = "tok-9f8e7d6c5b4a";
    #[cache_data(persist)]
    fn lookup(n: u32) -> u32 {
        n * 2
    }
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        ui.set_secret("connections.api.token", TOKEN);
        let state = ui.session_state();
        let runs: u32 = state.persisted("runs", || 0)?;
        state.set("runs", runs + 1)?;
        let token: String = ui.secrets().get("connections.api.token")?;
        ui.write(lookup(token.len() as u32));
        Ok(())
    });
    at.set_secret("typed", TOKEN);
    at.run().run();
    assert_eq!(at.markdown(0).text(), "32");
    let port = StoragePort::new(at.session_state());
    let snapshot = port.snapshot().encode();
    assert!(!snapshot.is_empty() && !contains_bytes(&snapshot, TOKEN), "the development snapshot");
    let writes = port.take_writes();
    assert!(!writes.cache.is_empty(), "the persisted cache entry is written");
    for op in &writes.cache {
        if let crate::cache::persist::StorageOp::Put { bytes, .. } = op {
            assert!(!contains_bytes(bytes, TOKEN), "a persisted cache entry");
        }
    }
    for (_, bytes) in &writes.session {
        assert!(!bytes.as_deref().is_some_and(|b| contains_bytes(b, TOKEN)), "a persisted session key");
    }
    let state = at.session_state();
    assert!(!state.contains("typed") && !state.contains("connections.api.token"));
}
