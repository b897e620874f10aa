//! Fuzzed interactions (issue 15, item 3). `proptest` generates an app: a few widgets of
//! eight kinds in the main area, a form (maybe `clear_on_submit`), a fragment with another
//! fragment inside it, and two pages; some drawn only on a condition, each button's
//! `on_click` resetting another widget through session state. Then a sequence of what the
//! visitor, the test and the app do: set values, press buttons, submit the form, set a
//! widget's key in session state, run, run half-way (an async sleep) and interrupt or queue
//! behind it, switch pages, `stop()`, fail, `rerun()`. A model of the engine's rules (what a
//! request changes, which callbacks fire, which widgets a run cleans up) follows along,
//! reading what each run drew from the app's own log, and after every step the invariants
//! hold:
//!
//! - nothing panics, and a run is in flight exactly when the model says so;
//! - every `on_change` fires once per change of its widget's value, `on_click` once per
//!   press (presses coalesced into one request are one press), in the order the widgets were
//!   drawn, and each sees the new value in session state;
//! - a widget returns its value and its key holds it, while it is drawn and after the run;
//! - the key of every widget the model says is alive exists (none lost), and the keys of
//!   widgets a completed run cleaned up are gone;
//! - a form's widgets change value only in a run its submit button started (or when session
//!   state or `clear_on_submit` resets them).
//!
//! `WASMLIT_FUZZ_CASES` sets the number of sequences (10,000 by default); a soak run:
//! `WASMLIT_FUZZ_CASES=200000 cargo test --release --test fuzz_interactions -- --nocapture`.

// proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use wasmlit::prelude::*;
use wasmlit::{SessionState, StateError};

// ----- the generated app ----------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Main,
    Form,
    Fragment,
    /// A fragment drawn inside the other one.
    Inner,
    PageA,
    PageB,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Checkbox,
    Toggle,
    Slider,
    Text,
    TextArea,
    Select,
    Radio,
    Number,
    Button,
    /// The form's submit button, added after the form's widgets.
    Submit,
}

#[derive(Clone, Copy, Debug)]
struct Spec {
    kind: Kind,
    place: Place,
    /// Drawn only while [`Controls::show`] is on.
    conditional: bool,
}

/// A widget's value as the script sees it.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    Bool(bool),
    Int(i64),
    Text(String),
}

const TEXTS: [&str; 4] = ["", "a", "bb", "é <b>"];
const OPTIONS: [&str; 3] = ["x", "y", "z"];

impl Kind {
    fn default(self) -> Val {
        match self {
            Kind::Checkbox | Kind::Toggle | Kind::Button | Kind::Submit => Val::Bool(false),
            Kind::Slider | Kind::Number => Val::Int(0),
            Kind::Text | Kind::TextArea => Val::Text(String::new()),
            Kind::Select | Kind::Radio => Val::Text(OPTIONS[0].into()),
        }
    }

    fn is_button(self) -> bool {
        matches!(self, Kind::Button | Kind::Submit)
    }

    /// The value a visitor's action with `seed` sets.
    fn value(self, seed: u8) -> Val {
        let seed = usize::from(seed);
        match self {
            Kind::Checkbox | Kind::Toggle => Val::Bool(seed % 2 == 0),
            Kind::Slider => Val::Int((seed % 11) as i64),
            Kind::Number => Val::Int((seed % 6) as i64),
            Kind::Text | Kind::TextArea => Val::Text(TEXTS[seed % TEXTS.len()].into()),
            Kind::Select | Kind::Radio => Val::Text(OPTIONS[seed % OPTIONS.len()].into()),
            Kind::Button | Kind::Submit => Val::Bool(true),
        }
    }

    /// Sets a widget's key in session state (buttons cannot be set).
    fn write(self, state: &SessionState, key: &str, value: &Val) -> std::result::Result<(), StateError> {
        match value {
            Val::Bool(b) => state.set(key, *b),
            Val::Int(n) => state.set(key, *n),
            Val::Text(t) => state.set(key, t.clone()),
        }
    }

    /// What session state holds for a widget of this kind.
    fn read(self, state: &SessionState, key: &str) -> Option<Val> {
        match self {
            Kind::Checkbox | Kind::Toggle | Kind::Button | Kind::Submit => state.get::<bool>(key).ok().map(Val::Bool),
            Kind::Slider | Kind::Number => state.get::<i64>(key).ok().map(Val::Int),
            Kind::Text | Kind::TextArea | Kind::Select | Kind::Radio => state.get::<String>(key).ok().map(Val::Text),
        }
    }
}

/// What the test changes in the app between runs (its "condition").
#[derive(Clone, Debug, Default)]
struct Controls {
    show: bool,
    /// `stop()` / an error / a one-second sleep just before the widget at this index (a
    /// sleep at an index past the main area and form: after the fragment).
    stop_at: Option<usize>,
    fail_at: Option<usize>,
    sleep_at: Option<usize>,
    /// `rerun()` before the widget at this index, once.
    rerun_at: Option<usize>,
}

