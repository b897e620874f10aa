//! The wasmlit gallery: every element and widget the engine has, on one page,
//! grouped like Streamlit's API reference.
//!
//! Each input widget shows the value the script got back right below it. The
//! last section shows bad calls and a failing script: the errors render in
//! place and the rest of the app keeps working.
//!
//! Run it in the browser with `trunk serve` at the repository root.

use std::collections::BTreeMap;
use std::fmt::{self, Debug};

use std::time::Duration;

use wasmlit::context::ThemeType;
use wasmlit::prelude::*;

mod charts;
mod connections;
mod data;
mod files;
mod maps;

/// The sections of the page, in order: (header, anchor of the header).
pub const SECTIONS: [(&str, &str); 16] = [
    ("Write and magic", "write-and-magic"),
    ("Text elements", "text-elements"),
    ("Input widgets", "input-widgets"),
    ("Media elements", "media-elements"),
    ("Layouts and containers", "layouts-and-containers"),
    ("Chat elements", "chat-elements"),
    ("Status elements", "status-elements"),
    ("Session state and callbacks", "session-state-and-callbacks"),
    ("Execution flow", "execution-flow"),
    ("Caching", "caching"),
    ("Data elements", "data-elements"),
    ("Maps", "maps"),
    ("Charts", "charts"),
    ("Components", "components"),
    ("Connections", "connections"),
    ("Errors stay in place", "errors-stay-in-place"),
];

/// The app script: it runs top to bottom on every interaction.
pub async fn app(ui: Ui) -> Result {
    let ui = &ui;
    ui.set_page_config(PageConfig::new().title("wasmlit gallery").icon("🎈").sidebar(SidebarState::Auto));
    ui.title("wasmlit gallery");
    ui.markdown(
        "Every element and widget of **wasmlit**, Streamlit's app model in Rust. \
         This whole page is a Rust function compiled to WebAssembly that reruns in your \
         browser on every interaction — there is no server.",
    );

    let page = Page { show_values: sidebar(ui) };
    write_and_magic(ui);
    text_elements(ui);
    page.input_widgets(ui);
    files::upload_and_download(ui)?;
    media_elements(ui);
    layouts_and_containers(ui);
    page.chat_elements(ui).await;
    status_elements(ui);
    session_state_and_callbacks(ui)?;
    execution_flow(ui).await?;
    caching(ui)?;
    data::data_elements(ui, 10)?;
    maps::maps(ui, 11)?;
    charts::charts(ui, 12)?;
    components(ui);
    connections::connections(ui, 14).await?;
    errors_stay_in_place(ui)
}

/// The sidebar: a table of contents and a couple of widgets. Returns whether
/// the values of input widgets are shown.
fn sidebar(ui: &Ui) -> bool {
    let side = ui.sidebar();
    let mut toc = String::from("**Contents**\n\n");
    for (title, anchor) in SECTIONS {
        toc.push_str(&format!("- [{title}](#{anchor})\n"));
    }
    side.markdown(toc);
    side.divider();
    let show_values = side.add(
        Toggle::new("Show returned values")
            .value(true)
            .help("Show what each input widget returned to the script, right below it."),
    );
    let name = side.text_input("Your name");
    if !name.is_empty() {
        side.success(format!("Hello, {name}!"));
    }
    show_values
}

fn section(ui: &Ui, index: usize) {
    ui.header(SECTIONS[index].0);
}

// ----- Write and magic ----------------------------------------------------

/// Your own type: `write` takes anything `Display`, `write_debug` anything `Debug`.
#[derive(Debug)]
struct Point {
    x: f64,
    y: f64,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the point *({}, {})*", self.x, self.y)
    }
}

fn write_and_magic(ui: &Ui) {
    section(ui, 0);
    ui.write("`ui.write` takes anything that implements `Display` and renders it as **Markdown**.");
    ui.write(42);
    ui.write(1.5_f64);
    ui.write(Point { x: 1.0, y: -2.5 });
    ui.write("`ui.write_debug` pretty-prints anything that implements `Debug`:");
    let mut scores = BTreeMap::new();
    scores.insert("Ada", 36);
    scores.insert("Grace", 85);
    ui.write_debug(&scores);
    ui.write_debug(&Point { x: 1.0, y: -2.5 });
    ui.caption(
        "Streamlit's *magic* (a bare expression on its own line is written) has no Rust \
         equivalent: call `ui.write` instead.",
    );
}

// ----- Text elements ------------------------------------------------------

