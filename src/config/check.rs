//! Which keys of a `wasmlit.toml` look secret. One rule for the engine
//! ([`AppConfig::parse`](crate::config::AppConfig::parse)) and, included by path, for the
//! `config!` macro, which refuses such a file at build time.
//!
//! Every value under `[secrets]` and `[connections.<name>]` is compiled into the app, and
//! anything shipped to a browser can be read by whoever opens the page. So a key whose name
//! has a word part `password`, `token`, `key` or `secret` (case-insensitive; parts split at
//! `_`, `-`, and lower-to-upper case changes; plurals too) is refused unless the file lists
//! it, or a table above it, in the top-level `public = [..]` array of dotted paths.

/// The word parts that make a key look secret.
pub const SECRET_WORDS: [&str; 4] = ["password", "token", "key", "secret"];

/// Whether a key's name has a word part that looks secret (`api_key`, `dbPassword`, `TOKEN`).
pub fn looks_secret(name: &str) -> bool {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == ' ' {
            parts.push(std::mem::take(&mut current));
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower {
            parts.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    parts.push(current);
    parts.iter().any(|part| {
        let singular = part.strip_suffix('s').unwrap_or(part);
        SECRET_WORDS.contains(&part.as_str()) || SECRET_WORDS.contains(&singular)
    })
}

/// The dotted paths the file marks public (`public = ["connections.maps.api_key"]`).
fn public_paths(file: &toml::Table) -> Result<Vec<String>, String> {
    let Some(public) = file.get("public") else { return Ok(Vec::new()) };
    let not_a_list =
        || "`public` must be an array of dotted key paths, e.g. public = [\"secrets.maps_key\"]".to_string();
    let items = public.as_array().ok_or_else(not_a_list)?;
    items.iter().map(|item| item.as_str().map(str::to_string).ok_or_else(not_a_list)).collect()
}

/// Collects the paths under `path` whose own name or a table's name above them looks secret.
fn walk(table: &toml::Table, path: &str, inherited: bool, public: &[String], refused: &mut Vec<String>) {
    for (name, value) in table {
        let full = format!("{path}.{name}");
        if public.contains(&full) {
            continue;
        }
        let secret = inherited || looks_secret(name);
        match value {
            toml::Value::Table(inner) => walk(inner, &full, secret, public, refused),
            _ if secret => refused.push(full),
            _ => {}
        }
    }
}

/// Checks a whole `wasmlit.toml`: `Err` explains which keys look secret and why that is
/// refused, or what is wrong with the shape of `[secrets]`, `[connections]` or `public`.
pub fn check_public(file: &toml::Table) -> Result<(), String> {
    let public = public_paths(file)?;
    let mut refused = Vec::new();
    for section in ["secrets", "connections"] {
        match file.get(section) {
            None => {}
            Some(toml::Value::Table(table)) => walk(table, section, false, &public, &mut refused),
            Some(_) => return Err(format!("`{section}` must be a table ([{section}])")),
        }
    }
    if let Some(toml::Value::Table(connections)) = file.get("connections") {
        if let Some((name, _)) = connections.iter().find(|(_, value)| !value.is_table()) {
            return Err(format!("`connections.{name}` must be a table ([connections.{name}])"));
        }
    }
    if refused.is_empty() {
        return Ok(());
    }
    let list = refused.iter().map(|key| format!("`{key}`")).collect::<Vec<_>>().join(", ");
    Err(format!(
        "wasmlit.toml: {list} look{} secret. Everything in wasmlit.toml is compiled into the app, and \
         anything shipped to a browser can be read by whoever opens the page: nothing in it is secret. \
         Remove the value and let the visitor supply it at run time (`ui.set_secret`, e.g. from a password \
         input), or, if it really is public (a publishable key, a read-only demo token), list it in the \
         top-level array `public = [{}]`.",
        if refused.len() == 1 { "s" } else { "" },
        refused.iter().map(|key| format!("\"{key}\"")).collect::<Vec<_>>().join(", "),
    ))
}