/// What the app and its callbacks write, read by the model.
#[derive(Clone, Debug, PartialEq)]
enum Entry {
    Callback(usize, Option<Val>),
    MainStart,
    MainEnd,
    /// The form's block is drawn.
    FormStart,
    /// The body of a fragment (`Place::Fragment` or `Place::Inner`) starts or ends.
    FragStart(Place),
    FragEnd(Place),
    Drawn(usize, Val),
    /// The body of a page starts.
    Page(Place),
    Stop,
    Fail,
    Rerun,
    /// A key that does not hold what its widget just returned.
    Mismatch(usize, Option<Val>, Val),
}

type Log = Rc<RefCell<Vec<Entry>>>;

struct App {
    specs: Vec<Spec>,
    /// The form puts its widgets back to their defaults after a submit.
    clear_on_submit: bool,
    controls: Rc<RefCell<Controls>>,
    log: Log,
}

fn key_of(index: usize) -> String {
    format!("w{index}")
}

/// The widget a button's `on_click` resets to its default through session state (the
/// "Reset" pattern): the next widget after it that is not a button.
fn reset_target(specs: &[Spec], button: usize) -> Option<usize> {
    let n = specs.len();
    (1..n).map(|step| (button + step) % n).find(|&i| !specs[i].kind.is_button())
}

impl App {
    fn push(&self, entry: Entry) {
        self.log.borrow_mut().push(entry);
    }

    fn indices(&self, places: &[Place]) -> Vec<usize> {
        (0..self.specs.len()).filter(|&i| places.contains(&self.specs[i].place)).collect()
    }

    /// `stop()` or an error before the widget `index`, if the controls say so.
    fn point(&self, ui: &Ui, index: usize) -> Result {
        let controls = self.controls.borrow().clone();
        if controls.stop_at == Some(index) {
            self.push(Entry::Stop);
            return ui.stop();
        }
        if controls.fail_at == Some(index) {
            self.push(Entry::Fail);
            return Err(Error::msg(format!("failed before w{index}")));
        }
        if controls.rerun_at == Some(index) {
            self.controls.borrow_mut().rerun_at = None;
            self.push(Entry::Rerun);
            return ui.rerun();
        }
        Ok(())
    }

    fn draw(&self, ui: &Ui, index: usize) {
        let Spec { kind, place, conditional } = self.specs[index];
        if conditional && !self.controls.borrow().show {
            return;
        }
        let key = key_of(index);
        let log = self.log.clone();
        let callback_key = key.clone();
        let target = (kind == Kind::Button).then(|| reset_target(&self.specs, index)).flatten();
        let target = target.map(|t| (self.specs[t].kind, t));
        let callback = move |ui: &Ui| -> Result {
            let state = ui.session_state();
            log.borrow_mut().push(Entry::Callback(index, kind.read(&state, &callback_key)));
            if let Some((kind, target)) = target {
                kind.write(&state, &key_of(target), &kind.default())?;
            }
            Ok(())
        };
        // Only a form's submit button may have a callback.
        let with_callback = place != Place::Form || kind == Kind::Submit;
        macro_rules! add {
            ($builder:expr) => {{
                let builder = $builder.key(&key);
                if with_callback {
                    ui.add(builder.on_change(callback))
                } else {
                    ui.add(builder)
                }
            }};
        }
        let value = match kind {
            Kind::Checkbox => Val::Bool(add!(Checkbox::new(&key))),
            Kind::Toggle => Val::Bool(add!(Toggle::new(&key))),
            Kind::TextArea => Val::Text(add!(TextArea::new(&key))),
            Kind::Radio => Val::Text(add!(Radio::new(&key, OPTIONS.map(String::from)))),
            Kind::Slider => Val::Int(add!(Slider::new(&key, 0i64..=10))),
            Kind::Number => Val::Int(add!(NumberInput::int(&key).min(0).max(5))),
            Kind::Text => Val::Text(add!(TextInput::new(&key))),
            Kind::Select => Val::Text(add!(Selectbox::new(&key, OPTIONS.map(String::from)))),
            Kind::Button => Val::Bool(ui.add(Button::new(&key).key(&key).on_click(callback))),
            Kind::Submit => Val::Bool(ui.add(FormSubmitButton::new(&key).key(&key).on_click(callback))),
        };
        self.push(Entry::Drawn(index, value.clone()));
        let held = kind.read(&ui.session_state(), &key);
        if held.as_ref() != Some(&value) {
            self.push(Entry::Mismatch(index, held, value));
        }
    }