fn text_elements(ui: &Ui) {
    section(ui, 1);
    ui.title("This is a title");
    ui.header("This is a header");
    ui.subheader("This is a subheader");
    ui.add(
        Subheader::new("A subheader with options")
            .anchor("heading-options")
            .help("Headings take a help tooltip, a custom anchor and a divider colour.")
            .divider_color(DividerColor::Blue),
    );
    ui.markdown("[This link](#heading-options) goes to the subheader above through its custom anchor.");
    ui.markdown(
        [
            "Markdown has *emphasis*, **strong**, ~~strikethrough~~, `code spans` and \
             [links](https://docs.streamlit.io/develop/api-reference).",
            "",
            "- a list item",
            "- another one, with `code`",
            "  1. and a numbered",
            "  2. sub-list",
            "",
            "| Element | Streamlit | wasmlit |",
            "|---|---|---|",
            "| title | `st.title` | `ui.title` |",
            "| markdown | `st.markdown` | `ui.markdown` |",
            "| code | `st.code` | `ui.code` |",
            "",
            "> A block quote.",
        ]
        .join("\n"),
    );
    ui.markdown(
        "Raw HTML is escaped, so this is shown as text: <b>not bold</b> \
         <script>alert('no XSS')</script>",
    );
    ui.markdown_unsafe_html("…unless the call opts in with `markdown_unsafe_html`: <b>bold through HTML</b>.");
    ui.markdown(
        "Streamlit's extras: :red[red], :orange[orange], :green[green], :blue[blue], :violet[violet], \
         :gray[gray], :rainbow[rainbow] and :primary[primary] text; :blue-background[a background], \
         :small[small text], a :green-badge[badge], emoji shortcodes :tada: :rocket: :+1: and a \
         Material icon :material/home: (its name: no icon font is loaded). Not in code: `:red[x] :smile:`.",
    );
    ui.latex(r"a + ar + ar^2 + \cdots + ar^{n-1} = \sum_{k=0}^{n-1} ar^k = a \frac{1 - r^n}{1 - r}");
    ui.markdown("LaTeX in Markdown too: the circle's area is $\\pi r^2$, rendered to MathML in Rust.");
    let badges = ui.container();
    badges.badge("New");
    badges.add(Badge::new("Stable").color(BadgeColor::Green).icon(":material/check:"));
    badges.add(Badge::new("Deprecated").color(BadgeColor::Red).icon("⚠️"));
    ui.text("ui.text: fixed-width,\n    preformatted   text.");
    ui.caption("ui.caption: small, muted text for notes and footnotes.");
    ui.code(
        "fn app(ui: &Ui) {\n    let x = ui.slider(\"x\", 0..=100);\n    ui.write(format!(\"{x} squared is {}\", x * x));\n}",
        "rust",
    );
    ui.code("st.write('code without highlighting')", "");
    ui.add(
        Code::new(
            "// line_numbers and wrap_lines: this long line wraps instead of scrolling sideways, \
             however narrow the page is.\nlet answer = 42;\nprintln!(\"{answer}\");",
        )
        .language("rust")
        .line_numbers(true)
        .wrap_lines(true),
    );
    ui.code(
        "import numpy as np\n\ndef moving_average(xs: list[float], n: int = 3) -> np.ndarray:\n    \"\"\"Return the n-point moving average.\"\"\"\n    ret = np.cumsum(xs, dtype=float)\n    return ret[n - 1:] / n  # comment",
        "python",
    );
    ui.caption("Code with a language is highlighted by Prism, loaded the first time a page shows such a block.");
    ui.subheader("HTML");
    echo!(ui, {
        ui.html(
            "<style>.gallery-note { border-left: 4px solid #803df5; padding-left: 0.75rem; }</style>\
             <p class=\"gallery-note\">Raw <b>HTML</b> and <i>CSS</i>, sanitized as Streamlit does: \
             this <a href=\"javascript:window.wlPwned = 'link'\">javascript: link</a>, the \
             <img src=\"x\" alt=\"\" onerror=\"window.wlPwned = 'img'\"> image's handler and a \
             <script>window.wlPwned = 'script'</script> script run nothing.</p>",
        );
    });
    ui.caption("`echo!` shows the code of a block, then runs it (Streamlit's `with st.echo():`):");
    echo!(ui, {
        let squares: Vec<u32> = (1..=5).map(|n| n * n).collect();
        ui.write(format!("The first squares: {squares:?}"));
    });
    ui.divider();
    ui.subheader("Metrics");
    let [revenue, churn, latency, users] = ui.columns([1, 1, 1, 1]);
    revenue.add(Metric::new("Revenue", "$12.4k").delta("+8.2%").border(true));
    churn.add(Metric::new("Churn", "3.1%").delta("-0.4%").border(true));
    latency.add(
        Metric::new("Latency", "182 ms")
            .delta("+12 ms")
            .delta_color(DeltaColor::Inverse)
            .help("Lower is better, so a rise is red")
            .border(true),
    );
    users.add(Metric::new("Users", "1,024").delta(-36).border(true));
    files::json(ui);
}

// ----- Input widgets --------------------------------------------------------

/// A planet: selectboxes and radios take options of any type, shown through a format function.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Planet {
    #[default]
    Mercury,
    Venus,
    Earth,
    Mars,
}

fn planet_name(planet: &Planet) -> String {
    match planet {
        Planet::Mercury => "☿ Mercury",
        Planet::Venus => "♀ Venus",
        Planet::Earth => "🌍 Earth",
        Planet::Mars => "♂ Mars",
    }
    .to_string()
}

struct Page {
    show_values: bool,
}

impl Page {
    /// Shows what a widget returned, right below it.
    fn value(&self, ui: &Ui, value: impl Debug) {
        if self.show_values {
            ui.caption(format!("value: {value:?}"));
        }
    }

