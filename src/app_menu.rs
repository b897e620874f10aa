//! The app menu's keyboard shortcuts, as in Streamlit: `R` reruns the app and `C` clears the
//! caches (then reruns), unless the viewer is typing in a field or holds a modifier key.
//!
//! ```
//! use wasmlit::app_menu::{shortcut, MenuShortcut};
//! assert_eq!(shortcut("r", false, false), Some(MenuShortcut::Rerun));
//! assert_eq!(shortcut("C", false, false), Some(MenuShortcut::ClearCache));
//! assert_eq!(shortcut("r", false, true), None, "typing an r in a text input");
//! assert_eq!(shortcut("r", true, false), None, "Ctrl+R reloads the page instead");
//! ```

/// What a shortcut key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuShortcut {
    /// The menu's "Rerun".
    Rerun,
    /// The menu's "Clear cache" (which reruns after clearing).
    ClearCache,
}

/// The shortcut `key` (a `KeyboardEvent.key`) stands for: none while `modifier` (Ctrl, Alt
/// or Meta) is held, so the browser's own shortcuts keep working, and none while `typing`
/// (focus in an input, text area, select or editable element).
pub fn shortcut(key: &str, modifier: bool, typing: bool) -> Option<MenuShortcut> {
    if modifier || typing {
        return None;
    }
    match key {
        "r" | "R" => Some(MenuShortcut::Rerun),
        "c" | "C" => Some(MenuShortcut::ClearCache),
        _ => None,
    }
}

/// The About box's lines: the app's title (its `set_page_config` title, else the page's)
/// and where it was made.
///
/// ```
/// assert_eq!(wasmlit::app_menu::about_lines("Sales"), ["Sales", "Made with wasmlit"]);
/// assert_eq!(wasmlit::app_menu::about_lines("  "), ["wasmlit app", "Made with wasmlit"]);
/// ```
pub fn about_lines(title: &str) -> [String; 2] {
    let title = title.trim();
    let title = if title.is_empty() { "wasmlit app" } else { title };
    [title.to_string(), "Made with wasmlit".to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_r_and_c_without_modifiers_outside_fields_are_shortcuts() {
        for key in ["x", "Enter", "Escape", "", "rr", "ř"] {
            assert_eq!(shortcut(key, false, false), None, "{key:?}");
        }
        assert_eq!(shortcut("R", false, false), Some(MenuShortcut::Rerun));
        assert_eq!(shortcut("c", false, false), Some(MenuShortcut::ClearCache));
        assert_eq!(shortcut("c", true, false), None);
        assert_eq!(shortcut("c", false, true), None);
    }
}