    async fn script(self: Rc<Self>, ui: Ui) -> Result {
        self.push(Entry::MainStart);
        let mut form: Option<Ui> = None;
        for index in self.indices(&[Place::Main, Place::Form]) {
            self.point(&ui, index)?;
            if self.controls.borrow().sleep_at == Some(index) {
                ui.sleep(Duration::from_secs(1)).await;
            }
            if self.specs[index].place == Place::Form {
                let form = form.get_or_insert_with(|| {
                    self.push(Entry::FormStart);
                    ui.add(Form::new("f").clear_on_submit(self.clear_on_submit))
                });
                self.draw(form, index);
            } else {
                self.draw(&ui, index);
            }
        }
        if !self.indices(&[Place::Fragment, Place::Inner]).is_empty() {
            let app = self.clone();
            ui.fragment(move |ui: &Ui| app.fragment(ui, Place::Fragment))?;
        }
        // A sleep at any other index comes after the fragment: a change in the fragment then
        // waits for the run in flight instead of interrupting it.
        let sleep_at = self.controls.borrow().sleep_at;
        if sleep_at.is_some_and(|i| !self.indices(&[Place::Main, Place::Form]).contains(&i)) {
            ui.sleep(Duration::from_secs(1)).await;
        }
        if !self.indices(&[Place::PageA, Place::PageB]).is_empty() {
            let (a, b) = (self.clone(), self.clone());
            let page = ui.navigation(vec![
                Page::new("A", move |ui: &Ui| a.page(ui, Place::PageA)).url_path("a"),
                Page::new("B", move |ui: &Ui| b.page(ui, Place::PageB)).url_path("b"),
            ]);
            page.run(&ui)?;
        }
        self.push(Entry::MainEnd);
        Ok(())
    }

    /// The body of the fragment (`Place::Fragment`), which draws the inner one, or of the
    /// inner one.
    fn fragment(self: &Rc<Self>, ui: &Ui, place: Place) -> Result {
        self.push(Entry::FragStart(place));
        for index in self.indices(&[place]) {
            self.point(ui, index)?;
            self.draw(ui, index);
        }
        if place == Place::Fragment && !self.indices(&[Place::Inner]).is_empty() {
            let app = self.clone();
            ui.fragment(move |ui: &Ui| app.fragment(ui, Place::Inner))?;
        }
        self.push(Entry::FragEnd(place));
        Ok(())
    }

    fn page(&self, ui: &Ui, place: Place) -> Result {
        self.push(Entry::Page(place));
        for index in self.indices(&[place]) {
            self.point(ui, index)?;
            self.draw(ui, index);
        }
        Ok(())
    }
}

// ----- the model ------------------------------------------------------------

/// A request as the engine coalesces it (`RerunRequest`), by widget index.
#[derive(Clone, Debug, Default)]
struct Request {
    values: BTreeMap<usize, Val>,
    /// Presses handed back by an interrupted run: their callbacks ran already.
    called_back: BTreeSet<usize>,
    /// A `rerun()`'s follow-up: the whole script.
    full: bool,
}

impl Request {
    fn push(&mut self, index: usize, value: Val) {
        if value == Val::Bool(true) {
            self.called_back.remove(&index);
        }
        self.values.insert(index, value);
    }

    fn merge(&mut self, newer: Request) {
        for (index, value) in newer.values {
            if !newer.called_back.contains(&index) {
                self.push(index, value);
            } else if self.values.get(&index) != Some(&Val::Bool(true)) {
                self.values.insert(index, value);
                self.called_back.insert(index);
            }
        }
        self.full |= newer.full;
    }
}

/// Where a fragment's body is in the tree (indices from the main area down): with its
/// function, what its id is made of, so a fragment drawn one place lower is another fragment.
type Path = Vec<usize>;

#[derive(Clone, Debug, PartialEq)]
enum Scope {
    Full,
    /// A fragment rerun.
    Fragment(Path),
}

/// The run in progress (or in flight) as the model follows it.
#[derive(Debug)]
struct Run {
    scope: Scope,
    /// The fragment bodies open now, and how many nodes each holds so far; the main area's
    /// count first.
    open: Vec<(Path, usize)>,
    drawn: BTreeSet<usize>,
    /// The widgets drawn, in order.
    order: Vec<usize>,
    /// Whether the form's submit button started this run.
    submitted: bool,
}

impl Run {
    /// One more node in the block the run draws into now.
    fn count_node(&mut self) {
        if let Some((_, count)) = self.open.last_mut() {
            *count += 1;
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, PartialEq)]
enum Ending {
    Completed,
    Rerun,
    /// `stop()` or an error: no cleanup.
    Halted,
}

struct Model {
    specs: Vec<Spec>,
    /// Each widget's value in the engine; `None` while it is not registered.
    stored: Vec<Option<Val>>,
    /// A value set for a widget's key through session state, which the widget takes when
    /// it is next drawn.
    user: Vec<Option<Val>>,
    pending: Request,
    form_held: Request,
    queued: Option<Request>,
    current: Option<Run>,
    /// The fragments the tree holds (a change in another one reruns everything).
    tree_fragments: BTreeSet<Path>,
    /// The fragment each widget was last drawn in.
    fragment_of: Vec<Option<Path>>,
    /// The widgets the last full run drew, in order: the order callbacks fire in.
    order: Vec<usize>,
    /// The request a `rerun()` left.
    follow_up: Option<Request>,
    clear_on_submit: bool,
    /// The page the last `navigation` picked.
    page: Option<Place>,
    runs: u64,
    stats: Stats,
}

/// What the sequences exercised, summed over a test run.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    steps: usize,
    runs: usize,
    fragment_runs: usize,
    interrupted: usize,
    queued: usize,
    callbacks: usize,
    submits: usize,
    stopped_or_failed: usize,
    reruns: usize,
    cleared_forms: usize,
    cleaned_up: usize,
    page_switches: usize,
}