    fn input_widgets(&self, ui: &Ui) {
        section(ui, 2);

        ui.subheader("Buttons");
        let clicked = ui.button("Click me");
        self.value(ui, clicked);
        let primary = ui.add(Button::new("Primary action").kind(ButtonKind::Primary));
        self.value(ui, primary);
        let disabled = ui.add(Button::new("Disabled button").disabled(true));
        self.value(ui, disabled);
        let launch = ui.add(Button::new("Launch").icon("🚀"));
        self.value(ui, launch);
        let undo = ui.add(Button::new("Undo (a tertiary button)").kind(ButtonKind::Tertiary).icon("↩️"));
        self.value(ui, undo);
        ui.add(
            LinkButton::new("Streamlit's gallery (a link button)", "https://streamlit.io/gallery")
                .help("Opens a new tab; a link button holds no value and does not rerun the app."),
        );

        ui.subheader("Checkbox and toggle");
        let agree = ui.checkbox("I agree");
        self.value(ui, agree);
        let feature = ui.add(Toggle::new("Activate feature").help("A toggle holds a bool, like a checkbox."));
        self.value(ui, feature);

        ui.subheader("Radio");
        let genre = ui.radio("What's your favorite movie genre", ["Comedy", "Drama", "Documentary"]);
        self.value(ui, genre);
        let size = ui.add(Radio::new("T-shirt size", ["S", "M", "L", "XL"]).index(1).horizontal(true));
        self.value(ui, size);
        let plan = ui.add(Radio::new("Pick a plan", ["Free", "Pro", "Team"]).captions([
            "For trying things out.",
            "For one person.",
            "For the whole team.",
        ]));
        self.value(ui, plan);
        let answer = ui.add(Radio::new("Answer (nothing chosen yet)", ["Yes", "No"]).no_default().horizontal(true));
        self.value(ui, answer);

        ui.subheader("Selectbox and multiselect");
        let contact = ui.selectbox("How would you like to be contacted?", ["Email", "Home phone", "Mobile phone"]);
        self.value(ui, contact);
        let planet = ui.add(Selectbox::with_format_func(
            "Options of any type, shown through a format function",
            [Planet::Mercury, Planet::Venus, Planet::Earth, Planet::Mars],
            planet_name,
        ));
        self.value(ui, planet);
        let fruit = ui.add(
            Selectbox::new("Pick a fruit (starts empty)", ["Apple", "Banana", "Cherry"])
                .no_default()
                .placeholder("Choose a fruit"),
        );
        self.value(ui, fruit);
        let colors = ui.add(
            Multiselect::new("What are your favorite colors (at most 3)", ["Green", "Yellow", "Red", "Blue"])
                .default(["Yellow", "Red"])
                .max_selections(3),
        );
        self.value(ui, colors);
        ui.caption("Type to filter the options; arrows and Enter choose. `accept_new_options` also takes typed text:");
        echo!(ui, {
            let city = ui.add(
                Selectbox::new("City (type a new one)", ["Lisbon", "Paris", "Rome"].map(String::from))
                    .accept_new_options(),
            );
            let tags = ui.add(
                Multiselect::new("Tags (type new ones)", ["rust", "wasm", "leptos"].map(String::from))
                    .default(["rust".to_string()])
                    .accept_new_options(),
            );
            ui.write(format!("{city}: {}", tags.join(", ")));
        });

        ui.subheader("Camera and microphone");
        ui.caption("The browser asks for the camera when it shows, for the microphone on Record; a refusal is a message in the widget.");
        echo!(ui, {
            if ui.toggle("Turn the camera on") {
                if let Some(photo) = ui.camera_input("Take a picture") {
                    ui.image(MediaSource::bytes(photo.bytes().to_vec(), photo.mime.clone()));
                }
            }
            if let Some(voice) = ui.audio_input("Record a voice message") {
                ui.write(format!("Recorded {} bytes of WAV", voice.size()));
            }
        });

        ui.subheader("Sliders");
        let age = ui.add(Slider::new("How old are you?", 0..=130).value(25));
        self.value(ui, age);
        let fraction = ui.add(Slider::new("A float slider", 0.0..=1.0).value(0.5).step(0.05));
        self.value(ui, fraction);
        let range = ui.add(Slider::new("An integer range", 0..=100).value((20, 80)));
        self.value(ui, range);
        let float_range = ui.add(Slider::new("A float range", 0.0..=100.0).value((25.0, 75.0)));
        self.value(ui, float_range);
        ui.caption("Dates, times and datetimes slide too, by a day or 15 minutes unless `step` says otherwise.");
        echo!(ui, {
            let new_year = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
            let day = ui.add(Slider::from_value("A date slider", new_year).format("ddd, MMM D YYYY"));
            ui.write(format!("You picked {day}"));
            let hours = (NaiveTime::from_hms_opt(9, 0, 0), NaiveTime::from_hms_opt(17, 30, 0));
            if let (Some(open), Some(close)) = hours {
                let (from, to) = ui.add(Slider::from_value("Opening hours", (open, close)));
                ui.write(format!("Open from {} to {}", from.format("%H:%M"), to.format("%H:%M")));
            }
        });

        ui.subheader("Select slider");
        let size = ui.add(SelectSlider::new("Shirt size", ["XS", "S", "M", "L", "XL"]).value("M"));
        self.value(ui, size);
        let (start, end) = ui.add(
            SelectSlider::new("Rating range", ["poor", "fair", "good", "very good", "excellent"])
                .range("fair", "very good"),
        );
        self.value(ui, (start, end));

        ui.subheader("Pills and segmented control");
        let tags = ui.add(
            Pills::new("Tags (pick any)", ["bug", "feature", "docs", "question", "wontfix"]).multi().default(["docs"]),
        );
        self.value(ui, tags);
        let mood = ui.pills("Mood (pick one, click again to clear)", ["😀 happy", "😐 meh", "😞 sad"]);
        self.value(ui, mood);
        let view = ui.add(SegmentedControl::new("View", ["Day", "Week", "Month", "Year"]).default("Week"));
        self.value(ui, view);

        ui.subheader("Feedback");
        ui.caption("Thumbs, faces and stars: `None` until clicked; click again to clear.");
        let thumbs = ui.feedback(FeedbackOptions::Thumbs);
        self.value(ui, thumbs);
        let faces = ui.feedback(FeedbackOptions::Faces);
        self.value(ui, faces);
        let stars = ui.add(Feedback::new(FeedbackOptions::Stars).default(3));
        self.value(ui, stars);

        ui.subheader("Color picker");
        let color = ui.add(ColorPicker::new("Accent colour").value("#ff4b4b"));
        self.value(ui, &color);

        ui.subheader("Text input and text area");
        let title = ui.add(TextInput::new("Movie title").value("Life of Brian"));
        self.value(ui, title);
        let password = ui.add(TextInput::new("Password").password());
        self.value(ui, password.chars().map(|_| '•').collect::<String>());
        let search = ui.add(TextInput::new("Search").placeholder("Type and press Enter…"));
        self.value(ui, search);
        let code = ui.add(TextInput::new("Promo code (at most 5 characters)").max_chars(5));
        self.value(ui, code);
        let nickname =
            ui.add(TextInput::new("Nickname (None until typed)").no_default().placeholder("No nickname yet"));
        self.value(ui, nickname);
        let locked = ui.add(TextInput::new("A disabled input").value("can't touch this").disabled(true));
        self.value(ui, locked);
        let hidden = ui.add(
            TextInput::new("A text input with a collapsed label")
                .placeholder("(the label is collapsed)")
                .label_visibility(LabelVisibility::Collapsed),
        );
        self.value(ui, hidden);
        let text = ui.add(
            TextArea::new("Text to analyze").value("It was the best of times, it was the worst of times…").height(120),
        );
        self.value(ui, &text);
        ui.write(format!("You wrote {} characters.", text.chars().count()));

        ui.subheader("Number input");
        let quantity = ui.add(NumberInput::int("Quantity (0 to 10)").min(0).max(10).value(1));
        self.value(ui, quantity);
        let weight = ui.add(NumberInput::new("Weight in kg").min(0.0).max(500.0).step(0.5).value(70.0));
        self.value(ui, weight);
        let guests = ui
            .add(NumberInput::int("Guests (starts empty)").min(1).max(20).no_default().placeholder("How many guests?"));
        self.value(ui, guests);

        ui.subheader("Date and time");
        let birthday = ui.add(DateInput::new("When's your birthday").value(date(2019, 7, 6)));
        self.value(ui, birthday);
        let (start, end) =
            ui.add(DateInput::new("Holiday (a range)").range(date(2025, 7, 1), date(2025, 7, 14)).format("DD.MM.YYYY"));
        self.value(ui, (start, end));
        let deadline = ui.add(
            DateInput::new("Deadline (starts empty, in 2025)")
                .no_default()
                .min(date(2025, 1, 1))
                .max(date(2025, 12, 31))
                .format("MM/DD/YYYY"),
        );
        self.value(ui, deadline);
        let alarm = ui.add(TimeInput::new("Set an alarm for").value(time(8, 45)));
        self.value(ui, alarm);
        let meeting = ui.add(
            DatetimeInput::new("Meeting (30-minute steps)")
                .value(date(2025, 1, 15).and_time(time(9, 30)))
                .step(Duration::from_secs(30 * 60)),
        );
        self.value(ui, meeting);
    }
}

