//! The one list of element kinds.
//!
//! Every kind of element wasmlit can show is one line here:
//! `accessor: Variant(Props) in path::to::module`. The `accessor` is the kind's name as
//! Streamlit spells it (`"slider"`, `"markdown"`) and the name of its `AppTest` accessor;
//! `Props` is defined in the engine file `src/<path>.rs`, and its renderer is
//! `render` in `src/web/<path>.rs`.
//!
//! From this list the crate generates:
//! - the [`Element`](crate::element::Element) enum and its per-kind matches (`kind`,
//!   `text`, `widget`, `widget_value`, `set_widget_value`) in `element.rs`,
//! - the `AppTest` accessors (`at.title(0)`, `at.slider(0)`, ...) in `app_test.rs`,
//! - the constructors `element::make::<accessor>(props)`, the one way the engine makes an
//!   element: on wasm32 each installs its kind's renderer,
//! - (wasm32) the renderer slots and their install calls in `web/elements.rs`.
//!
//! None of these matches has a catch-all arm: a kind whose renderer, props trait or accessor
//! is missing does not compile. A kind that belongs to a heavy family (data, charts, maps,
//! media) carries `#[cfg(feature = "...")]` on its line, and every generated item follows it.
//!
//! Display elements implement [`DisplayProps`](crate::element::DisplayProps) and get an
//! accessor returning an [`ElementView`](crate::app_test::ElementView); widgets implement
//! [`WidgetProps`](crate::element::WidgetProps) and get one returning a
//! [`WidgetRef`](crate::app_test::WidgetRef).

/// Calls `$then!` with the list of element kinds (see the module docs).
macro_rules! element_kinds {
    ($then:ident) => {
        $then! {
            display {
                title: Title(TitleProps) in elements::text::title,
                header: Header(HeaderProps) in elements::text::header,
                subheader: Subheader(HeaderProps) in elements::text::subheader,
                markdown: Markdown(MarkdownProps) in elements::text::markdown,
                text: Text(TextProps) in elements::text::text,
                caption: Caption(CaptionProps) in elements::text::caption,
                badge: Badge(BadgeProps) in elements::text::badge,
                code: Code(CodeProps) in elements::text::code,
                html: Html(HtmlProps) in elements::text::html,
                #[cfg(feature = "latex")]
                latex: Latex(LatexProps) in elements::text::latex,
                divider: Divider(DividerProps) in elements::text::divider,
                metric: Metric(MetricProps) in elements::text::metric,
                success: Success(AlertProps) in elements::status::success,
                info: Info(AlertProps) in elements::status::info,
                warning: Warning(AlertProps) in elements::status::warning,
                error: Error(AlertProps) in elements::status::error,
                exception: Exception(ExceptionProps) in elements::status::exception,
                progress: Progress(ProgressProps) in elements::status::progress,
                spinner: Spinner(SpinnerProps) in elements::status::spinner,
                toast: Toast(ToastProps) in elements::status::toast,
                balloons: Balloons(CelebrationProps) in elements::status::balloons,
                snow: Snow(CelebrationProps) in elements::status::snow,
                empty: Empty(EmptyProps) in layout::empty,
                space: Space(SpaceProps) in layout::space,
                link_button: LinkButton(LinkButtonProps) in widgets::link_button,
                page_link: PageLink(PageLinkProps) in widgets::page_link,
                navigation: Navigation(NavigationProps) in pages,
                #[cfg(feature = "media")]
                image: Image(ImageProps) in elements::media::image,
                #[cfg(feature = "media")]
                audio: Audio(PlayerProps) in elements::media::audio,
                #[cfg(feature = "media")]
                video: Video(PlayerProps) in elements::media::video,
                #[cfg(feature = "media")]
                logo: Logo(LogoProps) in elements::media::logo,
                #[cfg(feature = "media")]
                pdf: Pdf(PdfProps) in elements::media::pdf,
                #[cfg(feature = "media")]
                iframe: IFrame(IFrameProps) in elements::media::iframe,
                #[cfg(feature = "data")]
                table: Table(TableProps) in elements::data::table,
                #[cfg(feature = "data")]
                json: Json(JsonProps) in elements::data::json,
                #[cfg(feature = "maps")]
                map: Map(MapProps) in elements::maps::map,
                #[cfg(feature = "charts")]
                line_chart: LineChart(ChartProps) in elements::charts::line_chart,
                #[cfg(feature = "charts")]
                area_chart: AreaChart(ChartProps) in elements::charts::area_chart,
                #[cfg(feature = "charts")]
                bar_chart: BarChart(ChartProps) in elements::charts::bar_chart,
                #[cfg(feature = "charts")]
                scatter_chart: ScatterChart(ChartProps) in elements::charts::scatter_chart,
            }
            widgets {
                button: Button(ButtonProps) in widgets::button,
                checkbox: Checkbox(CheckboxProps) in widgets::checkbox,
                toggle: Toggle(CheckboxProps) in widgets::toggle,
                radio: Radio(RadioProps) in widgets::radio,
                selectbox: Selectbox(SelectboxProps) in widgets::selectbox,
                multiselect: Multiselect(MultiselectProps) in widgets::multiselect,
                slider: Slider(SliderProps) in widgets::slider,
                select_slider: SelectSlider(SelectSliderProps) in widgets::select_slider,
                text_input: TextInput(TextInputProps) in widgets::text_input,
                text_area: TextArea(TextAreaProps) in widgets::text_area,
                number_input: NumberInput(NumberInputProps) in widgets::number_input,
                chat_input: ChatInput(ChatInputProps) in widgets::chat_input,
                color_picker: ColorPicker(ColorPickerProps) in widgets::color_picker,
                date_input: DateInput(TemporalProps) in widgets::date_input,
                time_input: TimeInput(TemporalProps) in widgets::time_input,
                datetime_input: DatetimeInput(TemporalProps) in widgets::datetime_input,
                pills: Pills(ButtonGroupProps) in widgets::pills,
                segmented_control: SegmentedControl(ButtonGroupProps) in widgets::segmented_control,
                feedback: Feedback(FeedbackProps) in widgets::feedback,
                #[cfg(feature = "components")]
                component: Component(ComponentProps) in widgets::component,
                // A widget kind whose value is the selection; without a selection mode it is
                // not registered (see elements/data/dataframe.rs).
                #[cfg(feature = "data")]
                dataframe: Dataframe(DataFrameProps) in elements::data::dataframe,
                // Like dataframe: registered only with a selection mode.
                #[cfg(feature = "charts")]
                vega_lite_chart: VegaLiteChart(VegaLiteChartProps) in elements::charts::vega_lite_chart,
                #[cfg(feature = "data")]
                data_editor: DataEditor(DataEditorProps) in widgets::data_editor,
                file_uploader: FileUploader(FileUploaderProps) in widgets::file_uploader,
                camera_input: CameraInput(CaptureProps) in widgets::camera_input,
                audio_input: AudioInput(CaptureProps) in widgets::audio_input,
                download_button: DownloadButton(DownloadButtonProps) in widgets::download_button,
            }
        }
    };
}
