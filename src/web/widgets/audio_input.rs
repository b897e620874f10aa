//! Renders `audio_input`: "Record" opens the microphone and collects its samples through an
//! `AudioContext`; "Stop" writes them as a 16-bit mono WAV in Rust (`widgets::capture::wav`)
//! and sends it; the recording then plays in an `<audio>` player, with "Clear recording".

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{AudioContext, AudioProcessingEvent, MediaStream, ScriptProcessorNode};

use super::capture::{clear, file_url, open, send_file, stop, Device};
use super::{label, WidgetCell};
use crate::widgets::capture::{wav, CaptureKind, CaptureProps};

/// A recording under way: the microphone, the audio graph and the samples so far.
struct Recording {
    stream: MediaStream,
    context: AudioContext,
    processor: ScriptProcessorNode,
    samples: Rc<RefCell<Vec<f32>>>,
    _on_audio: Closure<dyn FnMut(AudioProcessingEvent)>,
}

impl Recording {
    async fn start() -> Result<Recording, String> {
        let stream = open(Device::Microphone).await?;
        let failed = |_| {
            stop(&stream);
            "The microphone could not be recorded in this browser.".to_string()
        };
        let context = AudioContext::new().map_err(failed)?;
        let source = context.create_media_stream_source(&stream).map_err(failed)?;
        let processor = context
            .create_script_processor_with_buffer_size_and_number_of_input_channels_and_number_of_output_channels(
                4096, 1, 1,
            )
            .map_err(failed)?;
        let samples = Rc::new(RefCell::new(Vec::new()));
        let sink = samples.clone();
        let on_audio = Closure::<dyn FnMut(AudioProcessingEvent)>::new(move |event: AudioProcessingEvent| {
            if let Ok(chunk) = event.input_buffer().and_then(|b| b.get_channel_data(0)) {
                sink.borrow_mut().extend_from_slice(&chunk);
            }
        });
        processor.set_onaudioprocess(Some(on_audio.as_ref().unchecked_ref()));
        source.connect_with_audio_node(&processor).map_err(failed)?;
        processor.connect_with_audio_node(&context.destination()).map_err(failed)?;
        Ok(Recording { stream, context, processor, samples, _on_audio: on_audio })
    }

    /// Stops recording and returns the WAV file's bytes.
    fn finish(self) -> Vec<u8> {
        self.processor.set_onaudioprocess(None);
        let _ = self.processor.disconnect();
        stop(&self.stream);
        let rate = self.context.sample_rate() as u32;
        let _ = self.context.close();
        let samples = self.samples.borrow();
        wav(&samples, rate)
    }
}

pub(crate) fn render(cell: WidgetCell<CaptureProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::CAPTURE);
    let props = cell.props;
    let sink = cell.sink;
    let problem = RwSignal::new(None::<String>);
    let recording = RwSignal::new(false);
    let current = StoredValue::new_local(None::<Recording>);
    let has_file = move || props.with(|p| p.file.is_some());
    let disabled = move || props.with(|p| p.common.disabled);
    let record = move |_| {
        recording.set(true);
        problem.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            match Recording::start().await {
                // The widget may have gone while the browser asked.
                Ok(started) => {
                    if let Some(Some(unused)) = current.try_update_value(|slot| slot.replace(started)) {
                        unused.finish();
                    }
                }
                Err(message) => {
                    recording.set(false);
                    problem.set(Some(message));
                }
            }
        });
    };
    let finish = move |_| {
        recording.set(false);
        if let Some(done) = current.try_update_value(Option::take).flatten() {
            send_file(sink, CaptureKind::Audio, done.finish());
        }
    };
    on_cleanup(move || {
        if let Some(done) = current.try_update_value(Option::take).flatten() {
            done.finish();
        }
    });
    let url = file_url(props);
    view! {
        {label(props, |p| &p.common, cell.dom_id.clone())}
        <div class="wl-capture wl-audio-capture" id=cell.dom_id.clone()>
            <button
                class="wl-btn wl-capture-button"
                hidden=move || has_file() || recording.get()
                disabled=disabled
                on:click=record
            >
                "● Record"
            </button>
            <button class="wl-btn wl-capture-button wl-recording" hidden=move || !recording.get() on:click=finish>
                "■ Stop"
            </button>
            <audio class="wl-audio-playback" controls=true src=move || url.get() hidden=move || !has_file()></audio>
            <button class="wl-btn wl-capture-button" hidden=move || !has_file() disabled=disabled on:click=move |_| clear(sink)>
                "Clear recording"
            </button>
            <p class="wl-capture-problem" role="alert" hidden=move || problem.with(Option::is_none)>
                {move || problem.get()}
            </p>
        </div>
    }
    .into_any()
}