// ----- Media elements -----------------------------------------------------------

/// A square SVG swatch of `colour` with `label` on it: generated bytes, no network.
fn swatch(colour: &str, label: &str) -> MediaSource {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" rx="12" fill="{colour}"/><text x="48" y="56" font-family="sans-serif" font-size="20" text-anchor="middle" fill="white">{label}</text></svg>"#
    );
    MediaSource::bytes(svg, "image/svg+xml")
}

/// Half a second of a 440 Hz tone as a 16-bit mono WAV file at 8 kHz, built in code.
pub fn tone_wav() -> Vec<u8> {
    const RATE: u32 = 8000;
    let samples: Vec<f32> = (0..RATE / 2)
        .map(|n| {
            let t = n as f32 / RATE as f32;
            // A short fade in and out, so the tone starts and stops without a click.
            let envelope = (t * 40.0).min(1.0).min((0.5 - t) * 40.0);
            envelope * 0.3 * (2.0 * std::f32::consts::PI * 440.0 * t).sin()
        })
        .collect();
    wasmlit::widgets::capture::wav(&samples, RATE)
}

/// A one-page PDF saying hello, written byte by byte (objects, then the cross-reference table
/// of their offsets).
pub fn hello_pdf() -> Vec<u8> {
    let text = "BT /F1 24 Tf 72 720 Td (Hello from wasmlit) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf += &format!("{} 0 obj\n{object}\nendobj\n", i + 1);
    }
    let xref = pdf.len();
    pdf += &format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        pdf += &format!("{offset:010} 00000 n \n");
    }
    pdf += &format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    pdf.into_bytes()
}

fn media_elements(ui: &Ui) {
    section(ui, 3);
    // The logo is pinned to the page's top-left corner, wherever the script calls it.
    ui.add(Logo::new(swatch("#ff4b4b", "wl")).size(LogoSize::Large));

    ui.subheader("Image");
    ui.add(Image::new(swatch("#1c83e1", "SVG")).caption("An SVG built by the script, shown from a Blob URL"));
    ui.add(
        Image::row([swatch("#21c354", "1"), swatch("#ffbd45", "2"), swatch("#803df5", "3")])
            .captions(["Green", "Yellow", "Purple"])
            .width(64),
    );

    ui.subheader("Audio");
    ui.add(Audio::new(MediaSource::bytes(tone_wav(), "audio/wav")).looping(true));
    ui.caption("Half a second of a 440 Hz tone, generated as a WAV file; it loops.");

    ui.subheader("Video");
    // No video file ships with the gallery: a <video> plays the generated audio-only WAV too.
    ui.add(Video::new(MediaSource::bytes(tone_wav(), "video/wav")).start_time(0.25).muted(true));
    ui.caption("A video player (muted, starting at 0.25 s) playing generated bytes.");

    ui.subheader("PDF");
    echo!(ui, {
        ui.add(Pdf::bytes(hello_pdf()).height(320));
    });
    ui.caption(
        "A one-page PDF written by the script, in the browser's own viewer (a download link where it has none).",
    );

    ui.subheader("Embedded HTML and pages");
    echo!(ui, {
        ui.add(
            IFrame::html(
                "<button id='b' style='font: 16px sans-serif; padding: 6px 14px'>Clicked 0 times</button>
                 <script>
                   let n = 0;
                   b.onclick = () => b.textContent = `Clicked ${++n} times`;
                 </script>",
            )
            .height(60),
        );
    });
    ui.caption(
        "`components.html`: a whole HTML document with its scripts, in a sandboxed frame that cannot reach the app. \
         `ui.iframe(url)` shows a page the same way.",
    );

    ui.subheader("Static files");
    ui.write("Files in the app's `static/` folder are served at `app/static/…`, as in Streamlit: an image by URL, and the same file in Markdown.");
    ui.add(Image::new(MediaSource::Url("app/static/wasmlit.svg".into())).width(240).caption("app/static/wasmlit.svg"));
    ui.markdown("Inline in Markdown: ![wasmlit](app/static/wasmlit.svg)");
}

// ----- Layouts and containers -------------------------------------------------

