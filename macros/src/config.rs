//! `config!("wasmlit.toml")`: the app's public config, checked at build time.

use proc_macro2::TokenStream as TokenStream2;
use quote::quote;
use syn::LitStr;

/// The same rule as the engine's `wasmlit::config::check`, shared by path.
#[path = "../../src/config/check.rs"]
#[allow(dead_code)]
mod check;

/// Reads the file (relative to the crate being built), refuses it with a `compile_error!`
/// when it is not TOML or has keys that look secret, and otherwise expands to
/// `wasmlit::config::AppConfig::parse(include_str!(..))`, so cargo rebuilds when it changes.
pub fn expand(path: LitStr) -> TokenStream2 {
    match read(&path.value()) {
        Ok(absolute) => quote! { ::wasmlit::config::AppConfig::parse(include_str!(#absolute)) },
        Err(message) => syn::Error::new(path.span(), message).to_compile_error(),
    }
}

fn read(relative: &str) -> Result<String, String> {
    let dir = std::env::var("CARGO_MANIFEST_DIR").map_err(|_| "config!: CARGO_MANIFEST_DIR is not set".to_string())?;
    let absolute = std::path::Path::new(&dir).join(relative);
    let shown = absolute.display().to_string();
    let text = std::fs::read_to_string(&absolute).map_err(|e| format!("config!: cannot read {shown}: {e}"))?;
    let table = text.parse::<toml::Table>().map_err(|e| format!("{relative}: {}", e.to_string().trim()))?;
    check::check_public(&table)?;
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::check::{check_public, looks_secret};
    use super::expand;

    #[test]
    fn a_file_with_a_password_becomes_a_compile_error_that_says_why() {
        let refused = expand(syn::parse_quote!("../tests/support/config/secret.toml")).to_string();
        assert!(refused.contains("compile_error"), "{refused}");
        assert!(refused.contains("`connections.db.password` looks secret"), "{refused}");
        assert!(refused.contains("public = [\\\"connections.db.password\\\"]"), "{refused}");
        let public = expand(syn::parse_quote!("../tests/support/config/public.toml")).to_string();
        assert!(public.contains("AppConfig :: parse (include_str !"), "{public}");
        let missing = expand(syn::parse_quote!("nope.toml")).to_string();
        assert!(missing.contains("config!: cannot read"), "{missing}");
    }

    #[test]
    fn secret_looking_names_are_found_by_word_part() {
        for name in ["password", "api_key", "apiKey", "TOKEN", "client-secret", "db_passwords", "AccessTokens"] {
            assert!(looks_secret(name), "{name}");
        }
        for name in ["monkey", "keyboard", "host", "tokenizer", "port", "secretary", "username"] {
            assert!(!looks_secret(name), "{name}");
        }
    }

    #[test]
    fn the_check_names_every_refused_key_and_honours_public() {
        let file: toml::Table =
            "[secrets]\nplain = 1\n[secrets.auth]\nuser = \"a\"\n[secrets.api_keys]\nmaps = \"x\"\n[connections.db]\npassword = \"p\""
                .parse()
                .unwrap();
        let error = check_public(&file).unwrap_err();
        assert!(error.contains("`secrets.api_keys.maps`") && error.contains("`connections.db.password`"), "{error}");
        assert!(!error.contains("plain") && !error.contains("auth"), "{error}");
        assert!(error.contains("can be read by whoever opens the page"), "{error}");
        let mut marked = file.clone();
        marked.insert(
            "public".into(),
            toml::Value::Array(vec!["secrets.api_keys".into(), "connections.db.password".into()]),
        );
        assert_eq!(check_public(&marked), Ok(()));
        let mut bad = file;
        bad.insert("public".into(), toml::Value::String("secrets".into()));
        assert!(check_public(&bad).unwrap_err().contains("array of dotted key paths"));
        let not_table: toml::Table = "secrets = 3".parse().unwrap();
        assert!(check_public(&not_table).unwrap_err().contains("`secrets` must be a table"));
    }
}