impl Stats {
    fn add(&mut self, other: Stats) {
        self.steps += other.steps;
        self.runs += other.runs;
        self.fragment_runs += other.fragment_runs;
        self.interrupted += other.interrupted;
        self.queued += other.queued;
        self.callbacks += other.callbacks;
        self.submits += other.submits;
        self.stopped_or_failed += other.stopped_or_failed;
        self.reruns += other.reruns;
        self.cleared_forms += other.cleared_forms;
        self.cleaned_up += other.cleaned_up;
        self.page_switches += other.page_switches;
    }
}

type Check = std::result::Result<(), String>;

impl Model {
    fn new(specs: &[Spec], clear_on_submit: bool) -> Self {
        Model {
            specs: specs.to_vec(),
            stored: vec![None; specs.len()],
            user: vec![None; specs.len()],
            pending: Request::default(),
            form_held: Request::default(),
            queued: None,
            current: None,
            tree_fragments: BTreeSet::new(),
            fragment_of: vec![None; specs.len()],
            order: Vec::new(),
            follow_up: None,
            clear_on_submit,
            page: None,
            runs: 0,
            stats: Stats::default(),
        }
    }

    fn has_callback(&self, index: usize) -> bool {
        let spec = self.specs[index];
        spec.place != Place::Form || spec.kind == Kind::Submit
    }

    fn release_triggers(&mut self) {
        for (spec, value) in self.specs.iter().zip(&mut self.stored) {
            if spec.kind.is_button() && value.is_some() {
                *value = Some(Val::Bool(false));
            }
        }
    }

    /// The visitor sets widget `index` to `value` (a press for a button).
    fn send(&mut self, index: usize, value: Val) {
        match self.specs[index] {
            Spec { kind: Kind::Submit, .. } => {
                let mut request = std::mem::take(&mut self.form_held);
                request.push(index, value);
                self.pending.merge(request);
            }
            Spec { place: Place::Form, .. } => self.form_held.push(index, value),
            _ => self.pending.push(index, value),
        }
    }

    /// `Session::scope_of`: the whole script, or the fragment whose widgets changed (the
    /// outer one if both did), if the tree holds it.
    fn scope_of(&self, request: &Request) -> Scope {
        if request.full {
            return Scope::Full;
        }
        let mut fragments = BTreeSet::new();
        for index in request.values.keys() {
            if self.stored[*index].is_none() {
                continue;
            }
            match &self.fragment_of[*index] {
                Some(path) => drop(fragments.insert(path.clone())),
                None => return Scope::Full,
            }
        }
        fragments.retain(|path| self.tree_fragments.contains(path));
        // The outer one reruns the inner one.
        let outer: Vec<&Path> =
            fragments.iter().filter(|p| !fragments.iter().any(|o| o != *p && p.starts_with(o))).collect();
        match outer[..] {
            [] => Scope::Full,
            [path] => Scope::Fragment(path.clone()),
            _ => panic!("the app draws one fragment tree, not {outer:?}"),
        }
    }

    /// Whether a widget last drawn in `fragment` is cleaned up by a completed run of `scope`.
    fn within(scope: &Scope, fragment: Option<&Path>) -> bool {
        match (scope, fragment) {
            (Scope::Full, _) => true,
            (Scope::Fragment(path), Some(fragment)) => fragment.starts_with(path),
            (Scope::Fragment(_), None) => false,
        }
    }

    /// `AppTest::run` (and `run_for`): interrupt or queue behind a run in flight, then run.
    fn run(&mut self, log: &mut VecDeque<Entry>) -> Check {
        let request = std::mem::take(&mut self.pending);
        if self.current.is_none() {
            self.begin(request, log)?;
        } else {
            let mut queued = self.queued.take().unwrap_or_default();
            queued.merge(request);
            if self.scope_of(&queued) == Scope::Full {
                self.stats.interrupted += 1;
                let mut carried = self.interrupt();
                carried.merge(queued);
                self.begin(carried, log)?;
            } else {
                self.stats.queued += 1;
                self.queued = Some(queued);
                self.follow(log)?;
            }
        }
        self.after(log)
    }