fn layouts_and_containers(ui: &Ui) {
    section(ui, 4);

    ui.subheader("Sidebar");
    ui.write("The sidebar on the left holds the table of contents; any part of the script can write to it.");
    ui.sidebar().caption("This caption was written from the *Layouts and containers* section.");

    ui.subheader("Page config");
    ui.write("`set_page_config` sets the tab's title (\"wasmlit gallery\"), its 🎈 favicon and the layout.");
    let wide_layout = ui.toggle("Wide layout");
    ui.set_page_config(PageConfig::new().layout(if wide_layout { PageLayout::Wide } else { PageLayout::Centered }));
    ui.caption(if wide_layout { "The main column takes the page's width." } else { "The main column is centred." });
    ui.write("The app menu (⋮, top right) has **Print** and **About**; press **R** to rerun and **C** to clear the cache when no field has focus.");

    ui.subheader("Columns");
    let [wide, narrow] = ui.columns([3, 1]);
    wide.info("A column of weight 3…");
    narrow.info("…next to one of weight 1.");
    let cols = ui.columns_with_gap(3, Gap::Large);
    for (i, col) in cols.iter().enumerate() {
        col.markdown(format!("**Column {}**", i + 1));
        col.caption("three equal columns, large gap");
    }
    let [a, b] = ui.columns_with_gap([1.0, 1.0], Gap::Medium);
    let left = a.checkbox("A widget in a column");
    b.write(format!("The checkbox next door is {}.", if left { "checked" } else { "unchecked" }));
    let [tall, centred] = ui.add(Columns::new([1, 1]).vertical_alignment(VerticalAlignment::Center).border(true));
    tall.write("A tall column:\n\n- one\n- two\n- three");
    centred.write("Bordered columns; this one is centred vertically.");

    ui.subheader("Tabs");
    let [cat, dog, owl] = ui.tabs(["Cat", "Dog", "Owl"]);
    cat.write("A cat. Every tab's body runs on every rerun; only one is visible.");
    dog.write("A dog.");
    owl.write("An owl.");
    let [_, second] = ui.add(Tabs::new(["First", "Second"]).default("Second"));
    second.write("This tab bar opens on its second tab.");

    ui.subheader("Expander");
    let more = ui.expander("See explanation");
    more.write("An expander starts collapsed; its body runs whether it is open or not.");
    let open = ui.add(Expander::new("An expander that starts open").expanded(true));
    open.write("Open from the start.");
    ui.add(Expander::new("An expander with an icon").icon("🦀")).write("The icon sits before the label.");

    ui.subheader("Popover");
    let popover = ui.add(Popover::new("Open the popover").icon("⚙️").help("A floating container"));
    let bold = popover.checkbox("Bold greeting");
    popover.write("Its body runs on every rerun, open or not.");
    ui.write(if bold { "**Hello from the popover!**" } else { "Hello from the popover." });

    ui.subheader("Stateful tabs, expander and popover");
    ui.caption(
        "With `on_change` (or `rerun_on_change`) opening one reruns the app and `.open` says which is open, \
         so the content of a closed one need not run:",
    );
    echo!(ui, {
        let [summary, details] = ui.add(Tabs::new(["Summary", "Details"]).key("gallery_tab").rerun_on_change());
        summary.write("A short summary, drawn on every run.");
        if details.open {
            details.write("Details, computed only while this tab is selected.");
        }
        let more = ui.add(Expander::new("A lazy expander").on_change(|ui: &Ui| {
            ui.toast("The expander was opened or closed.");
        }));
        if more.open {
            more.write("Drawn only while the expander is open.");
        }
    });

    ui.subheader("Space");
    ui.caption("Large space below:");
    ui.space(SpaceSize::Large);
    ui.caption("…and 24 pixels below:");
    ui.space(24);
    ui.caption("End of the spaces.");

    ui.subheader("Containers");
    let boxed = ui.add(Container::new().border(true));
    boxed.write("A container with a border.");
    let scroll = ui.add(Container::new().height(160));
    for line in 1..=20 {
        scroll.text(format!("Line {line} of a container with a fixed height: it scrolls."));
    }
    let row = ui.add(
        Container::new()
            .horizontal(true)
            .gap(Gap::Medium)
            .horizontal_alignment(HorizontalAlignment::Center)
            .vertical_alignment(VerticalAlignment::Center)
            .border(true),
    );
    for fruit in ["🍎 Apple", "🍌 Banana", "🍒 Cherry", "🥝 Kiwi", "🍋 Lemon", "🥭 Mango"] {
        row.button(fruit);
    }
    row.caption("A horizontal container: a centred row that wraps.");
    let later = ui.container();
    ui.caption("↑ This caption was written before the info box above it: containers allow out-of-order writes.");
    later.info("Written after the caption below, shown above it.");

    ui.subheader("Empty placeholder");
    let slot = ui.empty();
    slot.text("Loading…");
    slot.success("An `empty()` slot holds one element: this one replaced a \"Loading…\" text.");
    let group = ui.empty().container();
    group.write("`empty().container()` holds a group of elements,");
    group.write("all replaced together.");
    let clearable = ui.empty();
    clearable.warning("Check the box below to clear this placeholder.");
    if ui.checkbox("Clear the placeholder") {
        clearable.empty();
    }
}

// ----- Chat elements -----------------------------------------------------------

impl Page {
    async fn chat_elements(&self, ui: &Ui) {
        section(ui, 5);
        ui.subheader("Chat messages");
        ui.chat_message("user").write("What's the weather like on Mars today?");
        ui.chat_message("assistant").write("About **−63 °C** on average, with dust storms in the south.");
        ui.add(ChatMessage::new("dino").avatar("🦖")).write("A custom emoji avatar.");
        ui.chat_message("Grace").write("Any other name shows its initial.");

        ui.subheader("Chat input and write_stream");
        ui.caption(
            "Drawn straight into the main area, a chat input is pinned to the bottom of the page \
             (see `examples/chat`); inside a container, as here, it stays in place. Enter sends, \
             Shift+Enter starts a new line.",
        );
        let chat = ui.add(Container::new().border(true));
        let prompt = chat.add(ChatInput::new("Say something to the echo bot").max_chars(200));
        self.value(&chat, &prompt);
        if let Some(prompt) = prompt {
            chat.chat_message("user").write(&prompt);
            let answer = chat.chat_message("assistant");
            let words: Vec<String> = format!("Echo: {prompt}").split(' ').map(|w| format!("{w} ")).collect();
            let streamed = answer
                .write_stream(words.into_iter().map(|word| {
                    let ui = ui.clone();
                    async move {
                        ui.sleep(Duration::from_millis(50)).await;
                        word
                    }
                }))
                .await;
            chat.caption(format!("write_stream returned {} characters.", streamed.len()));
        }
    }
}

