//! A small table of common emoji shortcodes (`:smile:` → 😄), GitHub's names.
//!
//! Streamlit knows every shortcode; the full table would add more to the WebAssembly
//! binary than all of the Markdown renderer, so this one keeps about a hundred of the most
//! used. An unknown shortcode stays as it was typed.

/// `(shortcode, emoji)`, sorted by shortcode for a binary search.
const TABLE: &[(&str, &str)] = &[
    ("+1", "👍"),
    ("-1", "👎"),
    ("100", "💯"),
    ("alarm_clock", "⏰"),
    ("angry", "😠"),
    ("apple", "🍎"),
    ("arrow_down", "⬇️"),
    ("arrow_left", "⬅️"),
    ("arrow_right", "➡️"),
    ("arrow_up", "⬆️"),
    ("balloon", "🎈"),
    ("bar_chart", "📊"),
    ("beer", "🍺"),
    ("bell", "🔔"),
    ("blush", "😊"),
    ("bomb", "💣"),
    ("book", "📖"),
    ("books", "📚"),
    ("brain", "🧠"),
    ("bug", "🐛"),
    ("bulb", "💡"),
    ("cake", "🍰"),
    ("calendar", "📆"),
    ("cat", "🐱"),
    ("chart_with_downwards_trend", "📉"),
    ("chart_with_upwards_trend", "📈"),
    ("check", "✔️"),
    ("clap", "👏"),
    ("clipboard", "📋"),
    ("cloud", "☁️"),
    ("coffee", "☕"),
    ("computer", "💻"),
    ("confused", "😕"),
    ("construction", "🚧"),
    ("cry", "😢"),
    ("crystal_ball", "🔮"),
    ("dog", "🐶"),
    ("earth_africa", "🌍"),
    ("earth_americas", "🌎"),
    ("earth_asia", "🌏"),
    ("email", "📧"),
    ("eyes", "👀"),
    ("file_folder", "📁"),
    ("fire", "🔥"),
    ("gear", "⚙️"),
    ("gift", "🎁"),
    ("globe_with_meridians", "🌐"),
    ("grin", "😁"),
    ("grinning", "😀"),
    ("heart", "❤️"),
    ("heart_eyes", "😍"),
    ("heavy_check_mark", "✔️"),
    ("hourglass", "⌛"),
    ("house", "🏠"),
    ("hugs", "🤗"),
    ("information_source", "ℹ️"),
    ("joy", "😂"),
    ("key", "🔑"),
    ("laughing", "😆"),
    ("link", "🔗"),
    ("lock", "🔒"),
    ("mag", "🔍"),
    ("memo", "📝"),
    ("money_with_wings", "💸"),
    ("moon", "🌔"),
    ("muscle", "💪"),
    ("neutral_face", "😐"),
    ("no_entry", "⛔"),
    ("ok_hand", "👌"),
    ("package", "📦"),
    ("partying_face", "🥳"),
    ("pencil2", "✏️"),
    ("penguin", "🐧"),
    ("pray", "🙏"),
    ("pushpin", "📌"),
    ("question", "❓"),
    ("rainbow", "🌈"),
    ("raised_hands", "🙌"),
    ("robot", "🤖"),
    ("rocket", "🚀"),
    ("rofl", "🤣"),
    ("rotating_light", "🚨"),
    ("sad", "😞"),
    ("scream", "😱"),
    ("see_no_evil", "🙈"),
    ("shrug", "🤷"),
    ("slightly_smiling_face", "🙂"),
    ("smile", "😄"),
    ("smiley", "😃"),
    ("snake", "🐍"),
    ("snowflake", "❄️"),
    ("sob", "😭"),
    ("sparkles", "✨"),
    ("star", "⭐"),
    ("star2", "🌟"),
    ("stopwatch", "⏱️"),
    ("sunglasses", "😎"),
    ("sunny", "☀️"),
    ("tada", "🎉"),
    ("thinking", "🤔"),
    ("thumbsdown", "👎"),
    ("thumbsup", "👍"),
    ("trophy", "🏆"),
    ("umbrella", "☔"),
    ("unicorn", "🦄"),
    ("warning", "⚠️"),
    ("wave", "👋"),
    ("white_check_mark", "✅"),
    ("wink", "😉"),
    ("wrench", "🔧"),
    ("x", "❌"),
    ("zap", "⚡"),
    ("zzz", "💤"),
];

/// The emoji of a shortcode's name (without its colons), if the table has it.
///
/// ```
/// use wasmlit::markdown::emoji::shortcode;
/// assert_eq!(shortcode("tada"), Some("🎉"));
/// assert_eq!(shortcode("+1"), Some("👍"));
/// assert_eq!(shortcode("no_such_emoji"), None);
/// ```
pub fn shortcode(name: &str) -> Option<&'static str> {
    TABLE.binary_search_by(|(code, _)| (*code).cmp(name)).ok().map(|i| TABLE[i].1)
}

#[cfg(test)]
mod tests {
    use super::TABLE;

    #[test]
    fn the_table_is_sorted_without_duplicates_so_every_entry_is_found() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} is not before {:?}", pair[0].0, pair[1].0);
        }
        for (code, emoji) in TABLE {
            assert_eq!(super::shortcode(code), Some(*emoji));
            assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c)), "{code}");
        }
        assert!(TABLE.len() >= 100);
    }
}