    /// `AppTest::wait`: the run in flight goes on; what waits for it runs after.
    fn wait(&mut self, log: &mut VecDeque<Entry>) -> Check {
        if self.current.is_some() {
            self.follow(log)?;
            self.after(log)?;
        }
        Ok(())
    }

    fn after(&mut self, log: &mut VecDeque<Entry>) -> Check {
        while self.current.is_none() {
            let request = match (self.follow_up.take(), self.queued.take()) {
                (None, None) => return Ok(()),
                (Some(request), None) | (None, Some(request)) => request,
                (Some(mut follow_up), Some(queued)) => {
                    follow_up.merge(queued);
                    follow_up
                }
            };
            self.begin(request, log)?;
        }
        Ok(())
    }

    /// `Session::interrupt_run`: no cleanup; presses the run had not reached are handed back.
    fn interrupt(&mut self) -> Request {
        let run = self.current.take().expect("a run in flight");
        let mut carried = Request::default();
        for index in 0..self.specs.len() {
            let pressed = self.specs[index].kind.is_button() && self.stored[index] == Some(Val::Bool(true));
            if pressed && !run.drawn.contains(&index) {
                carried.values.insert(index, Val::Bool(true));
                carried.called_back.insert(index);
            }
        }
        self.release_triggers();
        carried
    }

    /// `Session::begin_run`: which callbacks must fire, then the run itself.
    fn begin(&mut self, request: Request, log: &mut VecDeque<Entry>) -> Check {
        self.runs += 1;
        let scope = self.scope_of(&request);
        self.release_triggers();
        let submitted =
            request.values.iter().any(|(i, v)| self.specs[*i].kind == Kind::Submit && *v == Val::Bool(true));
        let mut expected = Vec::new();
        for (&index, value) in &request.values {
            let Some(old) = &self.stored[index] else { continue };
            // The visitor's value is newer than one set for the key before this run.
            self.user[index] = None;
            if old != value {
                self.stored[index] = Some(value.clone());
                if !request.called_back.contains(&index) && self.has_callback(index) {
                    expected.push(Entry::Callback(index, Some(value.clone())));
                }
            }
        }
        // A reset button's callback sets its target's key.
        for entry in &expected {
            let Entry::Callback(index, _) = entry else { continue };
            if self.specs[*index].kind == Kind::Button {
                if let Some(target) = reset_target(&self.specs, *index) {
                    self.user[target] = Some(self.specs[target].kind.default());
                }
            }
        }
        let mut fired = Vec::new();
        while let Some(Entry::Callback(index, seen)) = log.front().cloned() {
            log.pop_front();
            // The key holds the new value, or what a reset callback that ran before set.
            let seen = if seen.is_some() && seen == self.user[index] { self.stored[index].clone() } else { seen };
            fired.push(Entry::Callback(index, seen));
        }
        // Callbacks fire in the order the last full run drew their widgets.
        let positions: Vec<usize> = fired
            .iter()
            .filter_map(|e| match e {
                Entry::Callback(index, _) => self.order.iter().position(|o| o == index),
                _ => None,
            })
            .collect();
        if positions.windows(2).any(|w| w[0] > w[1]) {
            return Err(format!("run {}: callbacks {fired:?} out of the widget order {:?}", self.runs, self.order));
        }
        expected.sort_by_key(|e| format!("{e:?}"));
        fired.sort_by_key(|e| format!("{e:?}"));
        if fired != expected {
            return Err(format!("run {}: callbacks fired {fired:?}, expected {expected:?}", self.runs));
        }
        // The run clears the tree, or the body of the fragment that reruns.
        let open = match &scope {
            Scope::Full => {
                self.tree_fragments.clear();
                vec![(Vec::new(), 0)]
            }
            Scope::Fragment(path) => {
                self.tree_fragments.retain(|p| p == path || !p.starts_with(path));
                Vec::new()
            }
        };
        self.stats.runs += 1;
        self.stats.fragment_runs += usize::from(scope != Scope::Full);
        self.stats.submits += usize::from(submitted);
        self.stats.callbacks += fired.len();
        self.current = Some(Run { scope, open, drawn: BTreeSet::new(), order: Vec::new(), submitted });
        self.follow(log)
    }