// ----- Status elements ---------------------------------------------------------

/// An error with a source, for `exception_chain`.
#[derive(Debug)]
struct SettingsError {
    source: std::num::ParseIntError,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the port setting could not be read")
    }
}

impl std::error::Error for SettingsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

fn status_elements(ui: &Ui) {
    section(ui, 6);
    ui.add(Alert::success("Success: everything worked.").icon("✅"));
    ui.add(Alert::info("Info: something you might want to know.").icon("ℹ️"));
    ui.add(Alert::warning("Warning: something might be off.").icon("⚠️"));
    ui.add(Alert::error("Error: something went wrong.").icon("🚨"));
    ui.info("An alert without an icon, as `st.info(body)` draws it.");
    if let Err(error) = "12x".parse::<i32>() {
        ui.exception(&error);
    }
    // `exception_chain` adds a "Caused by" line for each of the error's sources.
    if let Err(error) = "12x".parse::<u16>().map_err(|source| SettingsError { source }) {
        ui.exception_chain(&error);
    }

    ui.subheader("Balloons and snow");
    let [balloons, snow] = ui.columns([1, 1]);
    if balloons.button("Balloons") {
        ui.balloons();
    }
    if snow.button("Snow") {
        ui.snow();
    }
    ui.caption("They play once per run that calls them, over the whole page, then go away.");

    ui.subheader("Progress");
    ui.progress(0);
    ui.progress(25);
    ui.progress(0.5);
    ui.progress_with_text(100, "Done (100)");
    let bar = ui.progress_with_text(0, "Updated in place");
    for percent in (0..=70).step_by(10) {
        bar.progress_with_text(percent, format!("Updated in place: {percent}%"));
    }
    let percent = ui.add(Slider::new("Drive a progress bar", 0..=100).value(40));
    ui.progress_with_text(percent, format!("{percent}%"));

    ui.subheader("Status");
    let done = ui.status("Downloading data...");
    done.write("Searching for data...");
    done.write("Found URL.");
    done.update("Download complete!", StatusState::Complete, false);
    let failed = ui.add(Status::new("Checking the data...").expanded(true));
    failed.write("Row 12 has no date.");
    failed.update("The data has errors", StatusState::Error, true);
    ui.status("Still running (never updated)").write("A status box stays running until it is updated.");

    ui.subheader("Toast");
    if ui.button("Make a toast") {
        let toast = ui.add(Toast::new("Preparing your toast...").icon("🍞"));
        toast.toast("Your toast is ready!");
    }
    ui.caption("A toast appears at the bottom right for about four seconds, once per run that calls it.");
}

// ----- Session state and callbacks ----------------------------------------------

fn session_state_and_callbacks(ui: &Ui) -> Result {
    section(ui, 7);
    let state = ui.session_state();

    ui.subheader("A counter with callbacks");
    state.get_or_insert_with("count", || 0_i64)?;
    let step = ui.add(NumberInput::int("Step").min(1).max(10).value(1));
    let [inc, reset] = ui.columns([1, 1]);
    // A callback runs before the rerun the click causes; it sees the step of the run that drew it.
    inc.add(
        Button::new("Increment")
            .on_click(move |ui: &Ui| ui.session_state().update_or("count", 0_i64, |c| *c += step).map(|_| ())),
    );
    reset.add(Button::new("Reset counter").on_click(|ui: &Ui| ui.session_state().set("count", 0_i64)));
    ui.markdown(format!("Count = {}", state.get::<i64>("count")?));

    ui.subheader("A keyed widget, read through session state");
    ui.add(TextInput::new("Nickname").key("nickname").placeholder("e.g. Lovelace"));
    let nickname: String = state.get("nickname")?;
    ui.write(format!("`session_state[\"nickname\"]` = {nickname:?}"));

    ui.subheader("Setting a widget's value before it is drawn");
    if ui.button("Reset volume to 50") {
        // Allowed: the slider with this key has not been drawn yet in this run.
        state.set("volume", 50)?;
    }
    // The initial value comes from session state too, so the slider takes no `.value(..)`
    // (both would be Streamlit's "default value and Session State" warning).
    state.get_or_insert_with("volume", || 50)?;
    let volume = ui.add(Slider::new("Volume", 0..=100).key("volume"));
    ui.write(format!("Volume: {volume}"));

    ui.subheader("on_change");
    let picked = ui.add(Selectbox::new("Pick a fruit", ["Apple", "Banana", "Cherry"]).key("fruit").on_change(
        |ui: &Ui| -> Result {
            let state = ui.session_state();
            let fruit: String = state.get("fruit")?;
            state.update_or("fruit_log", Vec::<String>::new(), |log| log.push(fruit))?;
            Ok(())
        },
    ));
    let log: Vec<String> = state.get_or_insert_with("fruit_log", Vec::new)?;
    ui.write(format!(
        "You picked {picked}. Changes so far: {}",
        if log.is_empty() { "none".to_string() } else { log.join(" → ") }
    ));

    ui.subheader("All keys");
    ui.write_debug(&state.keys());

    ui.subheader("The viewer's browser");
    // Streamlit's st.context: read-only, as of the start of this run.
    let context = ui.context();
    let theme = match context.theme_type {
        Some(ThemeType::Dark) => "dark",
        Some(ThemeType::Light) => "light",
        None => "unknown",
    };
    ui.write(format!(
        "`ui.context()`: locale {}, time zone {} (offset {} min), {theme} theme, {} readable cookies.",
        context.locale.as_deref().unwrap_or("unknown"),
        context.timezone.as_deref().unwrap_or("unknown"),
        context.timezone_offset.map_or("unknown".into(), |m| m.to_string()),
        context.cookies.len(),
    ));
    Ok(())
}

// ----- Execution flow ------------------------------------------------------------

