//! Containers: chat messages, status boxes, columns, tabs, expanders, containers and `empty()` placeholders, one file
//! each (panel.rs: what stateful tabs, expanders and popovers share), with their renderers at the same paths under `web/layout/`. Forms, fragments and
//! dialogs are containers too; their engine halves live in `form.rs` and `fragment.rs`
//! because they also change how runs go.

pub mod chat_message;
pub mod columns;
pub mod container;
pub mod empty;
pub mod expander;
pub mod panel;
pub mod popover;
pub mod space;
pub mod status;
pub mod tabs;

/// Installs the page's renderer of a container kind where the engine makes a block of that
/// kind: `install_block!(tabs)` (on wasm32; natively it does nothing). So an app links only the
/// container renderers it uses, as `element::make` does for elements.
macro_rules! install_block {
    ($kind:ident) => {
        #[cfg(target_arch = "wasm32")]
        crate::web::layout::install::$kind();
    };
}
pub(crate) use install_block;

/// Checks an icon as Streamlit's `icon=` takes it: one emoji (a short text without spaces)
/// or a Material icon written `:material/name:`.
pub(crate) fn check_icon(icon: &str) -> Result<(), String> {
    if let Some(name) = icon.strip_prefix(":material/").and_then(|rest| rest.strip_suffix(':')) {
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Ok(());
        }
    } else if !icon.is_empty()
        && icon.chars().count() <= 8
        && !icon.chars().any(|c| c.is_whitespace() || c.is_ascii_alphanumeric())
    {
        return Ok(());
    }
    Err(format!(
        "The value {icon:?} is not a valid emoji or icon. Shortcodes are not allowed, use a single \
         character instead, or a Material icon written \":material/icon_name:\"."
    ))
}

#[cfg(test)]
mod tests {
    use super::check_icon;

    #[test]
    fn icons_are_one_emoji_or_a_material_name() {
        for good in ["🦀", "⚙️", "👩‍💻", ":material/settings:", ":material/arrow_back_2:"] {
            assert_eq!(check_icon(good), Ok(()), "{good}");
        }
        for bad in ["", "two words", "abc", ":smile:", ":material/:", ":material/Bad-Name:", "🦀 🦀"] {
            assert!(check_icon(bad).is_err(), "{bad}");
        }
    }
}