    /// Reads what the current run drew from the log, until it ends or the log does (in flight).
    fn follow(&mut self, log: &mut VecDeque<Entry>) -> Check {
        while let Some(entry) = log.pop_front() {
            let run = self.current.as_mut().ok_or_else(|| format!("log entry {entry:?} after the run ended"))?;
            match entry {
                Entry::MainStart if run.scope == Scope::Full => {}
                Entry::FormStart => run.count_node(),
                Entry::FragStart(_) => {
                    let path = match (&run.scope, run.open.last()) {
                        (Scope::Fragment(path), None) => path.clone(),
                        (_, Some((parent, count))) => [&parent[..], &[*count]].concat(),
                        (Scope::Full, None) => return Err("a fragment outside the main area".into()),
                    };
                    run.count_node();
                    self.tree_fragments.insert(path.clone());
                    run.open.push((path, 0));
                }
                Entry::FragEnd(_) => {
                    let (path, _) = run.open.pop().ok_or("a fragment ends that did not start")?;
                    if run.scope == Scope::Fragment(path) {
                        return self.end(Ending::Completed);
                    }
                }
                Entry::Page(place) => {
                    // A page switch drops the old page's widgets and keys (Streamlit 1.46+).
                    if let Some(old) = self.page.replace(place).filter(|old| *old != place) {
                        self.stats.page_switches += 1;
                        for (spec, value) in self.specs.iter().zip(&mut self.stored) {
                            if spec.place == old {
                                *value = None;
                            }
                        }
                    }
                }
                Entry::MainEnd => return self.end(Ending::Completed),
                Entry::Rerun => return self.end(Ending::Rerun),
                Entry::Stop | Entry::Fail => return self.end(Ending::Halted),
                Entry::Drawn(index, value) => {
                    let spec = self.specs[index];
                    if let Some(set) = self.user[index].take() {
                        self.stored[index] = Some(set);
                    }
                    let stored = self.stored[index].get_or_insert_with(|| spec.kind.default()).clone();
                    if value != stored {
                        let why = if spec.place == Place::Form && !run.submitted {
                            " (a form widget moved without a submit)"
                        } else {
                            ""
                        };
                        return Err(format!(
                            "run {}: w{index} returned {value:?}, expected {stored:?}{why}",
                            self.runs
                        ));
                    }
                    run.drawn.insert(index);
                    run.order.push(index);
                    let fragment = run.open.last().map(|(path, _)| path.clone()).filter(|path| !path.is_empty());
                    if spec.place != Place::Form {
                        run.count_node();
                    }
                    self.fragment_of[index] = fragment;
                }
                Entry::Mismatch(index, held, value) => {
                    return Err(format!("run {}: w{index} returned {value:?} while its key held {held:?}", self.runs))
                }
                other => return Err(format!("run {}: unexpected {other:?}", self.runs)),
            }
        }
        Ok(())
    }

    /// `Session::finish_run`: a completed run drops the widgets it did not draw (a fragment
    /// rerun: only the fragment's); buttons go back to false.
    fn end(&mut self, ending: Ending) -> Check {
        let run = self.current.take().expect("a run to end");
        self.stats.stopped_or_failed += usize::from(ending == Ending::Halted);
        self.stats.reruns += usize::from(ending == Ending::Rerun);
        // A submitted form with `clear_on_submit` goes back to its defaults, however the run ended.
        let submit = self.specs.iter().position(|s| s.kind == Kind::Submit);
        if self.clear_on_submit
            && submit.is_some_and(|i| run.drawn.contains(&i) && self.stored[i] == Some(Val::Bool(true)))
        {
            self.stats.cleared_forms += 1;
            for (spec, value) in self.specs.iter().zip(&mut self.stored) {
                if spec.place == Place::Form && spec.kind != Kind::Submit && value.is_some() {
                    *value = Some(spec.kind.default());
                }
            }
        }
        if run.scope == Scope::Full {
            self.order = run.order.clone();
        }
        if ending == Ending::Rerun {
            self.follow_up = Some(Request { full: true, ..Request::default() });
        }
        if ending != Ending::Halted {
            for index in 0..self.specs.len() {
                let in_scope = Model::within(&run.scope, self.fragment_of[index].as_ref());
                if in_scope && !run.drawn.contains(&index) && self.stored[index].is_some() {
                    self.stats.cleaned_up += 1;
                    self.stored[index] = None;
                }
            }
        }
        self.release_triggers();
        Ok(())
    }

    /// Between runs: every alive widget's key holds its value; no other widget key exists.
    fn check_state(&self, state: &SessionState) -> Check {
        for (index, spec) in self.specs.iter().enumerate() {
            let key = key_of(index);
            match self.user[index].as_ref().or(self.stored[index].as_ref()) {
                Some(value) => {
                    let held = spec.kind.read(state, &key);
                    if held.as_ref() != Some(value) {
                        return Err(format!("key {key} holds {held:?}, the widget's value is {value:?} (lost?)"));
                    }
                }
                None if state.contains(&key) => return Err(format!("key {key} outlived its widget")),
                None => {}
            }
        }
        Ok(())
    }
}

// ----- actions --------------------------------------------------------------