async fn execution_flow(ui: &Ui) -> Result {
    section(ui, 8);
    let state = ui.session_state();
    // Counted on every full run of the script; fragment and dialog reruns skip this line.
    let full_runs = state.update_or("full_runs", 0_u64, |n| *n += 1)?;
    ui.write(format!("The whole script has run **{full_runs}** times in this session."));

    ui.subheader("Form");
    let form = ui.add(Form::new("order").clear_on_submit(true));
    let flavour = form.selectbox("Flavour", ["Vanilla", "Chocolate", "Strawberry"]);
    let scoops = form.add(Slider::new("Scoops", 1..=5).value(2));
    let note = form.text_input("Note for the kitchen");
    if form.add(FormSubmitButton::new("Order").kind(ButtonKind::Primary)) {
        let note = if note.is_empty() { String::new() } else { format!(" ({note})") };
        ui.success(format!("Ordered {scoops} scoops of {flavour}{note}."));
    } else {
        ui.caption("Widgets in a form send nothing until the submit button: changing them does not rerun the app.");
    }
    let search = ui.add(Form::new("search").enter_to_submit(false));
    let term = search.text_input("Search term");
    if search.form_submit_button("Search") {
        ui.success(format!("Searched for {term:?}."));
    } else {
        ui.caption("`enter_to_submit(false)`: Enter in this form's input does not submit it; the button does.");
    }

    ui.subheader("Fragment");
    ui.fragment(|ui: &Ui| -> Result {
        let runs = ui.session_state().update_or("fragment_runs", 0_u64, |n| *n += 1)?;
        let dice = ui.add(NumberInput::int("Dice in the fragment").min(1).max(10).value(2));
        ui.write(format!("The fragment has run {runs} times; {dice} dice are {} pips at most.", dice * 6));
        ui.caption("Changing the number reruns only this fragment: the full-run count above stays put.");
        Ok(())
    })?;

    ui.subheader("Nested fragments");
    ui.fragment(|ui: &Ui| -> Result {
        let outer = ui.session_state().update_or("outer_fragment_runs", 0_u64, |n| *n += 1)?;
        ui.button("Rerun the outer fragment");
        ui.write(format!("Outer fragment runs: {outer}."));
        ui.fragment(|ui: &Ui| -> Result {
            let inner = ui.session_state().update_or("inner_fragment_runs", 0_u64, |n| *n += 1)?;
            let on = ui.checkbox("A checkbox in the inner fragment");
            ui.write(format!("Inner fragment runs: {inner}; its checkbox is {}.", if on { "on" } else { "off" }));
            Ok(())
        })?;
        ui.caption(
            "The checkbox reruns only the inner fragment; the button reruns the outer one, and the inner one with it.",
        );
        Ok(())
    })?;

    ui.subheader("A fragment that fails");
    ui.fragment(|ui: &Ui| -> Result {
        ui.button("Rerun this fragment");
        if ui.button("Raise an error in this fragment") {
            return Err(Error::msg("a deliberate error inside the fragment"));
        }
        ui.caption("The error shows inside the fragment; its next rerun replaces it.");
        Ok(())
    })?;

    ui.subheader("A form and the sidebar");
    let form = ui.form("form_and_sidebar");
    let in_form = form.checkbox("A checkbox in the form");
    // The sidebar is never inside a form, even when reached through the form's handle.
    let in_sidebar = form.sidebar().checkbox("A sidebar checkbox drawn through the form");
    form.form_submit_button("Submit this form");
    ui.write(format!("Form checkbox: {in_form}; sidebar checkbox: {in_sidebar}."));
    ui.caption("The sidebar checkbox applies at once; the form's waits for its submit button.");

    ui.subheader("Fragment on a timer");
    ui.add(
        Fragment::new(|ui: &Ui| -> Result {
            let ticks = ui.session_state().update_or("ticks", 0_u64, |n| *n += 1)?;
            ui.write(format!("This fragment reruns every second on its own: tick {ticks}."));
            Ok(())
        })
        .run_every(Duration::from_secs(1)),
    )?;

    ui.subheader("Output while the script runs");
    ui.caption("The app is an async function: `ui.sleep(..).await` lets the page paint. Press the button, then touch any widget to interrupt the run.");
    if ui.button("Run a long computation") {
        let spinner = ui.spinner("Crunching numbers...");
        let status = ui.empty();
        let bar = ui.progress(0);
        for step in 1..=30 {
            status.text(format!("Step {step} of 30"));
            bar.progress(step as f64 / 30.0);
            ui.sleep(Duration::from_millis(100)).await;
        }
        drop(spinner);
        ui.success("The long computation finished.");
    }

    ui.subheader("Dialog");
    if ui.button("Open a dialog") {
        ui.dialog("Rate the gallery", |ui: &Ui| -> Result {
            let stars = ui.add(Slider::new("Stars", 1..=5).value(5));
            ui.write("★".repeat(stars));
            if ui.add(Button::new("Send rating").kind(ButtonKind::Primary)) {
                ui.session_state().set("rating", stars)?;
                // A full rerun closes the dialog: the button that opened it is false again.
                ui.rerun()?;
            }
            Ok(())
        })?;
    }
    if let Ok(stars) = state.get::<usize>("rating") {
        ui.write(format!("You rated the gallery {stars} of 5."));
    }
    let [must, rerun] = ui.columns([1, 1]);
    if must.button("Open a dialog you must answer") {
        // No ×, and Esc or a click beside it do nothing: only its button closes it.
        ui.add(
            Dialog::new("Terms of the gallery", |ui: &Ui| -> Result {
                ui.write("This dialog cannot be dismissed: answer it.");
                if ui.button("I agree") {
                    ui.rerun()?;
                }
                Ok(())
            })
            .dismissible(false),
        )?;
    }
    if rerun.button("Open a dialog that reruns when closed") {
        ui.add(
            Dialog::new("Closing reruns the app", |ui: &Ui| {
                ui.write("Close this with ×, Esc or a click beside it: the whole app reruns.");
            })
            .on_dismiss_rerun(),
        )?;
    }
    Ok(())
}

// ----- Caching -------------------------------------------------------------------

