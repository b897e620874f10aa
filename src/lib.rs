//! wasmlit: Streamlit's app model in Rust, running entirely in the browser.
//!
//! An app is a function — the *script* — that runs top to bottom on every
//! interaction. Widget calls return plain values; session state keeps what
//! must survive between runs.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn app(ui: &Ui) {
//!     ui.title("Squares");
//!     let x = ui.slider("x", 0..=100);
//!     ui.write(format!("{x} squared is {}", x * x));
//! }
//!
//! // In the browser: `fn main() { wasmlit::run(app) }`. Headless:
//! let mut at = AppTest::new(app);
//! at.run();
//! at.slider(0).set_value(12).run();
//! assert_eq!(at.markdown(0).text(), "12 squared is 144");
//! ```
//!
//! The engine (everything but [`web`]) is plain Rust and never touches the
//! DOM; `ARCHITECTURE.md` draws the map.

// The cache macros expand to `::wasmlit::...` paths; this makes them work inside the crate too.
extern crate self as wasmlit;

// The list of element kinds comes first: the modules below expand it.
#[macro_use]
mod element_kinds;

pub mod app_menu;
pub mod app_test;
pub mod cache;
#[cfg(feature = "charts")]
pub mod charts;
pub mod clock;
pub mod color;
pub mod config;
pub mod connection;
pub mod context;
#[cfg(feature = "data")]
pub mod data;
pub mod element;
pub mod elements;
pub mod error;
pub mod fetch;
pub mod form;
pub mod fragment;
pub mod identity;
pub mod layout;
pub mod markdown;
pub mod number_format;
pub mod page_config;
pub mod pages;
pub mod persisted_state;
pub mod query_params;
pub mod request;
pub mod routing;
pub mod runtime;
pub mod secrets;
pub mod session_state;
pub mod storage;
pub mod theme;
pub mod time;
pub mod ui;
pub mod widgets;
pub mod write;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use app_test::AppTest;
pub use cache::{data as cache_data, resource as cache_resource, CacheKey};
/// The date crate of `date_input`, `time_input` and `datetime_input` (no default features).
pub use chrono;
pub use element::{Element, ElementTree, WidgetEvent, WidgetValue};
pub use error::{Error, Result};
pub use request::RerunRequest;
pub use runtime::{RunScope, RunStatus, Session};
/// JSON values, for `vega_lite_chart` specs and component data (`wasmlit::serde_json::json!`).
#[cfg(any(feature = "data", feature = "components"))]
pub use serde_json;
pub use session_state::{SessionState, StateError};
pub use ui::Ui;
pub use wasmlit_macros::{cache_data, cache_resource, config, echo, CacheKey};

#[cfg(target_arch = "wasm32")]
pub use web::{run, run_async, run_session};

