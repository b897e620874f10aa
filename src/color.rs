//! CSS colours that reach the page from an app or a theme file: checked before they are written
//! into a style, so a value can never close its declaration or rule.

/// Accepts `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(..)`/`rgba(..)`/`hsl(..)`/`hsla(..)`
/// with numbers, and CSS colour names; anything else is refused with the reason.
pub fn check_color(color: &str) -> Result<(), String> {
    let refuse = || {
        Err(format!(
            "\"{color}\" is not a colour: use a CSS name (\"yellow\"), #rgb/#rrggbb(aa), or rgb(..)/rgba(..)/hsl(..)"
        ))
    };
    if let Some(hex) = color.strip_prefix('#') {
        return if matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(())
        } else {
            refuse()
        };
    }
    for function in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if let Some(inner) = color.strip_prefix(function).and_then(|rest| rest.strip_suffix(')')) {
            let allowed = |c: char| c.is_ascii_alphanumeric() || " ,.%/-+".contains(c);
            return if !inner.trim().is_empty() && inner.chars().all(allowed) { Ok(()) } else { refuse() };
        }
    }
    if !color.is_empty() && color.len() <= 24 && color.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(());
    }
    refuse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_checked() {
        for good in ["yellow", "#ff0", "#ffff00aa", "rgb(1, 2, 3)", "rgba(1 2 3 / 50%)", "hsl(120deg 50% 50%)"] {
            assert!(check_color(good).is_ok(), "{good}");
        }
        for bad in ["", "#ggg", "#12345", "red; color: blue", "url(x)", "rgb(1,2,3", "expression(alert(1))", "red}x{"] {
            assert!(check_color(bad).is_err(), "{bad}");
        }
    }
}