#[derive(Clone, Debug)]
enum Action {
    /// Sets widget `index % n` from `seed` (presses a button, submits the form).
    Set(usize, u8),
    Run,
    /// Runs with at most this much virtual time (a one-second sleep stays in flight).
    RunFor(u64),
    Wait,
    /// Sets widget `index % n`'s key in session state between runs.
    SetState(usize, u8),
    Show(bool),
    StopAt(Option<usize>),
    FailAt(Option<usize>),
    SleepAt(Option<usize>),
    RerunAt(usize),
    SwitchPage(bool),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        8 => (any::<usize>(), any::<u8>()).prop_map(|(i, seed)| Action::Set(i, seed)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, seed)| Action::SetState(i, seed)),
        5 => Just(Action::Run),
        3 => prop_oneof![Just(300u64), Just(1_500)].prop_map(Action::RunFor),
        1 => Just(Action::Wait),
        2 => any::<bool>().prop_map(Action::Show),
        1 => proptest::option::weighted(0.4, 0..8usize).prop_map(Action::StopAt),
        1 => proptest::option::weighted(0.4, 0..8usize).prop_map(Action::FailAt),
        2 => proptest::option::weighted(0.7, 0..8usize).prop_map(Action::SleepAt),
        1 => (0..8usize).prop_map(Action::RerunAt),
        1 => any::<bool>().prop_map(Action::SwitchPage),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    let kind = prop_oneof![
        1 => Just(Kind::Checkbox),
        1 => Just(Kind::Toggle),
        1 => Just(Kind::Slider),
        1 => Just(Kind::Text),
        1 => Just(Kind::TextArea),
        1 => Just(Kind::Select),
        1 => Just(Kind::Radio),
        1 => Just(Kind::Number),
        2 => Just(Kind::Button),
    ];
    let place = prop_oneof![
        3 => Just(Place::Main),
        2 => Just(Place::Form),
        2 => Just(Place::Fragment),
        1 => Just(Place::Inner),
        1 => Just(Place::PageA),
        1 => Just(Place::PageB),
    ];
    (kind, place, proptest::bool::weighted(0.35)).prop_map(|(kind, place, conditional)| {
        // Streamlit allows no plain button in a form.
        let place = if kind == Kind::Button && place == Place::Form { Place::Main } else { place };
        Spec { kind, place, conditional }
    })
}

/// The app's widgets in drawing order, with the form's submit button after its widgets.
fn app_specs(mut specs: Vec<Spec>) -> Vec<Spec> {
    specs.sort_by_key(|s| s.place);
    if let Some(last) = specs.iter().rposition(|s| s.place == Place::Form) {
        specs.insert(last + 1, Spec { kind: Kind::Submit, place: Place::Form, conditional: false });
    }
    specs
}

// ----- the driver -----------------------------------------------------------

/// Whether the last run shows widget `index` (only what is shown can be changed).
fn shown(at: &AppTest, index: usize) -> bool {
    let key = key_of(index);
    at.elements().iter().any(|e| e.widget().and_then(|w| w.key.as_deref()) == Some(key.as_str()))
}

fn set(at: &mut AppTest, spec: Spec, index: usize, value: &Val) {
    let selector = key(key_of(index));
    match (spec.kind, value) {
        (Kind::Checkbox, Val::Bool(b)) => drop(at.checkbox(selector).set_value(*b)),
        (Kind::Toggle, Val::Bool(b)) => drop(at.toggle(selector).set_value(*b)),
        (Kind::TextArea, Val::Text(t)) => drop(at.text_area(selector).input(t)),
        (Kind::Radio, Val::Text(t)) => drop(at.radio(selector).select(t)),
        (Kind::Slider, Val::Int(n)) => drop(at.slider(selector).set_value(*n)),
        (Kind::Number, Val::Int(n)) => drop(at.number_input(selector).set_value(*n)),
        (Kind::Text, Val::Text(t)) => drop(at.text_input(selector).input(t)),
        (Kind::Select, Val::Text(t)) => drop(at.selectbox(selector).select(t)),
        (Kind::Button | Kind::Submit, _) => drop(at.button(selector).click()),
        (kind, value) => unreachable!("{kind:?} cannot take {value:?}"),
    }
}

