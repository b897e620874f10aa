//! The gallery, driven headless with `AppTest`.

use wasmlit::prelude::*;

/// The gallery as the browser gets it: with the files it reads from `app/static/`.
fn gallery() -> AppTest {
    let mut at = AppTest::new_async(gallery::app);
    at.serve("app/static/planets.json", include_str!("../../../www/static/planets.json"));
    at
}

fn started() -> AppTest {
    let mut at = gallery();
    at.run();
    at
}

/// The texts of all elements of `kind`, in display order.
fn texts(at: &AppTest, kind: &str) -> Vec<String> {
    at.get(kind).iter().map(|e| e.text()).collect()
}

fn shows(at: &AppTest, kind: &str, text: &str) -> bool {
    texts(at, kind).iter().any(|t| t == text)
}

/// The "value: ..." caption right below the widget of `kind` labelled `label`.
fn value_below(at: &AppTest, kind: &str, label: &str) -> String {
    let elements = at.elements();
    let at_widget = elements
        .iter()
        .position(|e| e.kind() == kind && e.widget().is_some_and(|w| w.label == label))
        .unwrap_or_else(|| panic!("no {kind} labelled {label:?}"));
    let next = &elements[at_widget + 1];
    assert_eq!(next.kind(), "caption", "below the {kind} {label:?}");
    next.text().strip_prefix("value: ").unwrap_or_else(|| panic!("not a value caption: {:?}", next.text())).to_string()
}

/// The exceptions the gallery shows on purpose on every run.
const DELIBERATE: [&str; 6] = [
    "Error: invalid digit found in string",
    "Error: the port setting could not be read\nCaused by: invalid digit found in string",
    "StreamlitAPIException: Slider `min_value` must be less than the `max_value`.",
    "DuplicateWidgetID: There are multiple identical button widgets with label \"OK\".",
    "StreamlitAPIException: Progress Value has invalid value [0, 100]: 150",
    "StreamlitAPIException: The page icon \"javascript:alert(1)\" is not allowed",
];

fn assert_only_deliberate_exceptions(at: &AppTest) {
    let warnings = texts(at, "warning");
    let expected_warnings = ["Warning: something might be off.", "Check the box below to clear this placeholder."];
    assert!(warnings.iter().all(|w| expected_warnings.contains(&w.as_str())), "{warnings:#?}");
    let exceptions = texts(at, "exception");
    assert_eq!(exceptions.len(), DELIBERATE.len(), "{exceptions:#?}");
    for (shown, expected) in exceptions.iter().zip(DELIBERATE) {
        assert!(shown.starts_with(expected), "{shown:?} should start with {expected:?}");
    }
}

#[test]
fn every_section_is_there_in_order_with_only_deliberate_errors() {
    let mut at = started();
    let headers = texts(&at, "header");
    let sections: Vec<&str> = gallery::SECTIONS.iter().map(|(title, _)| *title).collect();
    let found: Vec<&str> = headers.iter().map(String::as_str).filter(|h| sections.contains(h)).collect();
    assert_eq!(found, sections);
    assert_only_deliberate_exceptions(&at);
    assert_eq!(texts(&at, "title")[0], "wasmlit gallery");
    let last = at.main().get("caption").last().map(|e| e.text());
    assert_eq!(last.as_deref(), Some("The end."), "the script ran to its end");
}

#[test]
fn every_element_and_widget_kind_is_shown() {
    let at = started();
    for kind in [
        "title",
        "header",
        "subheader",
        "markdown",
        "text",
        "caption",
        "badge",
        "code",
        "latex",
        "divider",
        "success",
        "info",
        "warning",
        "error",
        "exception",
        "progress",
        "button",
        "checkbox",
        "toggle",
        "radio",
        "selectbox",
        "multiselect",
        "slider",
        "select_slider",
        "color_picker",
        "pills",
        "segmented_control",
        "feedback",
        "component",
        "link_button",
        "text_input",
        "text_area",
        "number_input",
        "date_input",
        "time_input",
        "datetime_input",
        "chat_input",
        "image",
        "audio",
        "video",
        "logo",
    ] {
        assert!(!at.get(kind).is_empty(), "no {kind} in the gallery");
    }
}

#[test]
fn the_media_section_shows_generated_images_sound_and_a_logo() {
    let at = started();
    let Element::Image(single) = at.image(0).element().clone() else { panic!("not an image") };
    assert_eq!(single.images.len(), 1);
    assert_eq!(single.images[0].source.mime(), Some("image/svg+xml"));
    assert_eq!(at.image(0).text(), "An SVG built by the script, shown from a Blob URL");
    let Element::Image(row) = at.image(1).element().clone() else { panic!("not an image") };
    assert_eq!(row.width, ImageWidth::Pixels(64));
    assert_eq!(at.image(1).text(), "Green\nYellow\nPurple");

    let wav = gallery::tone_wav();
    assert_eq!((&wav[..4], &wav[8..12], wav.len()), (&b"RIFF"[..], &b"WAVE"[..], 44 + 8000));
    let Element::Audio(audio) = at.audio(0).element().clone() else { panic!("not audio") };
    assert_eq!(audio.source, MediaSource::bytes(wav.clone(), "audio/wav"));
    assert!(audio.looping && !audio.autoplay);
    let Element::Video(video) = at.video(0).element().clone() else { panic!("not video") };
    assert_eq!((video.start_time, video.muted), (0.25, true));
    assert_eq!(at.video(0).text(), "video/wav, 8044 bytes");

    let Element::Logo(logo) = at.logo(0).element().clone() else { panic!("not a logo") };
    assert_eq!(logo.size, LogoSize::Large);
    assert_eq!(logo.image.mime(), Some("image/svg+xml"));
}