/// The primes below `limit` (a sieve): slow enough to be worth caching.
#[cache_data(ttl = "1h", max_entries = 4)]
fn primes_below(ui: &Ui, limit: usize) -> Vec<usize> {
    let primes = sieve(limit);
    ui.caption(format!("Sieved {limit} numbers (drawn by the cached function: replayed on every hit)."));
    primes
}

/// The primes below `limit`, by the sieve of Eratosthenes, in any unsigned index type: `usize`
/// in the app, and `u32` in a test, as `usize` is on wasm32, so an overflow there shows natively.
pub fn sieve<N>(limit: N) -> Vec<N>
where
    N: Copy + PartialOrd + std::ops::Mul<Output = N> + std::ops::Div<Output = N> + TryFrom<usize> + TryInto<usize>,
{
    let index = |n: N| n.try_into().unwrap_or(usize::MAX);
    let end = index(limit);
    let mut composite = vec![false; end];
    let mut primes = Vec::new();
    for i in 2..end {
        let Ok(n) = N::try_from(i) else { break };
        if !composite[i] {
            primes.push(n);
            // Not `n * n < limit`: the square of a prime above 65,535 overflows a 32-bit index.
            if n <= limit / n {
                for multiple in (index(n * n)..end).step_by(i) {
                    composite[multiple] = true;
                }
            }
        }
    }
    primes
}

/// One counter for the whole tab: `cache_resource` hands out the same `Rc` on every run.
#[cache_resource]
fn tab_counter() -> std::rc::Rc<std::cell::Cell<u64>> {
    std::cell::Cell::new(0)
}

fn caching(ui: &Ui) -> Result {
    section(ui, 9);
    ui.subheader("cache_data: computed once, then copies");
    let limit = ui.add(Selectbox::with_format_func(
        "Primes below",
        [10_000usize, 100_000, 1_000_000, 5_000_000],
        |n: &usize| format!("{n}"),
    ));
    let started = wasmlit::time::Instant::now();
    let primes = primes_below(ui, limit);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    ui.caption(match wasmlit::cache::last_outcome() {
        Some(CacheOutcome::Hit) => format!("Served from cache in {ms:.1} ms."),
        _ => format!("Computed in {ms:.0} ms."),
    });
    ui.write(format!("{} primes below {limit}; the largest is {}.", primes.len(), primes.last().unwrap_or(&0)));
    if ui.button("Clear the primes cache") {
        primes_below::clear();
    }

    ui.subheader("cache_resource: one shared value");
    let counter = tab_counter();
    counter.set(counter.get() + 1);
    ui.write(format!("The shared counter has seen {} runs of this page in this tab.", counter.get()));

    ui.subheader("Session state that survives a reload");
    let state = ui.session_state();
    let runs = state.persisted("gallery_runs", || 0_u64)? + 1;
    state.set("gallery_runs", runs)?;
    ui.write(format!("This browser has run the gallery {runs} times (a persisted key: reload and it goes on)."));
    Ok(())
}

// ----- Errors stay in place -----------------------------------------------------

// ----- Components ---------------------------------------------------------

fn components(ui: &Ui) {
    section(ui, 13);
    ui.write(
        "When the catalogue lacks something, write a component: HTML, CSS and a JavaScript module \
         mounted in the page (no iframe), themed like the app, sending values back to the script. \
         `examples/components` has a star rating, a sketchpad and a Leptos component.",
    );
    echo!(ui, {
        let counter = Component::new("counter")
            .html("<button type='button'>Click me</button>")
            .css("button { font: inherit; color: var(--st-text-color); background: none; border: 1px solid var(--st-primary-color); border-radius: var(--st-base-radius); padding: 0.25rem 0.75rem; }")
            .js("export default ({ parentElement, setStateValue }) => {
                let count = 0;
                parentElement.querySelector('button').onclick = () => setStateValue('count', ++count);
            }");
        let result = ui.add(ui.component(&counter).key("counter").default("count", 0));
        ui.write(format!("The component says **{}** clicks.", result.state::<u64>("count").unwrap_or(0)));
    });
}

fn errors_stay_in_place(ui: &Ui) -> Result {
    section(ui, 15);
    ui.write("Bad calls show an error where they are; the rest of the app goes on.");

    // Bounds usually come from data; here they are equal, which leaves nothing to slide.
    let (min, max) = (5, 5);
    let broken = ui.slider("A slider with min == max", min..=max);
    ui.caption(format!("…and the script went on: the broken slider returned {broken}."));

    ui.button("OK");
    ui.button("OK");
    ui.caption("↑ Two identical buttons without keys: the second one is a DuplicateWidgetID error.");

    ui.progress(150);
    ui.caption("↑ A progress value over 100.");

    let raw = ui.add(TextInput::new("A whole number").value("42"));
    match raw.trim().parse::<i64>() {
        Ok(n) => {
            ui.write(format!("{n} doubled is {}", n * 2));
        }
        Err(error) => {
            ui.exception(&error);
        }
    }

    ui.set_page_config(PageConfig::new().icon("javascript:alert(1)"));
    ui.caption("↑ An unsafe favicon URL: refused, the 🎈 stays.");

    ui.write("A panic aborts a WebAssembly module, so wasmlit shows a panel with the message and a restart button instead of a dead page.");
    if ui.button("Panic") {
        panic!("a deliberate panic from the gallery");
    }

    ui.write("A script returns `Result`: press the button to make it return `Err`.");
    if ui.add(Button::new("Make the script fail").kind(ButtonKind::Primary)) {
        return Err(Error::msg("the script returned Err after the button press; press anything else to recover"));
    }
    ui.caption("The end.");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sieve;

    #[test]
    fn the_sieve_counts_right_with_a_32_bit_index_as_on_wasm32() {
        // With `n * n` in a 32-bit usize the gallery showed 348,425 primes below 5,000,000.
        assert_eq!(sieve(70_000u32).len(), 6_935, "65,537 is prime and 65,537² > u32::MAX");
        let primes = sieve(5_000_000u32);
        assert_eq!((primes.len(), primes.last()), (348_513, Some(&4_999_999)));
        assert_eq!(sieve(5_000_000usize).len(), 348_513);
        assert_eq!(sieve(10u8), [2, 3, 5, 7]);
    }
}