/// Plays `actions` on the app made of `specs`; returns what it exercised, or the first
/// broken invariant.
fn play(specs: Vec<Spec>, clear_on_submit: bool, actions: &[Action]) -> std::result::Result<Stats, String> {
    let specs = app_specs(specs);
    let controls = Rc::new(RefCell::new(Controls::default()));
    let log: Log = Rc::default();
    let app = Rc::new(App { specs: specs.clone(), clear_on_submit, controls: controls.clone(), log: log.clone() });
    let mut at = AppTest::new_async(move |ui: Ui| app.clone().script(ui));
    let mut model = Model::new(&specs, clear_on_submit);
    let has_pages = specs.iter().any(|s| matches!(s.place, Place::PageA | Place::PageB));
    let step = |at: &mut AppTest, model: &mut Model, action: &Action| -> Check {
        let entries = || log.borrow_mut().drain(..).collect::<VecDeque<_>>();
        match action {
            Action::Set(index, seed) => {
                let index = index % specs.len();
                if shown(at, index) {
                    let value = specs[index].kind.value(*seed);
                    set(at, specs[index], index, &value);
                    model.send(index, value);
                }
            }
            Action::Run => {
                at.run();
                model.run(&mut entries())?;
            }
            Action::RunFor(millis) => {
                at.run_for(Duration::from_millis(*millis));
                model.run(&mut entries())?;
            }
            Action::Wait => {
                at.wait();
                model.wait(&mut entries())?;
            }
            Action::SetState(index, seed) => {
                let index = index % specs.len();
                let kind = specs[index].kind;
                // Not while a run is in flight (a drawn widget's key is taken), not a button,
                // and not over a value the visitor already sent for the next run: only a test
                // can set state between runs, and the engine cannot tell which came last.
                let sent = model.pending.values.contains_key(&index) || model.form_held.values.contains_key(&index);
                if !at.is_running() && !kind.is_button() && !sent {
                    let value = kind.value(*seed);
                    kind.write(&at.session_state(), &key_of(index), &value).map_err(|e| e.to_string())?;
                    model.user[index] = Some(value);
                }
            }
            Action::Show(show) => controls.borrow_mut().show = *show,
            Action::StopAt(i) => controls.borrow_mut().stop_at = *i,
            Action::FailAt(i) => controls.borrow_mut().fail_at = *i,
            Action::SleepAt(i) => controls.borrow_mut().sleep_at = *i,
            Action::RerunAt(i) => controls.borrow_mut().rerun_at = Some(*i),
            Action::SwitchPage(b) if has_pages => drop(at.switch_page(if *b { "b" } else { "a" })),
            Action::SwitchPage(_) => {}
        }
        let mut rest = entries();
        if let Some(entry) = rest.pop_front() {
            return Err(format!("the model did not expect {entry:?}"));
        }
        if at.is_running() != model.current.is_some() {
            return Err(format!("in flight: app {}, model {}", at.is_running(), model.current.is_some()));
        }
        if !at.is_running() {
            model.check_state(&at.session_state())?;
        }
        Ok(())
    };
    step(&mut at, &mut model, &Action::Run)?;
    for (n, action) in actions.iter().enumerate() {
        step(&mut at, &mut model, action).map_err(|e| format!("step {n} ({action:?}): {e}"))?;
    }
    model.stats.steps = actions.len() + 1;
    Ok(model.stats)
}

fn cases() -> u32 {
    std::env::var("WASMLIT_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000)
}

#[test]
fn random_interactions_keep_the_invariants() {
    let cases = cases();
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let stats = RefCell::new(Stats::default());
    let started = Instant::now();
    let strategy = (
        proptest::collection::vec(spec(), 1..7),
        proptest::bool::weighted(0.3),
        proptest::collection::vec(action(), 1..30),
    );
    let result = runner.run(&strategy, |(specs, clear_on_submit, actions)| {
        stats.borrow_mut().add(play(specs, clear_on_submit, &actions).map_err(TestCaseError::fail)?);
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    let stats = stats.into_inner();
    println!("fuzz_interactions: {cases} sequences, {} steps, {:.1?}", stats.steps, started.elapsed());
    println!("  {stats:?}");
}

// ----- what the fuzzer found ----------------------------------------------------

/// Shrunk from the fuzzer (`SetState(w0, "")`, `Set(w0, "a")`, `Run`): a value set for a
/// widget's key and not yet taken by the widget won over the visitor's newer change, which
/// was lost, and the widget's `on_change` saw the old value.
#[test]
fn a_visitor_change_beats_a_session_state_value_set_before_it() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let mut at = AppTest::new(move |ui: &Ui| {
        let log = log.clone();
        let on_change = move |ui: &Ui| log.borrow_mut().push(ui.session_state().get::<String>("w0"));
        let text = ui.add(TextInput::new("w0").key("w0").on_change(on_change));
        ui.write(format!("text = {text}"));
    });
    at.run();
    at.session_state().set("w0", String::new()).unwrap();
    at.text_input(0).input("a").run();
    assert_eq!(at.markdown(0).text(), "text = a");
    assert_eq!(*seen.borrow(), [Ok("a".to_string())]);
}

/// The same on the page: a fragment's "Reset" sets a field outside the fragment, which its
/// rerun does not draw, so the reset waits for the next full run; the visitor's next change of
/// that field is newer and must win.
#[test]
fn a_change_after_a_reset_from_a_fragment_is_kept() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let name = ui.add(TextInput::new("Name").key("name"));
        ui.fragment(|ui: &Ui| {
            ui.add(Button::new("Reset").on_click(|ui: &Ui| ui.session_state().set("name", String::new())));
        })?;
        ui.write(format!("name = {name}"));
        Ok(())
    });
    at.run();
    at.text_input(0).input("Ada").run();
    at.button(0).click().run();
    assert_eq!(at.markdown(0).text(), "name = Ada", "a fragment rerun does not redraw the field");
    at.text_input(0).input("Grace").run();
    assert_eq!(at.markdown(0).text(), "name = Grace");
    at.button(0).click().run();
    at.run();
    assert_eq!(at.markdown(0).text(), "name = ", "left alone, the reset applies on the next full run");
}