#[test]
fn the_gallery_writes_a_well_formed_pdf_and_shows_html() {
    let at = started();
    let pdf = gallery::hello_pdf();
    let text = String::from_utf8(pdf.clone()).expect("the PDF is ASCII");
    // The cross-reference table points at each object's first byte.
    let xref_at: usize = text.lines().rev().nth(1).and_then(|l| l.parse().ok()).expect("startxref");
    assert!(text[xref_at..].starts_with("xref\n0 6\n"));
    for (n, line) in text[xref_at..].lines().skip(3).take(5).enumerate() {
        let offset: usize = line[..10].parse().expect("an offset");
        assert!(text[offset..].starts_with(&format!("{} 0 obj", n + 1)), "object {}", n + 1);
    }
    let Element::Pdf(shown) = at.pdf(0).element().clone() else { panic!("not a pdf") };
    assert_eq!((shown.source, shown.height), (MediaSource::bytes(pdf, "application/pdf"), 320));
    assert!(at.html(0).text().contains("onerror"), "the page sanitizes, the element keeps the body");
}

#[test]
fn stateful_tabs_and_expander_run_their_content_only_when_open() {
    let mut at = started();
    let details = "Details, computed only while this tab is selected.";
    let lazy = "Drawn only while the expander is open.";
    assert!(!shows(&at, "markdown", details) && !shows(&at, "markdown", lazy));
    let bar = (0..).find(|&i| at.tabs(i).labels() == ["Summary", "Details"]).unwrap();
    at.tabs(bar).select("Details").run();
    assert!(shows(&at, "markdown", details));
    assert_eq!(at.session_state().get::<String>("gallery_tab").unwrap(), "Details");
    let expanders: Vec<String> = at
        .tree()
        .main
        .blocks()
        .into_iter()
        .filter_map(|b| match &b.kind {
            wasmlit::element::BlockKind::Expander { label, .. } => Some(label.clone()),
            _ => None,
        })
        .collect();
    let lazy_one = expanders.iter().position(|l| l == "A lazy expander").unwrap();
    at.expander(lazy_one).open().run();
    assert_eq!(at.expander(lazy_one).markdown(0).text(), lazy);
    assert_eq!(texts(&at, "toast"), ["The expander was opened or closed."]);
}

#[test]
fn the_layout_options_popover_space_tabs_default_and_expander_icon() {
    use wasmlit::element::BlockKind;
    let mut at = started();
    let blocks: Vec<BlockKind> = at.tree().main.blocks().into_iter().map(|b| b.kind.clone()).collect();
    assert!(blocks
        .iter()
        .any(|k| matches!(k, BlockKind::Columns { vertical_alignment: VerticalAlignment::Center, border: true, .. })));
    assert!(blocks
        .iter()
        .any(|k| matches!(k, BlockKind::Tabs { labels, default: 1, .. } if labels == &["First", "Second"])));
    assert!(blocks.iter().any(|k| matches!(k, BlockKind::Expander { icon: Some(icon), .. } if icon == "🦀")));
    assert!(blocks
        .iter()
        .any(|k| matches!(k, BlockKind::Popover { label, icon: Some(_), .. } if label == "Open the popover")));
    let spaces: Vec<String> = at.get("space").iter().map(|e| e.text()).collect();
    assert_eq!(spaces, ["4rem", "24px"]);
    assert!(shows(&at, "markdown", "Hello from the popover."));
    at.popover(0).checkbox(label("Bold greeting")).check().run();
    assert!(shows(&at, "markdown", "**Hello from the popover!**"));
    assert_eq!(at.popover(0).markdown(0).text(), "Its body runs on every rerun, open or not.");
}

#[test]
fn the_sidebar_has_a_table_of_contents_and_widgets() {
    let mut at = started();
    let sidebar = at.sidebar();
    let toc = sidebar.markdown(0).text();
    for (title, anchor) in gallery::SECTIONS {
        assert!(toc.contains(&format!("[{title}](#{anchor})")), "{toc}");
    }
    assert_eq!(sidebar.get("toggle").len(), 1);
    assert_eq!(sidebar.get("text_input").len(), 1);
    at.sidebar().text_input(label("Your name")).input("Ada").run();
    assert_eq!(at.sidebar().success(0).text(), "Hello, Ada!");
}