/// Everything a script needs: `use wasmlit::prelude::*;`.
pub mod prelude {
    pub use crate::app_test::{key, label, AppTest};
    pub use crate::cache::{data as cache_data, resource as cache_resource, CacheKey, CacheOutcome};
    #[cfg(feature = "charts")]
    pub use crate::charts::{Chart, ChartError, ChartHandle, ChartProps, Stack};
    #[cfg(feature = "data")]
    pub use crate::data::{Column, DataFrame};
    pub use crate::element::{Element, Gap, HorizontalAlignment, LabelVisibility, StatusState, VerticalAlignment};
    #[cfg(feature = "charts")]
    pub use crate::elements::charts::vega_lite_chart::{ChartSelection, VegaLiteChart};
    #[cfg(feature = "data")]
    pub use crate::elements::data::{
        column_config::{ColumnConfig, ColumnWidth},
        dataframe::{DataFrameSelection, DataFrameView, SelectionMode},
        json::{Json, JsonExpanded},
        style::Axis,
    };
    #[cfg(feature = "maps")]
    pub use crate::elements::maps::{
        map::{Map, MapColor, MapSize, MapWidth},
        Rgba,
    };
    #[cfg(feature = "media")]
    pub use crate::elements::media::{
        audio::Audio,
        iframe::IFrame,
        image::{Image, ImageWidth},
        logo::{Logo, LogoSize},
        pdf::Pdf,
        video::Video,
        MediaSource,
    };
    pub use crate::elements::status::alert::Alert;
    pub use crate::elements::status::toast::{Toast, ToastHandle};
    pub use crate::elements::text::badge::{Badge, BadgeColor};
    pub use crate::elements::text::code::Code;
    pub use crate::elements::text::header::{DividerColor, Header};
    pub use crate::elements::text::html::Html;
    pub use crate::elements::text::metric::{DeltaColor, Metric};
    pub use crate::elements::text::subheader::Subheader;
    pub use crate::elements::text::title::Title;
    pub use crate::error::{Error, Result};
    pub use crate::form::Form;
    pub use crate::fragment::{Dialog, Fragment};
    pub use crate::layout::chat_message::ChatMessage;
    pub use crate::layout::columns::Columns;
    pub use crate::layout::container::Container;
    pub use crate::layout::expander::Expander;
    pub use crate::layout::panel::{OnChange, Panel};
    pub use crate::layout::popover::Popover;
    pub use crate::layout::space::SpaceSize;
    pub use crate::layout::status::{Status, StatusContainer};
    pub use crate::layout::tabs::Tabs;
    pub use crate::page_config::{PageConfig, PageIcon, PageLayout, SidebarState};
    pub use crate::pages::{NavPosition, Navigation, Page};
    pub use crate::query_params::{Bind, QueryParams};
    pub use crate::session_state::SessionState;
    pub use crate::ui::{Command, Ui};
    pub use crate::widgets::audio_input::AudioInput;
    pub use crate::widgets::button::{Button, ButtonKind};
    pub use crate::widgets::camera_input::CameraInput;
    pub use crate::widgets::chat_input::{AcceptFile, ChatInput, ChatInputValue, ChatInputWithFiles};
    pub use crate::widgets::checkbox::Checkbox;
    pub use crate::widgets::color_picker::ColorPicker;
    #[cfg(feature = "components")]
    pub use crate::widgets::component::{Component, ComponentData, ComponentResult, ComponentValue};
    #[cfg(feature = "data")]
    pub use crate::widgets::data_editor::{CellValue, DataEditor, Edit, EditState, NumRows};
    pub use crate::widgets::date_input::{date, DateInput};
    pub use crate::widgets::datetime_input::DatetimeInput;
    pub use crate::widgets::download_button::{DownloadButton, DownloadData};
    pub use crate::widgets::feedback::{Feedback, FeedbackOptions};
    pub use crate::widgets::file_uploader::{FileUploader, MultiFileUploader, SharedBytes, UploadedFile};
    pub use crate::widgets::form_submit_button::FormSubmitButton;
    pub use crate::widgets::link_button::LinkButton;
    pub use crate::widgets::multiselect::Multiselect;
    pub use crate::widgets::number_input::NumberInput;
    pub use crate::widgets::page_link::PageLink;
    pub use crate::widgets::pills::Pills;
    pub use crate::widgets::radio::Radio;
    pub use crate::widgets::segmented_control::SegmentedControl;
    pub use crate::widgets::select_slider::SelectSlider;
    pub use crate::widgets::selectbox::Selectbox;
    pub use crate::widgets::slider::Slider;
    pub use crate::widgets::text_area::TextArea;
    pub use crate::widgets::text_input::TextInput;
    pub use crate::widgets::time_input::{time, TimeInput};
    pub use crate::widgets::toggle::Toggle;
    pub use crate::widgets::WidgetOptions;
    pub use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    pub use wasmlit_macros::{cache_data, cache_resource, echo, CacheKey};
}

/// Outside the browser there is nothing to mount: say how to run the app.
///
/// In a `wasm32` build this is [`web::run`], which mounts the app into the page.
#[cfg(not(target_arch = "wasm32"))]
pub fn run<F, R>(_script: F)
where
    F: Fn(&Ui) -> R + 'static,
    R: error::IntoScriptResult,
{
    eprintln!("wasmlit apps run in the browser: build this one with `trunk serve` (or `cargo xtask serve`).");
    std::process::exit(2);
}

/// Outside the browser there is nothing to mount: say how to run the app.
///
/// In a `wasm32` build this is [`web::run_async`].
#[cfg(not(target_arch = "wasm32"))]
pub fn run_async<F, Fut, R>(_script: F)
where
    F: Fn(Ui) -> Fut + 'static,
    Fut: std::future::Future<Output = R> + 'static,
    R: error::IntoScriptResult,
{
    run(|_: &Ui| {});
}

/// Outside the browser there is nothing to mount: say how to run the app.
///
/// In a `wasm32` build this is [`web::run_session`].
#[cfg(not(target_arch = "wasm32"))]
pub fn run_session(_session: Session) {
    run(|_: &Ui| {});
}