#[test]
fn the_sidebar_toggle_hides_the_returned_values() {
    let mut at = started();
    assert!(texts(&at, "caption").iter().any(|c| c.starts_with("value: ")));
    at.toggle(label("Show returned values")).set_value(false).run();
    assert!(!texts(&at, "caption").iter().any(|c| c.starts_with("value: ")));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn input_widgets_show_their_default_values() {
    let at = started();
    let expected = [
        ("button", "Click me", "false"),
        ("checkbox", "I agree", "false"),
        ("toggle", "Activate feature", "false"),
        ("radio", "What's your favorite movie genre", "\"Comedy\""),
        ("radio", "T-shirt size", "\"M\""),
        ("radio", "Pick a plan", "\"Free\""),
        ("radio", "Answer (nothing chosen yet)", "None"),
        ("selectbox", "Pick a fruit (starts empty)", "None"),
        ("button", "Launch", "false"),
        ("button", "Undo (a tertiary button)", "false"),
        ("selectbox", "How would you like to be contacted?", "\"Email\""),
        ("selectbox", "Options of any type, shown through a format function", "Mercury"),
        ("multiselect", "What are your favorite colors (at most 3)", "[\"Yellow\", \"Red\"]"),
        ("slider", "How old are you?", "25"),
        ("slider", "A float slider", "0.5"),
        ("slider", "An integer range", "(20, 80)"),
        ("slider", "A float range", "(25.0, 75.0)"),
        ("select_slider", "Shirt size", "\"M\""),
        ("select_slider", "Rating range", "(\"fair\", \"very good\")"),
        ("color_picker", "Accent colour", "\"#ff4b4b\""),
        ("pills", "Tags (pick any)", "[\"docs\"]"),
        ("pills", "Mood (pick one, click again to clear)", "None"),
        ("segmented_control", "View", "Some(\"Week\")"),
        ("text_input", "Movie title", "\"Life of Brian\""),
        ("text_input", "Search", "\"\""),
        ("number_input", "Quantity (0 to 10)", "1"),
        ("number_input", "Weight in kg", "70.0"),
        ("number_input", "Guests (starts empty)", "None"),
        ("text_input", "Nickname (None until typed)", "None"),
        ("date_input", "When's your birthday", "2019-07-06"),
        ("date_input", "Holiday (a range)", "(2025-07-01, 2025-07-14)"),
        ("date_input", "Deadline (starts empty, in 2025)", "None"),
        ("time_input", "Set an alarm for", "08:45:00"),
        ("datetime_input", "Meeting (30-minute steps)", "2025-01-15T09:30:00"),
    ];
    for (kind, label, value) in expected {
        assert_eq!(value_below(&at, kind, label), value, "{kind} {label:?}");
    }
}

#[test]
fn input_widgets_return_what_the_user_set() {
    let mut at = started();
    at.button(label("Click me")).click().run();
    assert_eq!(value_below(&at, "button", "Click me"), "true");
    at.run();
    assert_eq!(value_below(&at, "button", "Click me"), "false", "true for one run only");

    at.checkbox(label("I agree")).check().run();
    at.radio(label("T-shirt size")).select("XL").run();
    at.selectbox(label("Options of any type, shown through a format function")).select("🌍 Earth").run();
    at.multiselect(label("What are your favorite colors (at most 3)")).select("Blue").run();
    at.slider(label("An integer range")).set_range(5.0, 10.0).run();
    at.select_slider(label("Shirt size")).set_value("XL").run();
    at.select_slider(label("Rating range")).set_value(vec!["poor", "excellent"]).run();
    at.color_picker(label("Accent colour")).set_value("#1c83e1").run();
    at.pills(label("Tags (pick any)")).select("bug").run();
    at.pills(label("Mood (pick one, click again to clear)")).select("😐 meh").run();
    at.segmented_control(label("View")).select("Year").run();
    at.text_input(label("Password")).input("secret").run();
    at.text_area(label("Text to analyze")).input("abc").run();
    at.number_input(label("Quantity (0 to 10)")).increment().run();
    at.number_input(label("Weight in kg")).set_value(72.5).run();

    assert_eq!(value_below(&at, "checkbox", "I agree"), "true");
    assert_eq!(value_below(&at, "radio", "T-shirt size"), "\"XL\"");
    assert_eq!(value_below(&at, "selectbox", "Options of any type, shown through a format function"), "Earth");
    assert_eq!(
        value_below(&at, "multiselect", "What are your favorite colors (at most 3)"),
        "[\"Yellow\", \"Red\", \"Blue\"]"
    );
    assert_eq!(value_below(&at, "slider", "An integer range"), "(5, 10)");
    assert_eq!(value_below(&at, "select_slider", "Shirt size"), "\"XL\"");
    assert_eq!(value_below(&at, "select_slider", "Rating range"), "(\"poor\", \"excellent\")");
    assert_eq!(value_below(&at, "color_picker", "Accent colour"), "\"#1c83e1\"");
    assert_eq!(value_below(&at, "pills", "Tags (pick any)"), "[\"bug\", \"docs\"]");
    assert_eq!(value_below(&at, "pills", "Mood (pick one, click again to clear)"), "Some(\"😐 meh\")");
    assert_eq!(value_below(&at, "segmented_control", "View"), "Some(\"Year\")");
    assert_eq!(value_below(&at, "text_input", "Password"), "\"••••••\"", "the password itself is not shown");
    assert!(shows(&at, "markdown", "You wrote 3 characters."));
    assert_eq!(value_below(&at, "number_input", "Quantity (0 to 10)"), "2");
    assert_eq!(value_below(&at, "number_input", "Weight in kg"), "72.5");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn feedback_widgets_start_empty_take_a_click_and_clear_on_a_second() {
    let mut at = started();
    let shown = |at: &AppTest| -> Vec<String> {
        let elements = at.elements();
        elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind() == "feedback")
            .map(|(i, _)| elements[i + 1].text().trim_start_matches("value: ").to_string())
            .collect()
    };
    assert_eq!(shown(&at), ["None", "None", "Some(3)"]);
    assert_eq!(at.feedback(2).options()[3], "4 stars");
    at.feedback(0).select("thumbs up").run();
    at.feedback(1).set_value(0).run();
    assert_eq!(shown(&at), ["Some(1)", "Some(0)", "Some(3)"]);
    at.feedback(0).unselect("thumbs up").run();
    assert_eq!(shown(&at), ["None", "Some(0)", "Some(3)"]);
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn the_link_button_links_to_a_safe_url() {
    let at = started();
    let Element::LinkButton(link) = at.link_button(0).element().clone() else { panic!("not a link button") };
    assert_eq!(link.label, "Streamlit's gallery (a link button)");
    assert_eq!(link.url, "https://streamlit.io/gallery");
    assert!(wasmlit::markdown::safe_url(&link.url, false));
}

#[test]
fn max_chars_and_bounds_refuse_bad_input() {
    let mut at = started();
    at.text_input(label("Promo code (at most 5 characters)")).input("TOOLONG").run();
    assert_eq!(value_below(&at, "text_input", "Promo code (at most 5 characters)"), "\"\"");
    at.number_input(label("Quantity (0 to 10)")).set_value(11).run();
    assert_eq!(value_below(&at, "number_input", "Quantity (0 to 10)"), "1");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn date_and_time_inputs_take_values_in_their_bounds_and_refuse_others() {
    let mut at = started();
    at.date_input(label("When's your birthday")).set_value(date(2016, 2, 29)).run();
    at.date_input(label("Holiday (a range)")).set_value((date(2025, 8, 1), date(2025, 8, 3))).run();
    at.date_input(label("Deadline (starts empty, in 2025)")).set_value(date(2025, 3, 31)).run();
    at.time_input(label("Set an alarm for")).set_value(time(6, 30)).run();
    at.datetime_input(label("Meeting (30-minute steps)")).set_value(date(2025, 2, 1).and_time(time(14, 0))).run();
    assert_eq!(value_below(&at, "date_input", "When's your birthday"), "2016-02-29");
    assert_eq!(value_below(&at, "date_input", "Holiday (a range)"), "(2025-08-01, 2025-08-03)");
    assert_eq!(value_below(&at, "date_input", "Deadline (starts empty, in 2025)"), "Some(2025-03-31)");
    assert_eq!(value_below(&at, "time_input", "Set an alarm for"), "06:30:00");
    assert_eq!(value_below(&at, "datetime_input", "Meeting (30-minute steps)"), "2025-02-01T14:00:00");

    // Outside the bounds (2025 only; ten years either side of the birthday): refused.
    at.date_input(label("Deadline (starts empty, in 2025)")).set_value(date(2026, 1, 1)).run();
    assert_eq!(value_below(&at, "date_input", "Deadline (starts empty, in 2025)"), "Some(2025-03-31)");
    at.date_input(label("When's your birthday")).set_value(date(1990, 1, 1)).run();
    assert_eq!(value_below(&at, "date_input", "When's your birthday"), "2016-02-29");
    at.date_input(label("Deadline (starts empty, in 2025)")).set_value(None::<NaiveDate>).run();
    assert_eq!(value_below(&at, "date_input", "Deadline (starts empty, in 2025)"), "None");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn buttons_with_icons_and_a_tertiary_one_and_a_radio_with_captions() {
    let mut at = started();
    let Element::Button(undo) = at.button(label("Undo (a tertiary button)")).element().clone() else { unreachable!() };
    assert_eq!((undo.kind, undo.icon.as_deref()), (ButtonKind::Tertiary, Some("↩️")));
    let Element::Button(launch) = at.button(label("Launch")).element().clone() else { unreachable!() };
    assert_eq!((launch.kind, launch.icon.as_deref()), (ButtonKind::Secondary, Some("🚀")));
    at.button(label("Undo (a tertiary button)")).click().run();
    assert_eq!(value_below(&at, "button", "Undo (a tertiary button)"), "true");

    let Element::Radio(plan) = at.radio(label("Pick a plan")).element().clone() else { unreachable!() };
    assert_eq!(plan.captions, ["For trying things out.", "For one person.", "For the whole team."]);
    at.radio(label("Pick a plan")).select("Team").run();
    assert_eq!(value_below(&at, "radio", "Pick a plan"), "\"Team\"");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_selectbox_and_a_radio_without_a_default_start_empty_and_take_a_choice() {
    let mut at = started();
    let Element::Selectbox(fruit) = at.selectbox(label("Pick a fruit (starts empty)")).element().clone() else {
        unreachable!()
    };
    assert_eq!((fruit.index, fruit.placeholder.as_str()), (None, "Choose a fruit"));
    at.selectbox(label("Pick a fruit (starts empty)")).select("Cherry").run();
    at.radio(label("Answer (nothing chosen yet)")).select("No").run();
    assert_eq!(value_below(&at, "selectbox", "Pick a fruit (starts empty)"), "Some(\"Cherry\")");
    assert_eq!(value_below(&at, "radio", "Answer (nothing chosen yet)"), "Some(\"No\")");
    at.selectbox(label("Pick a fruit (starts empty)")).set_value(None::<&str>).run();
    assert_eq!(value_below(&at, "selectbox", "Pick a fruit (starts empty)"), "None");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_number_input_and_a_text_input_without_a_default_return_none_until_set() {
    let mut at = started();
    at.number_input(label("Guests (starts empty)")).increment().run();
    assert_eq!(value_below(&at, "number_input", "Guests (starts empty)"), "Some(1)", "a step from empty goes to min");
    at.number_input(label("Guests (starts empty)")).set_value(21).run();
    assert_eq!(value_below(&at, "number_input", "Guests (starts empty)"), "Some(1)", "above max: refused");
    at.number_input(label("Guests (starts empty)")).set_value(None::<i64>).run();
    assert_eq!(value_below(&at, "number_input", "Guests (starts empty)"), "None");
    at.text_input(label("Nickname (None until typed)")).input("Ace").run();
    assert_eq!(value_below(&at, "text_input", "Nickname (None until typed)"), "Some(\"Ace\")");
    at.text_input(label("Nickname (None until typed)")).input("").run();
    assert_eq!(value_below(&at, "text_input", "Nickname (None until typed)"), "None");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn metrics_show_their_value_and_delta() {
    let at = started();
    assert_eq!(texts(&at, "metric"), ["$12.4k", "3.1%", "182 ms", "1,024"]);
    let Element::Metric(latency) = at.metric(2).element().clone() else { unreachable!() };
    assert_eq!(latency.delta.as_deref(), Some("+12 ms"));
}

#[test]
fn layouts_and_containers() {
    let mut at = started();
    // Columns count in page order: the four metric columns of "Text elements" come first.
    assert_eq!(at.column(4).info(0).text(), "A column of weight 3…");
    assert_eq!(at.column(5).info(0).text(), "…next to one of weight 1.");
    assert_eq!(at.column(8).markdown(0).text(), "**Column 3**");
    at.checkbox(label("A widget in a column")).check().run();
    assert!(shows(&at, "markdown", "The checkbox next door is checked."));

    assert_eq!(at.tab(1).markdown(0).text(), "A dog.");
    assert_eq!(at.expander(1).markdown(0).text(), "Open from the start.");
    assert_eq!(at.sidebar().caption(0).text(), "This caption was written from the *Layouts and containers* section.");

    // The "Loading…" text was replaced by a success box.
    assert!(!shows(&at, "text", "Loading…"));
    assert!(texts(&at, "success").iter().any(|s| s.starts_with("An `empty()` slot holds one element")));

    let warning = "Check the box below to clear this placeholder.";
    assert!(shows(&at, "warning", warning));
    at.checkbox(label("Clear the placeholder")).check().run();
    assert!(!shows(&at, "warning", warning));
}

#[test]
fn the_out_of_order_container_shows_above_the_caption() {
    let at = started();
    let elements = at.elements();
    let position = |text: &str| elements.iter().position(|e| e.text() == text).unwrap();
    assert!(
        position("Written after the caption below, shown above it.")
            < position(
                "↑ This caption was written before the info box above it: containers allow out-of-order writes."
            )
    );
}

#[test]
fn progress_bars_update_in_place_and_follow_a_slider() {
    let mut at = started();
    assert!(shows(&at, "progress", "Updated in place: 70%"));
    assert!(!texts(&at, "progress").iter().any(|t| t.starts_with("Updated in place: 0%")));
    at.slider(label("Drive a progress bar")).set_value(90).run();
    assert!(shows(&at, "progress", "90%"));
}

#[test]
fn counter_with_callbacks() {
    let mut at = started();
    assert!(shows(&at, "markdown", "Count = 0"));
    at.button(label("Increment")).click().run();
    at.button(label("Increment")).click().run();
    assert!(shows(&at, "markdown", "Count = 2"));
    // The callback uses the step of the run that drew the button.
    at.number_input(label("Step")).set_value(5).run();
    at.button(label("Increment")).click().run();
    assert!(shows(&at, "markdown", "Count = 7"));
    at.button(label("Reset counter")).click().run();
    assert!(shows(&at, "markdown", "Count = 0"));
}

#[test]
fn keyed_widget_read_through_session_state() {
    let mut at = started();
    at.text_input(key("nickname")).input("Lovelace").run();
    assert!(shows(&at, "markdown", "`session_state[\"nickname\"]` = \"Lovelace\""));
}

#[test]
fn reset_button_sets_the_slider_through_its_key() {
    let mut at = started();
    assert!(shows(&at, "markdown", "Volume: 50"));
    at.slider(key("volume")).set_value(7).run();
    assert!(shows(&at, "markdown", "Volume: 7"));
    at.button(label("Reset volume to 50")).click().run();
    assert!(shows(&at, "markdown", "Volume: 50"));
    assert_eq!(at.slider(key("volume")).value::<i32>(), 50);
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn on_change_logs_the_picked_fruits() {
    let mut at = started();
    at.selectbox(key("fruit")).select("Cherry").run();
    at.selectbox(key("fruit")).select("Banana").run();
    at.run();
    assert!(shows(&at, "markdown", "You picked Banana. Changes so far: Cherry → Banana"));
}

#[test]
fn a_failing_script_shows_its_error_in_place_and_the_app_recovers() {
    let mut at = started();
    at.button(label("Make the script fail")).click().run();
    let exceptions = texts(&at, "exception");
    assert_eq!(exceptions.len(), DELIBERATE.len() + 1, "{exceptions:#?}");
    assert!(exceptions.last().unwrap().contains("the script returned Err"), "{exceptions:#?}");
    assert!(!shows(&at, "caption", "The end."), "the script stopped at the error");
    // Everything above the error is still there and still works.
    assert_eq!(
        texts(&at, "header").iter().filter(|h| gallery::SECTIONS.iter().any(|(t, _)| t == *h)).count(),
        gallery::SECTIONS.len()
    );
    at.slider(label("How old are you?")).set_value(40).run();
    assert_eq!(value_below(&at, "slider", "How old are you?"), "40");
    assert_only_deliberate_exceptions(&at);
    assert!(shows(&at, "caption", "The end."));
}

#[test]
fn a_bad_number_is_an_error_in_place() {
    let mut at = started();
    at.text_input(label("A whole number")).input("forty-two").run();
    let exceptions = texts(&at, "exception");
    assert_eq!(exceptions.len(), DELIBERATE.len() + 1, "{exceptions:#?}");
    assert_eq!(exceptions[5], "Error: invalid digit found in string");
    assert!(shows(&at, "caption", "The end."), "handled in place: the script goes on");
    at.text_input(label("A whole number")).input("21").run();
    assert!(shows(&at, "markdown", "21 doubled is 42"));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_form_sends_its_values_only_on_submit_and_clears() {
    let mut at = started();
    at.selectbox(label("Flavour")).select("Chocolate");
    at.slider(label("Scoops")).set_value(4);
    at.text_input(label("Note for the kitchen")).input("no nuts").run();
    assert!(at.get("success").iter().all(|s| !s.text().starts_with("Ordered")), "nothing sent before the submit");
    at.button(label("Order")).click().run();
    assert!(shows(&at, "success", "Ordered 4 scoops of Chocolate (no nuts)."));
    // clear_on_submit: the form is back at its defaults.
    assert_eq!(at.slider(label("Scoops")).value::<i32>(), 2);
    assert_eq!(at.text_input(label("Note for the kitchen")).value::<String>(), "");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_fragment_reruns_alone() {
    let mut at = started();
    assert!(shows(&at, "markdown", "The whole script has run **1** times in this session."));
    assert!(shows(&at, "markdown", "The fragment has run 1 times; 2 dice are 12 pips at most."));
    let runs = at.runs();
    at.number_input(label("Dice in the fragment")).increment().run();
    assert!(shows(&at, "markdown", "The fragment has run 2 times; 3 dice are 18 pips at most."));
    assert!(shows(&at, "markdown", "The whole script has run **1** times in this session."), "no full run");
    assert_eq!(at.session_state().get::<u64>("full_runs").unwrap(), 1);
    assert!(at.runs() > runs);
    at.slider(label("How old are you?")).set_value(30).run();
    assert!(shows(&at, "markdown", "The whole script has run **2** times in this session."));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_nested_fragment_reruns_alone_or_with_the_fragment_around_it() {
    let mut at = started();
    assert!(shows(&at, "markdown", "Outer fragment runs: 1."));
    assert!(shows(&at, "markdown", "Inner fragment runs: 1; its checkbox is off."));
    at.checkbox(label("A checkbox in the inner fragment")).check().run();
    assert!(shows(&at, "markdown", "Outer fragment runs: 1."), "only the inner fragment reran");
    assert!(shows(&at, "markdown", "Inner fragment runs: 2; its checkbox is on."));
    at.button(label("Rerun the outer fragment")).click().run();
    assert!(shows(&at, "markdown", "Outer fragment runs: 2."));
    assert!(shows(&at, "markdown", "Inner fragment runs: 3; its checkbox is on."), "it reran inside the outer one");
    assert!(shows(&at, "markdown", "The whole script has run **1** times in this session."), "no full run");
    assert_only_deliberate_exceptions(&at);
}

/// The index (for `at.fragment(..)`) of the fragment holding the button labelled `label`.
fn fragment_with_button(at: &mut AppTest, label: &str) -> usize {
    (0..)
        .find(|&index| at.fragment(index).get("button").iter().any(|b| b.text() == label))
        .expect("a fragment holds the button")
}

#[test]
fn a_fragment_error_shows_inside_the_fragment_until_its_next_rerun() {
    let mut at = started();
    at.button(label("Raise an error in this fragment")).click().run();
    let failing = fragment_with_button(&mut at, "Raise an error in this fragment");
    let errors: Vec<String> = at.fragment(failing).get("exception").iter().map(|e| e.text()).collect();
    assert_eq!(errors, ["Error: a deliberate error inside the fragment"]);
    assert_eq!(texts(&at, "exception").len(), DELIBERATE.len() + 1, "it is drawn only there");
    assert!(shows(&at, "caption", "The end."), "the rest of the page stays");
    at.button(label("Rerun this fragment")).click().run();
    assert!(at.fragment(failing).get("exception").is_empty(), "the fragment's rerun replaced it");
    assert!(shows(&at, "markdown", "The whole script has run **1** times in this session."), "no full run");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_sidebar_checkbox_drawn_through_a_form_is_not_held_by_the_form() {
    let mut at = started();
    assert!(shows(&at, "markdown", "Form checkbox: false; sidebar checkbox: false."));
    at.sidebar().checkbox(label("A sidebar checkbox drawn through the form")).check().run();
    assert!(shows(&at, "markdown", "Form checkbox: false; sidebar checkbox: true."), "applied without a submit");
    at.checkbox(label("A checkbox in the form")).check().run();
    assert!(shows(&at, "markdown", "Form checkbox: false; sidebar checkbox: true."), "the form's own one waits");
    at.button(label("Submit this form")).click().run();
    assert!(shows(&at, "markdown", "Form checkbox: true; sidebar checkbox: true."));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_dialog_opens_reruns_alone_and_closes_on_send() {
    let mut at = started();
    assert!(at.get("slider").iter().all(|s| s.text() != "Stars"), "closed at first");
    at.button(label("Open a dialog")).click().run();
    assert_eq!(at.slider(label("Stars")).value::<usize>(), 5);
    assert!(shows(&at, "markdown", "★★★★★"));
    at.slider(label("Stars")).set_value(3).run();
    assert!(shows(&at, "markdown", "★★★"), "the dialog reran alone and stays open");
    at.button(label("Send rating")).click().run();
    assert!(at.get("slider").iter().all(|s| s.text() != "Stars"), "closed by the rerun");
    assert!(shows(&at, "markdown", "You rated the gallery 3 of 5."));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn the_long_computation_shows_progress_during_its_run() {
    let mut at = gallery();
    at.run();
    at.button(label("Run a long computation")).click();
    at.run_for(std::time::Duration::from_millis(1_050));
    assert!(at.is_running());
    assert_eq!(at.get("spinner").len(), 1);
    let shown: Vec<String> = at.get("text").iter().map(|e| e.text()).collect();
    assert!(shown.contains(&"Step 11 of 30".to_string()), "{shown:?}");
    at.wait();
    assert!(at.get("spinner").is_empty());
    assert!(at.get("success").iter().any(|e| e.text() == "The long computation finished."));
}

#[test]
fn the_caching_section_computes_once_then_serves_copies_and_counts_runs() {
    let mut at = started();
    let caption = |at: &AppTest, prefix: &str| texts(at, "caption").into_iter().find(|c| c.starts_with(prefix));
    assert!(caption(&at, "Computed in").is_some() || caption(&at, "Served from cache").is_some());
    assert!(shows(&at, "markdown", "1229 primes below 10000; the largest is 9973."));
    at.run();
    assert!(caption(&at, "Served from cache").is_some(), "{:?}", texts(&at, "caption"));
    assert!(caption(&at, "Sieved 10000 numbers").is_some(), "the function's caption is replayed");
    at.button(label("Clear the primes cache")).click().run();
    at.run();
    assert!(caption(&at, "Computed in").is_some(), "cleared, so computed again");
    assert!(shows(
        &at,
        "markdown",
        "This browser has run the gallery 4 times (a persisted key: reload and it goes on)."
    ));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn chat_messages_show_their_bodies_and_the_echo_bot_streams_its_answer() {
    let mut at = started();
    assert_eq!(at.chat_message(0).markdown(0).text(), "What's the weather like on Mars today?");
    assert_eq!(at.chat_message(2).markdown(0).text(), "A custom emoji avatar.");
    assert_eq!(value_below(&at, "chat_input", "Say something to the echo bot"), "None");
    at.chat_input(0).input("hello there");
    at.run_for(std::time::Duration::from_millis(75));
    // Half-way through the stream: the first word is in, the caption not yet.
    assert_eq!(at.chat_message(4).markdown(0).text(), "hello there");
    assert_eq!(at.chat_message(5).markdown(0).text(), "Echo: ");
    at.wait();
    assert_eq!(value_below(&at, "chat_input", "Say something to the echo bot"), "Some(\"hello there\")");
    assert_eq!(at.chat_message(5).markdown(0).text(), "Echo: hello there ");
    assert!(shows(&at, "caption", "write_stream returned 18 characters."));
    at.run();
    assert_eq!(value_below(&at, "chat_input", "Say something to the echo bot"), "None", "a submission lasts one run");
    assert_eq!(
        at.tree()
            .main
            .blocks()
            .iter()
            .filter(|b| matches!(b.kind, wasmlit::element::BlockKind::ChatMessage { .. }))
            .count(),
        4
    );
}

#[test]
fn status_boxes_show_their_steps_and_a_toast_comes_with_its_button() {
    let mut at = started();
    assert_eq!(at.status_container(0).markdown(1).text(), "Found URL.");
    assert_eq!(at.status_container(1).markdown(0).text(), "Row 12 has no date.");
    let states: Vec<StatusState> = at
        .tree()
        .main
        .blocks()
        .iter()
        .filter_map(|b| match b.kind {
            wasmlit::element::BlockKind::Status { state, .. } => Some(state),
            _ => None,
        })
        .collect();
    assert_eq!(states, [StatusState::Complete, StatusState::Error, StatusState::Running]);
    assert!(at.get("toast").is_empty());
    at.button(label("Make a toast")).click().run();
    assert_eq!(at.toast(0).text(), "Your toast is ready!");
    at.run();
    assert!(at.get("toast").is_empty(), "one toast per run that calls it");
}

#[test]
fn the_page_config_sets_title_icon_and_a_wide_layout_on_the_toggle() {
    let mut at = started();
    let config = at.page_config();
    assert_eq!(config.title.as_deref(), Some("wasmlit gallery"));
    assert_eq!(config.icon, Some(PageIcon::Emoji("🎈".into())), "the unsafe icon later on is refused");
    assert_eq!(config.layout, Some(PageLayout::Centered));
    assert_eq!(config.sidebar, Some(SidebarState::Auto));
    at.toggle(label("Wide layout")).set_value(true).run();
    assert_eq!(at.page_config().layout, Some(PageLayout::Wide));
    assert!(shows(&at, "caption", "The main column takes the page's width."));
    assert!(texts(&at, "markdown").iter().any(|m| m.contains("**R** to rerun and **C** to clear the cache")));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn enter_submits_the_order_form_but_not_the_search_form() {
    let mut at = started();
    at.text_input(label("Note for the kitchen")).input("quick").press_enter().run();
    assert!(shows(&at, "success", "Ordered 2 scoops of Vanilla (quick)."));
    at.text_input(label("Search term")).input("owls").press_enter().run();
    assert!(at.get("success").iter().all(|s| !s.text().starts_with("Searched")), "Enter did not submit");
    at.button(label("Search")).click().run();
    assert!(shows(&at, "success", "Searched for \"owls\"."));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_dialog_that_must_be_answered_and_one_that_reruns_when_dismissed() {
    let mut at = started();
    at.button(label("Open a dialog you must answer")).click().run();
    assert!(!at.dialog_dismissible());
    assert!(at.dialog(0).get("markdown").iter().any(|m| m.text() == "This dialog cannot be dismissed: answer it."));
    at.dialog(0).button(label("I agree")).click().run();
    assert!(at.get("markdown").iter().all(|m| m.text() != "This dialog cannot be dismissed: answer it."), "closed");

    at.button(label("Open a dialog that reruns when closed")).click().run();
    assert!(at.dialog_dismissible());
    at.dismiss_dialog().run();
    assert!(at.get("markdown").iter().all(|m| !m.text().starts_with("Close this with")), "closed");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn a_horizontal_container_holds_a_row_of_buttons() {
    let mut at = started();
    let index = (0..).find(|&i| !at.container(i).get("button").is_empty()).expect("a container with buttons");
    let labels: Vec<String> =
        at.container(index).get("button").iter().map(|b| b.widget().unwrap().label.clone()).collect();
    assert_eq!(labels, ["🍎 Apple", "🍌 Banana", "🍒 Cherry", "🥝 Kiwi", "🍋 Lemon", "🥭 Mango"]);
    assert_eq!(at.container(index).caption(0).text(), "A horizontal container: a centred row that wraps.");
    fn horizontal(block: &wasmlit::element::Block) -> usize {
        let here = matches!(block.kind, wasmlit::element::BlockKind::Container { horizontal: true, .. }) as usize;
        here + block
            .children
            .iter()
            .map(|node| if let wasmlit::element::Node::Block(b) = node { horizontal(b) } else { 0 })
            .sum::<usize>()
    }
    assert_eq!(horizontal(&at.tree().main), 1);
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn balloons_and_snow_play_on_their_buttons_only() {
    let mut at = started();
    assert!(at.get("balloons").is_empty() && at.get("snow").is_empty());
    at.button(label("Balloons")).click().run();
    assert_eq!((at.get("balloons").len(), at.get("snow").len()), (1, 0));
    at.button(label("Snow")).click().run();
    assert_eq!((at.get("balloons").len(), at.get("snow").len()), (0, 1));
    at.run();
    assert!(at.get("balloons").is_empty() && at.get("snow").is_empty(), "a button is true for one run");
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn the_text_section_shows_markdown_extras_and_badges() {
    let at = started();
    let extras = texts(&at, "markdown").into_iter().find(|t| t.starts_with("Streamlit's extras")).expect("extras");
    let html = wasmlit::markdown::to_html(&extras, false);
    for class in ["wl-color-rainbow", "wl-bg-blue", "wl-small", "wl-badge-green", "wl-material-icon"] {
        assert!(html.contains(class), "{class} missing in {html}");
    }
    assert!(html.contains("🎉") && html.contains("<code>:red[x] :smile:</code>"), "{html}");
    assert_eq!(texts(&at, "badge"), ["New", "Stable", "Deprecated"]);
    let colors: Vec<BadgeColor> = at
        .get("badge")
        .iter()
        .map(|e| match e {
            Element::Badge(p) => p.color,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(colors, [BadgeColor::Blue, BadgeColor::Green, BadgeColor::Red]);
}

#[test]
fn the_text_section_has_a_numbered_wrapped_code_block() {
    let at = started();
    let numbered: Vec<_> = at
        .get("code")
        .into_iter()
        .filter_map(|e| match e {
            Element::Code(p) if p.line_numbers => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(numbered.len(), 1);
    assert!(numbered[0].wrap_lines);
    assert_eq!(wasmlit::elements::text::code::line_numbers(&numbered[0].body), "1\n2\n3");
}

#[test]
fn the_text_section_renders_latex_as_mathml() {
    let at = started();
    let Element::Latex(props) = at.latex(0).element().clone() else { unreachable!() };
    assert!(props.mathml().contains("<mfrac>"), "{}", props.mathml());
    let inline =
        texts(&at, "markdown").into_iter().find(|t| t.starts_with("LaTeX in Markdown")).expect("math markdown");
    let html = wasmlit::markdown::to_html(&inline, false);
    assert!(html.contains("<math") && !html.contains('$'), "{html}");
}

#[test]
fn the_text_section_has_a_subheader_with_anchor_help_and_a_blue_divider() {
    let at = started();
    let found = at.get("subheader").into_iter().find_map(|e| match e {
        Element::Subheader(p) if p.body == "A subheader with options" => Some(p),
        _ => None,
    });
    let props = found.expect("the subheader with options");
    assert_eq!(props.anchor_id(), "heading-options");
    assert!(props.help.is_some() && props.divider);
    assert_eq!(props.divider_color, Some(DividerColor::Blue));
}

#[test]
fn an_uploaded_csv_is_offered_back_by_the_download_button() {
    let mut at = started();
    assert!(shows(&at, "caption", "No CSV uploaded yet."));
    assert!(at.get("download_button").iter().all(|b| b.text() != "Download it back"));
    let csv = "name,score\nAda,36\n";
    at.file_uploader(key("gallery_csv")).upload("scores.csv", "text/csv", csv).run();
    assert!(
        shows(&at, "markdown", "Uploaded `scores.csv`: 18 bytes, type `text/csv`."),
        "{:#?}",
        texts(&at, "markdown")
    );
    let back = at.download_button(key("gallery_download_back"));
    let Element::DownloadButton(props) = back.element().clone() else { panic!("not a download button") };
    assert_eq!(
        (&props.data[..], props.file_name.as_str(), props.mime.as_str()),
        (csv.as_bytes(), "scores.csv", "text/csv")
    );
    at.download_button(key("gallery_download_back")).click().run();
    assert!(shows(&at, "caption", "download_button returned true for this run."));
    at.file_uploader(key("gallery_images"))
        .upload("a.png", "image/png", vec![1u8, 2])
        .upload("b.jpg", "image/jpeg", vec![3u8])
        .run();
    assert!(shows(&at, "caption", "2 image(s): a.png (2 bytes), b.jpg (1 bytes)"), "{:#?}", texts(&at, "caption"));
    at.file_uploader(key("gallery_csv")).remove_file("scores.csv").run();
    assert!(shows(&at, "caption", "No CSV uploaded yet."));
    assert_only_deliberate_exceptions(&at);
}

#[test]
fn the_maps_section_shows_its_maps_behind_a_toggle() {
    let mut at = started();
    assert!(at.get("map").is_empty(), "no map (and so no Leaflet) until the toggle is on");
    at.toggle(label("Show the maps")).set_value(true).run();
    let maps = at.get("map");
    assert_eq!(maps.len(), 2);
    assert!(maps[0].text().starts_with("500 points"), "{}", maps[0].text());
    assert!(maps[1].text().starts_with("5 points"), "{}", maps[1].text());
    let exceptions = texts(&at, "exception");
    assert_eq!(exceptions.len(), DELIBERATE.len() + 1, "{exceptions:#?}");
    assert!(exceptions.iter().any(|e| e.contains("at row 1 is 95: latitudes are between -90 and 90")));
    at.checkbox(label("Draw 100,000 points")).check().run();
    assert_eq!(at.get("map").len(), 3);
    assert!(at.get("map")[2].text().starts_with("100000 points"));
}

#[test]
fn the_connections_section_reads_the_planets_through_an_http_connection() {
    let mut at = started();
    let caption = |at: &AppTest| texts(at, "caption").into_iter().find(|c| c.contains("planets, read from")).unwrap();
    assert_eq!(caption(&at), "8 of 8 planets, read from `app/static/planets.json`");
    at.radio(label("Kind of planet")).set_value("gas giant").run();
    assert_eq!(caption(&at), "2 of 8 planets, read from `app/static/planets.json`");
    assert!(!texts(&at, "error").iter().any(|e| e.starts_with("A read that fails")));
    at.button(label("Read a file that is not there")).click().run();
    let failed = texts(&at, "error").into_iter().find(|e| e.starts_with("A read that fails")).unwrap();
    assert!(failed.contains("planets") && failed.contains("404"), "{failed}");
}
